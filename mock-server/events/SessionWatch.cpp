#include "events/SessionWatch.h"

#include "base/Clock.h"

#include <QList>

namespace mockd {

namespace {

// The service's clock follows the system clock, which can jump without telling; looking again
// now and then bounds how late a re-check can be.
constexpr qint64 maxWaitMs = 60 * 1000;

} // namespace

SessionWatch::SessionWatch(const Clock& clock, Due due, QObject* parent)
    : QObject(parent), m_clock(clock), m_due(std::move(due))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionWatch::runDue);
    connect(&m_clock, &Clock::changed, this, &SessionWatch::runDue);
}

SessionWatch::~SessionWatch() = default;

void SessionWatch::watch(EventConnection* connection, qint64 atMs)
{
    if (const auto it = m_dueAt.constFind(connection); it != m_dueAt.cend())
        m_queue.erase({it.value(), connection});
    m_dueAt.insert(connection, atMs);
    m_queue.insert({atMs, connection});
    schedule();
}

void SessionWatch::forget(EventConnection* connection)
{
    if (const auto it = m_dueAt.constFind(connection); it != m_dueAt.cend()) {
        m_queue.erase({it.value(), connection});
        m_dueAt.erase(it);
    }
}

void SessionWatch::clear()
{
    m_dueAt.clear();
    m_queue.clear();
    m_timer.stop();
}

void SessionWatch::runDue()
{
    const qint64 now = m_clock.nowMs();
    QList<EventConnection*> due;
    while (!m_queue.empty() && m_queue.begin()->first <= now) {
        due.append(m_queue.begin()->second);
        m_dueAt.remove(m_queue.begin()->second);
        m_queue.erase(m_queue.begin());
    }
    // The callback may watch a connection again or close it; neither touches this list.
    for (EventConnection* connection : std::as_const(due))
        m_due(connection);
    m_timerFor = -1; // the clock may have moved: start the timer again
    schedule();
}

void SessionWatch::schedule()
{
    if (m_queue.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 earliest = m_queue.begin()->first;
    if (m_timer.isActive() && earliest == m_timerFor)
        return;
    m_timerFor = earliest;
    m_timer.start(int(qBound<qint64>(0, earliest - m_clock.nowMs(), maxWaitMs)));
}

} // namespace mockd
