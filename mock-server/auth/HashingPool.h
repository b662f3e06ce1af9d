#pragma once

#include "auth/HashingLimits.h"

#include <QObject>
#include <QPointer>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <vector>

class QThread;

namespace mockd {

struct ApiError;

// The one place where the service hashes passwords and codes (argon2id): a few threads at a lower
// scheduling priority than the event loop, and a bounded queue in front of them. A flood of
// sign-ins therefore neither starves the event loop (every other request keeps its latency) nor
// grows memory without bound: a hash that finds the queue full is refused at once, and the route
// answers 503 `service_busy` with Retry-After (busyError()).
//
// Results come back on this object's thread (the event loop). A job holds what its request needs
// (the RequestContext included) until then, so a client that goes away meanwhile costs nothing
// but the hash: its answer goes nowhere.
class HashingPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HashingPool)

public:
    struct Stats
    {
        int threads = 0;
        int queueLimit = 0;
        int queued = 0;
        int running = 0;
        bool held = false;
        qint64 refused = 0; // since start
    };

    static constexpr int retryAfterSeconds = 1;

    explicit HashingPool(HashingLimits limits = {}, QObject* parent = nullptr);
    // Waits for the running hashes; queued ones are dropped (their requests get the Responder's 500).
    ~HashingPool() override;

    // Runs `work()` on a hashing thread, then `done(result)` on this object's thread unless
    // `context` was destroyed by then. `work` must touch nothing but what it captured. False, and
    // nothing runs, when the queue is full.
    template <typename Work, typename Done>
    bool run(QObject* context, Work work, Done done);

    // Held, the threads start no queued job (running ones finish): lets tests and QA fill the queue
    // and watch requests wait, without timing anything.
    void setHeld(bool held);
    Stats stats() const;

    // 503 service_busy, Retry-After: what a route answers when run() refused.
    static ApiError busyError();

private:
    struct Job
    {
        std::function<void()> work; // on a hashing thread
        std::function<void()> done; // on the event loop
        QPointer<QObject> context;  // read on the event loop only
    };

    bool submit(std::unique_ptr<Job> job);
    void serve();

    const HashingLimits m_limits;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<Job>> m_queue;
    int m_running = 0;
    bool m_held = false;
    bool m_stopping = false;
    qint64 m_refused = 0;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

template <typename Work, typename Done>
bool HashingPool::run(QObject* context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work&>;
    auto result = std::make_shared<std::optional<Result>>();
    auto job = std::make_unique<Job>();
    job->work = [result, work = std::move(work)]() mutable { result->emplace(work()); };
    job->done = [result, done = std::move(done)]() mutable { done(std::move(**result)); };
    job->context = context;
    return submit(std::move(job));
}

} // namespace mockd
