#include "base/EventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QHash>
#include <QMultiHash>
#include <QSet>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <deque>
#include <poll.h>
#include <set>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <vector>

namespace mockd::EventDispatcher {

namespace {

using Nanoseconds = qint64;
constexpr Nanoseconds millisecond = 1'000'000;
constexpr Nanoseconds second = 1'000'000'000;

Nanoseconds steadyNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Nanoseconds roundUp(Nanoseconds time, Nanoseconds step)
{
    return step <= 1 ? time : (time + step - 1) / step * step;
}

// Qt's rules for the kinds of timer: a coarse timer of 20 ms or less is precise, one of 20 s or
// more very coarse.
Qt::TimerType effectiveType(qint64 intervalMs, Qt::TimerType type)
{
    if (type == Qt::CoarseTimer && intervalMs <= 20)
        return Qt::PreciseTimer;
    if (type == Qt::CoarseTimer && intervalMs >= 20'000)
        return Qt::VeryCoarseTimer;
    return type;
}

// How far a timer's due time is rounded up. A coarse timer may be late by up to 5 % of its
// interval, so the due times of thousands of sockets' timers fall on the same few steps and wake
// the loop once; a very coarse timer keeps whole seconds. A precise one is not rounded.
Nanoseconds roundingStep(qint64 intervalMs, Qt::TimerType type)
{
    if (type == Qt::VeryCoarseTimer)
        return second;
    if (type == Qt::PreciseTimer)
        return 1;
    const Nanoseconds slack = intervalMs * millisecond / 20;
    for (const Nanoseconds step : {500 * millisecond,
                                   250 * millisecond,
                                   100 * millisecond,
                                   50 * millisecond,
                                   25 * millisecond,
                                   10 * millisecond,
                                   5 * millisecond}) {
        if (step <= slack)
            return step;
    }
    return millisecond;
}

// A very coarse timer's interval is whole seconds, rounded to the nearest (as Qt's).
Nanoseconds period(qint64 intervalMs, Qt::TimerType type)
{
    if (type == Qt::VeryCoarseTimer)
        return (intervalMs + 500) / 1000 * second;
    return intervalMs * millisecond;
}

struct Timer
{
    QObject* object = nullptr;
    qint64 intervalMs = 0;
    Qt::TimerType type = Qt::CoarseTimer; // as registered, for registeredTimers()
    Qt::TimerType effective = Qt::CoarseTimer;
    Nanoseconds due = 0;    // when it should fire, unrounded: the next period counts from here
    Nanoseconds fireAt = 0; // `due` rounded for its kind: its place in the queue
    quint64 order = 0;      // unique per scheduling: breaks ties in the queue, tells registrations apart
    bool delivering = false;
};

struct QueueKey
{
    Nanoseconds at;
    quint64 order;
    int id;
    auto operator<=>(const QueueKey&) const = default;
};

// Qt's notifier types index this: Read, Write, Exception.
struct Watch
{
    std::array<QSocketNotifier*, 3> notifiers{};
    quint32 events = 0; // what epoll watches for now (0: not in the epoll set)
    bool dirty = false; // the notifiers changed since `events` was given to epoll
};

quint32 epollEvents(const Watch& watch)
{
    quint32 events = 0;
    if (watch.notifiers[QSocketNotifier::Read])
        events |= EPOLLIN;
    if (watch.notifiers[QSocketNotifier::Write])
        events |= EPOLLOUT;
    if (watch.notifiers[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    return events;
}

// An event dispatcher on epoll (level-triggered, like poll, so a notifier whose data is left
// unread fires again): a wake-up costs the descriptors that are ready, not every open one.
// Timers wait in an ordered set; posted events and wakeUp() from other threads come through an
// eventfd. The semantics follow QEventDispatcherUNIX: one pass sends posted events, waits, then
// activates socket notifiers and then due timers; a timer or notifier being delivered is not
// delivered again by an event loop nested inside its handler.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
public:
    EpollEventDispatcher() : m_epoll(epoll_create1(EPOLL_CLOEXEC)), m_wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    {
        if (m_epoll < 0 || m_wakeFd < 0)
            qFatal("vigil-mockd: cannot create the epoll event dispatcher (errno %d)", errno);
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = m_wakeFd;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
    }

    ~EpollEventDispatcher() override
    {
        ::close(m_wakeFd);
        ::close(m_epoll);
    }

    EpollEventDispatcher(const EpollEventDispatcher&) = delete;
    EpollEventDispatcher& operator=(const EpollEventDispatcher&) = delete;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override
    {
        m_interrupt.store(false, std::memory_order_relaxed);
        Q_EMIT awake();
        QCoreApplication::sendPostedEvents();

        const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
        const bool includeNotifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
        const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !interrupted();
        if (wait)
            Q_EMIT aboutToBlock();
        if (interrupted())
            return false;

        int timeoutMs = 0;
        if (wait)
            timeoutMs = includeTimers ? msUntilNextTimer() : -1;
        int activated = includeNotifiers ? waitForDescriptors(timeoutMs) : waitForWakeUp(timeoutMs);
        if (includeNotifiers)
            activated += activateNotifiers();
        if (includeTimers)
            activated += activateTimers();
        return activated > 0;
    }

    void registerSocketNotifier(QSocketNotifier* notifier) override
    {
        const int fd = int(notifier->socket());
        const int type = int(notifier->type());
        Watch& watch = m_watches[fd];
        if (watch.notifiers[type] && watch.notifiers[type] != notifier)
            qWarning("QSocketNotifier: Multiple socket notifiers for same socket %d and type %d", fd, type);
        watch.notifiers[type] = notifier;
        update(fd, watch);
    }

    void unregisterSocketNotifier(QSocketNotifier* notifier) override
    {
        const int fd = int(notifier->socket());
        const int type = int(notifier->type());
        if (m_pendingSet.remove(notifier))
            std::replace(m_pending.begin(), m_pending.end(), notifier, static_cast<QSocketNotifier*>(nullptr));
        const auto it = m_watches.find(fd);
        if (it == m_watches.end() || it->notifiers[type] != notifier)
            return;
        it->notifiers[type] = nullptr;
        update(fd, *it);
    }

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override
    {
        Timer timer;
        timer.object = object;
        timer.intervalMs = qMax<qint64>(0, interval);
        timer.type = timerType;
        timer.effective = effectiveType(timer.intervalMs, timerType);
        schedule(timerId, timer, steadyNow() + period(timer.intervalMs, timer.effective));
        m_timers.insert(timerId, timer);
        m_timersOf.insert(object, timerId);
    }

    bool unregisterTimer(int timerId) override
    {
        const auto it = m_timers.find(timerId);
        if (it == m_timers.end())
            return false;
        m_queue.erase(QueueKey{it->fireAt, it->order, timerId});
        m_timersOf.remove(it->object, timerId);
        m_timers.erase(it);
        return true;
    }

    bool unregisterTimers(QObject* object) override
    {
        const QList<int> ids = m_timersOf.values(object);
        for (const int id : ids) {
            const auto it = m_timers.find(id);
            m_queue.erase(QueueKey{it->fireAt, it->order, id});
            m_timers.erase(it);
        }
        m_timersOf.remove(object);
        return !ids.isEmpty();
    }

    QList<TimerInfo> registeredTimers(QObject* object) const override
    {
        QList<TimerInfo> timers;
        for (const int id : m_timersOf.values(object)) {
            const Timer timer = m_timers.value(id);
            timers.append(TimerInfo(id, int(timer.intervalMs), timer.type));
        }
        return timers;
    }

    int remainingTime(int timerId) override
    {
        const auto it = m_timers.constFind(timerId);
        if (it == m_timers.cend())
            return -1;
        const Nanoseconds left = it->fireAt - steadyNow();
        return left <= 0 ? 0 : int(qMin<Nanoseconds>(INT_MAX, (left + millisecond - 1) / millisecond));
    }

    void wakeUp() override
    {
        // One write until the loop has read it: a thousand posted events are one wake-up.
        if (m_wakeUps.exchange(true, std::memory_order_acq_rel))
            return;
        const quint64 one = 1;
        while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
        }
    }

    void interrupt() override
    {
        m_interrupt.store(true, std::memory_order_relaxed);
        wakeUp();
    }

private:
    bool interrupted() const { return m_interrupt.load(std::memory_order_relaxed); }

    // A notifier turned on and off again within one pass costs no system call: QAbstractSocket
    // enables its write notifier for every write and disables it once flushed, so the changes are
    // given to epoll just before it waits. Removal is at once, though: the descriptor may be closed
    // and its number reused before the next wait.
    void update(int fd, Watch& watch)
    {
        if (epollEvents(watch) == 0) {
            // Fails harmlessly when the descriptor was closed first (the kernel dropped it then).
            if (watch.events != 0)
                epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            m_watches.remove(fd);
            return;
        }
        if (!watch.dirty) {
            watch.dirty = true;
            m_dirty.push_back(fd);
        }
    }

    void applyChanges()
    {
        for (const int fd : m_dirty) {
            const auto it = m_watches.find(fd);
            if (it == m_watches.end() || !it->dirty)
                continue; // removed meanwhile
            it->dirty = false;
            const quint32 events = epollEvents(*it);
            if (events == it->events)
                continue;
            epoll_event event{};
            event.events = events;
            event.data.fd = fd;
            // A descriptor closed and opened again under the same number while watched is no
            // longer in the set (ENOENT), one we think absent may still be (EEXIST): try the other.
            const int first = it->events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
            if (epoll_ctl(m_epoll, first, fd, &event) != 0) {
                const int other = first == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
                if (epoll_ctl(m_epoll, other, fd, &event) != 0)
                    qErrnoWarning("QSocketNotifier: cannot watch descriptor %d", fd);
            }
            it->events = events;
        }
        m_dirty.clear();
    }

    void markPending(QSocketNotifier* notifier)
    {
        if (notifier && !m_pendingSet.contains(notifier)) {
            m_pendingSet.insert(notifier);
            m_pending.push_back(notifier);
        }
    }

    void drainWakeUp()
    {
        // Read, then allow the next write: the other way round, a wakeUp() between the two would
        // leave the flag set and the eventfd empty, and every later wakeUp() would be lost.
        quint64 count = 0;
        while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
        }
        m_wakeUps.store(false, std::memory_order_release);
    }

    int waitForDescriptors(int timeoutMs)
    {
        applyChanges();
        constexpr int maxEvents = 512;
        std::array<epoll_event, maxEvents> events;
        const int ready = epoll_wait(m_epoll, events.data(), maxEvents, timeoutMs);
        if (ready < 0) {
            if (errno != EINTR)
                qErrnoWarning("epoll_wait");
            return 0;
        }
        int woken = 0;
        for (int i = 0; i < ready; ++i) {
            const int fd = events[size_t(i)].data.fd;
            if (fd == m_wakeFd) {
                drainWakeUp();
                woken = 1;
                continue;
            }
            const auto it = m_watches.constFind(fd);
            if (it == m_watches.cend())
                continue;
            // As Qt's poll-based dispatcher: a hang-up or error is news for every notifier.
            const quint32 got = events[size_t(i)].events;
            if (got & (EPOLLIN | EPOLLHUP | EPOLLERR))
                markPending(it->notifiers[QSocketNotifier::Read]);
            if (got & (EPOLLOUT | EPOLLHUP | EPOLLERR))
                markPending(it->notifiers[QSocketNotifier::Write]);
            if (got & (EPOLLPRI | EPOLLHUP | EPOLLERR))
                markPending(it->notifiers[QSocketNotifier::Exception]);
        }
        return woken;
    }

    // With socket notifiers excluded only a wake-up (or the timeout) ends the wait: ready sockets
    // would end every epoll_wait at once and the loop would spin.
    int waitForWakeUp(int timeoutMs)
    {
        pollfd wake{m_wakeFd, POLLIN, 0};
        if (::poll(&wake, 1, timeoutMs) <= 0)
            return 0;
        drainWakeUp();
        return 1;
    }

    // The notifiers are delivered from a queue shared with nested event loops, as Qt's are: a
    // notifier unregistered (disabled, deleted) before its turn is taken out of it.
    int activateNotifiers()
    {
        int activated = 0;
        QEvent event(QEvent::SockAct);
        while (!m_pending.empty()) {
            QSocketNotifier* notifier = m_pending.front();
            m_pending.pop_front();
            if (!notifier)
                continue;
            m_pendingSet.remove(notifier);
            QCoreApplication::sendEvent(notifier, &event);
            ++activated;
        }
        return activated;
    }

    void schedule(int id, Timer& timer, Nanoseconds due)
    {
        timer.due = due;
        timer.fireAt = roundUp(due, roundingStep(timer.intervalMs, timer.effective));
        timer.order = ++m_order;
        m_queue.insert(QueueKey{timer.fireAt, timer.order, id});
    }

    int msUntilNextTimer() const
    {
        // A timer being delivered does not count: an event loop nested in its handler would spin.
        for (const QueueKey& key : m_queue) {
            if (m_timers.value(key.id).delivering)
                continue;
            const Nanoseconds left = key.at - steadyNow();
            return left <= 0 ? 0 : int(qMin<Nanoseconds>(INT_MAX, (left + millisecond - 1) / millisecond));
        }
        return -1;
    }

    // Each timer due now fires once, in the order they fall due. Its next due time is set before
    // its event, so the handler sees it (remainingTime) and may stop or restart it.
    int activateTimers()
    {
        const Nanoseconds now = steadyNow();
        std::vector<QueueKey> due;
        for (auto it = m_queue.begin(); it != m_queue.end() && it->at <= now; ++it)
            due.push_back(*it);
        int fired = 0;
        for (const QueueKey& key : due) {
            auto it = m_timers.find(key.id);
            if (it == m_timers.end() || it->order != key.order || it->delivering)
                continue; // stopped, or stopped and started again, by an earlier handler; or nested
            m_queue.erase(key);
            const Nanoseconds step = period(it->intervalMs, it->effective);
            const Nanoseconds next = it->due + step;
            // A loop that fell behind does not fire a timer again and again to catch up.
            schedule(key.id, *it, next < now ? now + step : next);
            it->delivering = true;
            const quint64 order = it->order;
            QObject* object = it->object;
            QTimerEvent event(key.id);
            QCoreApplication::sendEvent(object, &event);
            ++fired;
            it = m_timers.find(key.id);
            if (it != m_timers.end() && it->order == order)
                it->delivering = false;
        }
        return fired;
    }

    const int m_epoll;
    const int m_wakeFd;
    std::atomic<bool> m_wakeUps{false};
    std::atomic<bool> m_interrupt{false};

    QHash<int, Watch> m_watches;
    std::vector<int> m_dirty; // descriptors whose notifiers changed since the last wait
    std::deque<QSocketNotifier*> m_pending;
    QSet<QSocketNotifier*> m_pendingSet;

    QHash<int, Timer> m_timers;
    QMultiHash<QObject*, int> m_timersOf;
    std::set<QueueKey> m_queue;
    quint64 m_order = 0;
};

} // namespace

bool epollAvailable()
{
    return true;
}

QAbstractEventDispatcher* createEpoll()
{
    return new EpollEventDispatcher;
}

} // namespace mockd::EventDispatcher
