#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>

namespace mockd {

class Database;

// Each account's event stream in the database, so that several vigil-mockd on one database number
// events in one sequence and any of them can replay what a reconnecting device missed: the last
// seq of each account (event_streams, allocated by an atomic upsert) and the events themselves
// (events, about the last `keep` of each account; older ones are pruned now and then).
class EventLog final
{
public:
    using Event = std::pair<qint64, QByteArray>; // seq, the event as sent

    EventLog(Database& database, qint64 keep);

    static QStringList migration();

    // The next seq of the account, taken in the database (strictly increasing across instances).
    // `frame` makes the event text from its seq; it is stored in the same transaction, so an event
    // is readable by others as soon as its number is.
    Expected<Event, QString> append(const QString& accountId, const std::function<QByteArray(qint64)>& frame);
    // `count` events of the account at once, numbered in one statement (the seqs are consecutive,
    // still strictly increasing across instances) and stored a slice of rows per statement, in one
    // transaction: a sign-out of thousands of devices costs a handful of statements, not two per
    // event. `frame(i, seq)` makes the i-th event's text; the events come back in seq order.
    Expected<QList<Event>, QString>
    appendMany(const QString& accountId, qsizetype count, const std::function<QByteArray(qsizetype, qint64)>& frame);
    // The account's last seq (0 when it never had an event).
    qint64 lastSeq(const QString& accountId) const;
    // The oldest seq that can still be replayed (0: none).
    qint64 oldestSeq(const QString& accountId) const;
    // The kept events after `afterSeq`, in order (at most `keep`).
    QList<Event> after(const QString& accountId, qint64 afterSeq) const;
    // Forgets every kept event; the seqs keep counting (a client that resumes is told to resync).
    Expected<Ok, QString> clear();

private:
    // The events' rows, several per statement.
    Expected<Ok, QString> insertRows(const QString& accountId, const QList<Event>& events);

    Database& m_database;
    qint64 m_keep;
};

} // namespace mockd
