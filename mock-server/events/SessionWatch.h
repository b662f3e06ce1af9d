#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <set>
#include <utility>

namespace mockd {

class Clock;
class EventConnection;

// An event socket outlives the access token it was opened with. So that a session that ended
// without an event saying so (expired, or revoked behind the hub's back) does not keep its socket,
// each socket is due for a re-check when its token would have expired, on the service's clock (so
// QA moving the admin clock triggers it at once), and the hub decides then.
class SessionWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionWatch)

public:
    using Due = std::function<void(EventConnection* connection)>;

    SessionWatch(const Clock& clock, Due due, QObject* parent = nullptr);
    ~SessionWatch() override;

    // Calls `due(connection)` once the service's clock reaches `atMs` (replaces an earlier time).
    void watch(EventConnection* connection, qint64 atMs);
    void forget(EventConnection* connection);
    void clear();

private:
    void runDue();
    void schedule();

    const Clock& m_clock;
    Due m_due;
    // By connection, and in due order: thousands of sockets connecting must not each look through
    // every other socket's due time to find the earliest.
    QHash<EventConnection*, qint64> m_dueAt;
    std::set<std::pair<qint64, EventConnection*>> m_queue;
    qint64 m_timerFor = -1; // the due time the timer was last started for
    QTimer m_timer;
};

} // namespace mockd
