#include "auth/HashingPool.h"

#include "http/ApiError.h"
#include "log/LogCategories.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace mockd {

namespace {

// How much nicer than the event loop a hashing thread runs: under contention the kernel gives the
// event loop about ten times its share of a core.
constexpr int niceIncrement = 10;

void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    // Linux schedules every thread as a task with a nice value of its own (setpriority on the
    // thread id); QThread priorities do not move SCHED_OTHER threads at all.
    const auto tid = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && ::setpriority(PRIO_PROCESS, tid, qMin(19, current + niceIncrement)) != 0)
        qCWarning(lcAuth) << "cannot lower the priority of a hashing thread:" << qt_error_string(errno);
#endif
}

} // namespace

int HashingLimits::defaultThreads()
{
    return qMax(1, QThread::idealThreadCount() - 1);
}

HashingPool::HashingPool(HashingLimits limits, QObject* parent) : QObject(parent), m_limits(limits)
{
    const int count = qMax(1, m_limits.threads);
    for (int i = 0; i < count; ++i) {
        m_threads.emplace_back(QThread::create([this] {
            lowerThisThreadsPriority();
            serve();
        }));
        m_threads.back()->setObjectName(QStringLiteral("hashing-%1").arg(i + 1));
        // Where the nice value above is not available, the thread priority is what there is.
        m_threads.back()->start(QThread::LowPriority);
    }
}

HashingPool::~HashingPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (const auto& thread : m_threads)
        thread->wait();
    // Dropped here, on the event loop's thread: a job owns its request's context.
    m_queue.clear();
}

bool HashingPool::submit(std::unique_ptr<Job> job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (qsizetype(m_queue.size()) >= m_limits.queue) {
            ++m_refused;
            return false;
        }
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void HashingPool::serve()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || (!m_held && !m_queue.empty()); });
        if (m_stopping)
            return;
        std::shared_ptr<Job> job(m_queue.front().release());
        m_queue.pop_front();
        ++m_running;
        lock.unlock();
        job->work();
        // The whole job moves to the event loop, so its context is never released on this thread.
        QMetaObject::invokeMethod(
            this,
            [job = std::move(job)] {
                if (job->context)
                    job->done();
            },
            Qt::QueuedConnection);
        lock.lock();
        --m_running;
    }
}

void HashingPool::setHeld(bool held)
{
    {
        const std::lock_guard lock(m_mutex);
        m_held = held;
    }
    m_wake.notify_all();
}

HashingPool::Stats HashingPool::stats() const
{
    const std::lock_guard lock(m_mutex);
    Stats stats;
    stats.threads = int(m_threads.size());
    stats.queueLimit = m_limits.queue;
    stats.queued = int(m_queue.size());
    stats.running = m_running;
    stats.held = m_held;
    stats.refused = m_refused;
    return stats;
}

ApiError HashingPool::busyError()
{
    return ApiError::serviceBusy(retryAfterSeconds);
}

} // namespace mockd
