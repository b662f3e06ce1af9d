#include "store/EventLog.h"

#include "store/Database.h"

#include <QHash>
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
    auto events = appendMany(accountId, 1, [&frame](qsizetype, qint64 seq) { return frame(seq); });
    if (!events)
        return unexpected(events.error());
    return events->constFirst();
}

Expected<QList<EventLog::Event>, QString> EventLog::appendMany(
    const QString& accountId, qsizetype count, const std::function<QByteArray(qsizetype, qint64)>& frame)
{
    QList<Event> events;
    if (count <= 0)
        return events;
    Transaction transaction(m_database);
    // One statement for the whole range: the row lock (PostgreSQL) or the write lock (SQLite)
    // orders concurrent instances, and no seq is ever handed out twice.
    auto rows = m_database.exec(QStringLiteral("INSERT INTO event_streams (account_id, last_seq) VALUES (?, ?)"
                                               " ON CONFLICT(account_id) DO UPDATE SET"
                                               " last_seq = event_streams.last_seq + excluded.last_seq"
                                               " RETURNING last_seq"),
                                {accountId, qint64(count)});
    if (!rows)
        return unexpected(rows.error());
    if (!(*rows)->next())
        return unexpected(QStringLiteral("no seq was returned"));
    const qint64 lastSeq = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    const qint64 firstSeq = lastSeq - count + 1;
    events.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        events.append({firstSeq + i, frame(i, firstSeq + i)});
    if (auto ok = insertRows(accountId, events); !ok)
        return unexpected(ok.error());
    // The range crossed a multiple of pruneEvery: time to drop what is beyond `keep`.
    if ((firstSeq - 1) / pruneEvery != lastSeq / pruneEvery) {
        if (auto ok = m_database.run(QStringLiteral("DELETE FROM events WHERE account_id = ? AND seq <= ?"),
                                     {accountId, lastSeq - m_keep});
            !ok)
            return unexpected(ok.error());
    }
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit an event"));
    return events;
}

Expected<Ok, QString> EventLog::insertRows(const QString& accountId, const QList<Event>& events)
{
    // Statements of a few fixed sizes (the cache keeps each prepared once), the largest that fit
    // first: n rows take at most n / 256 + 12 statements, with 768 bindings at most (under the
    // 999 of old SQLite builds and the 65,535 of PostgreSQL).
    static const QList<qsizetype> sizes{256, 64, 16, 4, 1};
    static const QHash<qsizetype, QString> statements = [] {
        QHash<qsizetype, QString> out;
        for (const qsizetype rows : sizes) {
            QStringList values(rows, QStringLiteral("(?, ?, ?)"));
            out.insert(rows, QStringLiteral("INSERT INTO events (account_id, seq, frame) VALUES ") + values.join(u','));
        }
        return out;
    }();
    qsizetype next = 0;
    for (const qsizetype rows : sizes) {
        while (events.size() - next >= rows) {
            QVariantList bindings;
            bindings.reserve(rows * 3);
            for (qsizetype i = next; i < next + rows; ++i)
                bindings << accountId << events.at(i).first << events.at(i).second;
            if (auto ok = m_database.run(statements.value(rows), bindings); !ok)
                return ok;
            next += rows;
        }
    }
    return Ok{};
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
