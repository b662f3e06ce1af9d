#include "auth/YoungSessions.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/Access.h"
#include "store/Database.h"
#include "store/Store.h"

namespace mockd {

YoungSessions::YoungSessions(Store& store, const Clock& clock, qint64 windowMs)
    : m_store(store), m_clock(clock), m_windowMs(windowMs)
{}

qint64 YoungSessions::newUntilMs(const Session& session) const
{
    const qint64 now = m_clock.nowMs();
    // Aging only moves the end earlier and confirming only ends it: an old session needs no lookup.
    if (m_windowMs <= 0 || session.issuedAtMs + m_windowMs <= now)
        return 0;
    const SessionTrust trust = m_store.sessionTrust().of(session.id);
    if (trust.isConfirmed())
        return 0;
    const qint64 end = session.issuedAtMs - trust.agedMs + m_windowMs;
    return end > now ? end : 0;
}

QList<const Session*> YoungSessions::liveSessions(const Device& device) const
{
    QList<const Session*> out;
    const Account* account = m_store.accounts().byId(device.accountId);
    if (!account)
        return out;
    const qint64 now = m_clock.nowMs();
    for (const Session* session : m_store.sessions().forDevice(device.id)) {
        if (!session->isRevoked() && session->issuedAtMs >= account->notBeforeMs && session->expiresAtMs > now)
            out.append(session);
    }
    return out;
}

qint64 YoungSessions::deviceNewUntilMs(const Device& device) const
{
    qint64 latest = 0;
    for (const Session* session : liveSessions(device))
        latest = qMax(latest, newUntilMs(*session));
    return latest;
}

Expected<bool, QString> YoungSessions::confirmDevice(const Device& device, const QString& by)
{
    const QList<const Session*> live = liveSessions(device);
    if (live.isEmpty())
        return false;
    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_store.database());
    for (const Session* session : live) {
        SessionTrust trust = m_store.sessionTrust().of(session->id);
        if (trust.isConfirmed())
            continue;
        trust.confirmedAtMs = now;
        trust.confirmedBy = by;
        if (auto ok = m_store.sessionTrust().save(trust); !ok)
            return unexpected(ok.error());
    }
    if (!transaction.commit()) {
        (void)m_store.reload();
        return unexpected(QStringLiteral("cannot commit a confirmation"));
    }
    return true;
}

Expected<bool, QString> YoungSessions::ageDevice(const Device& device, qint64 ms)
{
    const QList<const Session*> live = liveSessions(device);
    if (live.isEmpty())
        return false;
    Transaction transaction(m_store.database());
    for (const Session* session : live) {
        SessionTrust trust = m_store.sessionTrust().of(session->id);
        trust.agedMs += ms;
        if (auto ok = m_store.sessionTrust().save(trust); !ok)
            return unexpected(ok.error());
    }
    if (!transaction.commit()) {
        (void)m_store.reload();
        return unexpected(QStringLiteral("cannot commit an aging"));
    }
    return true;
}

std::optional<ApiError> YoungSessions::refusal(const Principal& caller)
{
    if (caller.role != Role::Holder || caller.newUntilMs <= 0)
        return std::nullopt;
    ApiError error = ApiError::forbidden(
        QStringLiteral("session_too_new"),
        QStringLiteral("This sign-in is new, so it cannot sign out other devices or change security settings yet. "
                       "Use a device you've signed in on before, or confirm this one from it."));
    error.with(QStringLiteral("new_until"), TimeFormat::toRfc3339(caller.newUntilMs));
    error.retryAfter = qMax<qint64>(1, (caller.newUntilMs - caller.authenticatedAtMs + 999) / 1000);
    return error;
}

} // namespace mockd
