#include "securitykeys/KeyRegistrations.h"

#include "base/Clock.h"
#include "base/Ids.h"
#include "log/LogCategories.h"
#include "securitykeys/SecurityKeyPolicy.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

KeyRegistrations::KeyRegistrations(Database& database, const Clock& clock) : m_database(database), m_clock(clock) {}

void KeyRegistrations::dropExpired()
{
    (void)m_database.run(QStringLiteral("DELETE FROM key_registrations WHERE expires_at <= ?"), {m_clock.nowMs()});
}

QString KeyRegistrations::start(const QString& accountId, const QString& sessionId, const QString& challenge)
{
    dropExpired();
    Transaction transaction(m_database);
    // The session's oldest make room for its new one.
    (void)m_database.run(QStringLiteral("DELETE FROM key_registrations WHERE session_id = ? AND sequence NOT IN"
                                        " (SELECT sequence FROM key_registrations WHERE session_id = ?"
                                        " ORDER BY sequence DESC LIMIT ?)"),
                         {sessionId, sessionId, SecurityKeyPolicy::registrationsPerSession - 1});
    auto count = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM key_registrations"));
    if (!count || !(*count)->next())
        return {};
    const qint64 held = (*count)->value(0).toLongLong();
    (*count)->finish();
    if (held >= SecurityKeyPolicy::maxRegistrations)
        return {};
    QString id = Ids::generate(u"skr");
    if (auto ok = m_database.run(
            QStringLiteral("INSERT INTO key_registrations (id, account_id, session_id, challenge,"
                           " expires_at) VALUES (?, ?, ?, ?, ?)"),
            {id, accountId, sessionId, challenge, m_clock.nowMs() + SecurityKeyPolicy::registrationSeconds * 1000});
        !ok) {
        qCWarning(lcAuth) << "cannot store a security-key registration:" << ok.error();
        return {};
    }
    return transaction.commit() ? id : QString();
}

std::optional<KeyRegistration> KeyRegistrations::take(const QString& id, const QString& sessionId)
{
    // Deleted and read in one statement: of two finishes at once only one gets it.
    auto rows = m_database.exec(QStringLiteral("DELETE FROM key_registrations WHERE id = ? AND session_id = ?"
                                               " RETURNING account_id, challenge, expires_at, sequence"),
                                {id, sessionId});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    KeyRegistration registration{(*rows)->value(0).toString(),
                                 sessionId,
                                 (*rows)->value(1).toString(),
                                 (*rows)->value(2).toLongLong(),
                                 (*rows)->value(3).toULongLong()};
    (*rows)->finish();
    if (registration.expiresAtMs <= m_clock.nowMs())
        return std::nullopt;
    return registration;
}

void KeyRegistrations::clear()
{
    (void)m_database.run(QStringLiteral("DELETE FROM key_registrations"));
}

} // namespace mockd
