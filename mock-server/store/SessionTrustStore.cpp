#include "store/SessionTrustStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

SessionTrustStore::SessionTrustStore(Database& database) : m_database(database) {}

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
    auto rows =
        m_database.exec(QStringLiteral("SELECT session_id, aged_ms, confirmed_at, confirmed_by FROM session_trust"));
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
    auto ok = m_database.run(
        QStringLiteral("INSERT INTO session_trust (session_id, aged_ms, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT(session_id) DO UPDATE SET aged_ms = excluded.aged_ms,"
                       " confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by"),
        {trust.sessionId,
         trust.agedMs,
         trust.isConfirmed() ? QVariant(trust.confirmedAtMs) : QVariant(),
         trust.confirmedBy.isEmpty() ? QVariant() : QVariant(trust.confirmedBy)});
    if (ok)
        m_bySession.insert(trust.sessionId, trust);
    return ok;
}

} // namespace mockd
