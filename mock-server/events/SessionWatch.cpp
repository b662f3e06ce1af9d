#include "events/SessionWatch.h"

#include "base/Clock.h"

#include <QList>
#include <limits>

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
    m_dueAt.insert(connection, atMs);
    schedule();
}

void SessionWatch::forget(EventConnection* connection)
{
    m_dueAt.remove(connection);
}

void SessionWatch::clear()
{
    m_dueAt.clear();
    m_timer.stop();
}

void SessionWatch::runDue()
{
    const qint64 now = m_clock.nowMs();
    QList<EventConnection*> due;
    for (auto it = m_dueAt.begin(); it != m_dueAt.end();) {
        if (it.value() <= now) {
            due.append(it.key());
            it = m_dueAt.erase(it);
        } else {
            ++it;
        }
    }
    // The callback may watch a connection again or close it; neither touches this list.
    for (EventConnection* connection : std::as_const(due))
        m_due(connection);
    schedule();
}

void SessionWatch::schedule()
{
    if (m_dueAt.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const qint64 at : std::as_const(m_dueAt))
        earliest = qMin(earliest, at);
    m_timer.start(int(qBound<qint64>(0, earliest - m_clock.nowMs(), maxWaitMs)));
}

} // namespace mockd
