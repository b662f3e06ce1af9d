#include "auth/YoungSessions.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/Access.h"
#include "store/Database.h"
#include "store/Store.h"

#include <algorithm>

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

bool YoungSessions::isLive(const Session& session, const Account& account) const
{
    return !session.isRevoked() && session.issuedAtMs >= account.notBeforeMs && session.expiresAtMs > m_clock.nowMs();
}

QList<const Session*> YoungSessions::liveSessions(const Device& device) const
{
    QList<const Session*> out;
    const Account* account = m_store.accounts().byId(device.accountId);
    if (!account)
        return out;
    for (const Session* session : m_store.sessions().forDevice(device.id)) {
        if (isLive(*session, *account))
            out.append(session);
    }
    return out;
}

bool YoungSessions::hasEstablishedSession(const Account& account) const
{
    // Stops at the first: an owner with a daily device is found at once.
    const QList<const Session*> sessions = m_store.sessions().forAccount(account.id);
    return std::any_of(sessions.cbegin(), sessions.cend(), [this, &account](const Session* session) {
        return isLive(*session, account) && newUntilMs(*session) == 0 && !m_store.guests().isGuest(session->id);
    });
}

bool YoungSessions::mayShortenWait(const Account& account, qint64 newUntilMs) const
{
    return account.role == Role::Holder && !account.email.isEmpty() && account.emailVerified &&
           newUntilMs > m_clock.nowMs() + shortenedMs && !hasEstablishedSession(account);
}

std::optional<ApiError> YoungSessions::shortenRefusal(const Principal& caller, const Account& account) const
{
    // An established session is the owner's way in, so the shortcut is not needed; and while it
    // exists an intruder who also reads the owner's email must wait the full window.
    if (hasEstablishedSession(account))
        return ApiError::forbidden(
            QStringLiteral("established_session_exists"),
            QStringLiteral("A device that has been signed in for longer is still signed in to this account. Use it to "
                           "sign out other devices, or to confirm this one."));
    if (caller.newUntilMs <= m_clock.nowMs() + shortenedMs)
        return ApiError::make(409,
                              QStringLiteral("wait_already_short"),
                              QStringLiteral("This sign-in stops being new within the hour; a code would not help."));
    if (account.email.isEmpty() || !account.emailVerified)
        return ApiError::invalidField(QStringLiteral("method"),
                                      QStringLiteral("The account has no verified email address to send a code to."));
    return std::nullopt;
}

Expected<qint64, QString> YoungSessions::shortenWait(const Session& session)
{
    const qint64 end = newUntilMs(session);
    const qint64 cap = m_clock.nowMs() + shortenedMs;
    if (end <= cap)
        return end; // never lengthened
    SessionTrust trust = m_store.sessionTrust().of(session.id);
    trust.agedMs += end - cap;
    if (auto ok = m_store.sessionTrust().save(trust); !ok)
        return unexpected(ok.error());
    return newUntilMs(session);
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
    // A guest's tokens sit on a TV the owner may never see again: its age earns it nothing.
    if (caller.guest)
        return ApiError::forbidden(QStringLiteral("guest_session"),
                                   QStringLiteral("A guest cannot sign out other devices or change security settings. "
                                                  "Use one of the account owner's own devices."));
    if (caller.role != Role::Holder || caller.newUntilMs <= 0)
        return std::nullopt;
    ApiError error = ApiError::forbidden(
        QStringLiteral("session_too_new"),
        QStringLiteral("This sign-in is new, so it cannot sign out other devices or change security settings yet. "
                       "Use a device you've signed in on before, or confirm this one from it."));
    error.with(QStringLiteral("new_until"), TimeFormat::toRfc3339(caller.newUntilMs));
    error.with(QStringLiteral("shorten_by_email"), caller.mayShortenWait);
    error.retryAfter = qMax<qint64>(1, (caller.newUntilMs - caller.authenticatedAtMs + 999) / 1000);
    return error;
}

} // namespace mockd
