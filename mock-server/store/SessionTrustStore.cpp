#include "store/SessionTrustStore.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

SessionTrustStore::SessionTrustStore(Database& database, ChangeFeed& changes) : m_database(database), m_changes(changes)
{}

QStringList SessionTrustStore::migration()
{
    return {
        QStringLiteral("CREATE TABLE session_trust ("
                       " session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
                       " aged_ms INTEGER NOT NULL DEFAULT 0,"
                       " confirmed_at INTEGER,"
                       " confirmed_by TEXT) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE established_cookies ("
                       " hash BLOB PRIMARY KEY,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE) WITHOUT ROWID"),
    };
}

Expected<Ok, QString> SessionTrustStore::load()
{
    m_bySession.clear();
    return read({}, {});
}

Expected<Ok, QString> SessionTrustStore::reload(const QString& sessionId)
{
    m_bySession.remove(sessionId);
    return read(QStringLiteral(" WHERE session_id = ?"), {sessionId});
}

Expected<Ok, QString> SessionTrustStore::read(const QString& where, const QVariantList& bindings)
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT session_id, aged_ms, confirmed_at, confirmed_by FROM session_trust") + where, bindings);
    if (!rows)
        return unexpected(rows.error());
    QSqlQuery& q = **rows;
    while (q.next()) {
        SessionTrust trust;
        trust.sessionId = q.value(0).toString();
        trust.agedMs = q.value(1).toLongLong();
        trust.confirmedAtMs = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
        trust.confirmedBy = q.value(3).toString();
        m_bySession.insert(trust.sessionId, trust);
    }
    q.finish();
    return Ok{};
}

SessionTrust SessionTrustStore::of(const QString& sessionId) const
{
    const auto it = m_bySession.constFind(sessionId);
    if (it != m_bySession.cend())
        return *it;
    SessionTrust none;
    none.sessionId = sessionId;
    return none;
}

Expected<Ok, QString> SessionTrustStore::save(const SessionTrust& trust)
{
    Transaction transaction(m_database);
    auto ok = m_database.run(
        QStringLiteral("INSERT INTO session_trust (session_id, aged_ms, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT(session_id) DO UPDATE SET aged_ms = excluded.aged_ms,"
                       " confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by"),
        {trust.sessionId,
         trust.agedMs,
         trust.isConfirmed() ? QVariant(trust.confirmedAtMs) : QVariant(),
         trust.confirmedBy.isEmpty() ? QVariant() : QVariant(trust.confirmedBy)});
    if (!ok)
        return ok;
    if (auto told = m_changes.publish(ChangeTopic::sessionTrust, trust.sessionId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the trust of session %1").arg(trust.sessionId));
    m_bySession.insert(trust.sessionId, trust);
    return Ok{};
}

} // namespace mockd
