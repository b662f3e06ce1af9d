#include "store/EventLog.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {
// Pruning on every event would double the statements of the hot path; every so many is enough to
// keep an account's rows near `keep`.
constexpr qint64 pruneEvery = 64;
} // namespace

EventLog::EventLog(Database& database, qint64 keep) : m_database(database), m_keep(keep) {}

QStringList EventLog::migration()
{
    return {
        QStringLiteral("CREATE TABLE event_streams (account_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)"
                       " WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE events ("
                       " account_id TEXT NOT NULL,"
                       " seq INTEGER NOT NULL,"
                       " frame BLOB NOT NULL,"
                       " PRIMARY KEY (account_id, seq)) WITHOUT ROWID"),
    };
}

Expected<EventLog::Event, QString> EventLog::append(const QString& accountId,
                                                    const std::function<QByteArray(qint64)>& frame)
{
    Transaction transaction(m_database);
    // One statement: the row lock (PostgreSQL) or the write lock (SQLite) orders concurrent
    // instances, and a seq is never handed out twice.
    auto rows = m_database.exec(QStringLiteral("INSERT INTO event_streams (account_id, last_seq) VALUES (?, 1)"
                                               " ON CONFLICT(account_id) DO UPDATE SET"
                                               " last_seq = event_streams.last_seq + 1 RETURNING last_seq"),
                                {accountId});
    if (!rows)
        return unexpected(rows.error());
    if (!(*rows)->next())
        return unexpected(QStringLiteral("no seq was returned"));
    const qint64 seq = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    Event event{seq, frame(seq)};
    if (auto ok = m_database.run(QStringLiteral("INSERT INTO events (account_id, seq, frame) VALUES (?, ?, ?)"),
                                 {accountId, seq, event.second});
        !ok)
        return unexpected(ok.error());
    if (seq % pruneEvery == 0) {
        if (auto ok = m_database.run(QStringLiteral("DELETE FROM events WHERE account_id = ? AND seq <= ?"),
                                     {accountId, seq - m_keep});
            !ok)
            return unexpected(ok.error());
    }
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit an event"));
    return event;
}

qint64 EventLog::lastSeq(const QString& accountId) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT last_seq FROM event_streams WHERE account_id = ?"), {accountId});
    if (!rows || !(*rows)->next())
        return 0;
    const qint64 seq = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    return seq;
}

qint64 EventLog::oldestSeq(const QString& accountId) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT MIN(seq) FROM events WHERE account_id = ? AND seq > ?"),
                                {accountId, lastSeq(accountId) - m_keep});
    if (!rows || !(*rows)->next())
        return 0;
    const qint64 seq = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    return seq;
}

QList<EventLog::Event> EventLog::after(const QString& accountId, qint64 afterSeq) const
{
    QList<Event> events;
    auto rows =
        m_database.exec(QStringLiteral("SELECT seq, frame FROM events WHERE account_id = ? AND seq > ? ORDER BY seq"),
                        {accountId, qMax(afterSeq, lastSeq(accountId) - m_keep)});
    if (!rows)
        return events;
    while ((*rows)->next())
        events.append({(*rows)->value(0).toLongLong(), (*rows)->value(1).toByteArray()});
    (*rows)->finish();
    return events;
}

Expected<Ok, QString> EventLog::clear()
{
    return m_database.run(QStringLiteral("DELETE FROM events"));
}

} // namespace mockd
