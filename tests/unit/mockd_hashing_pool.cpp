#include "auth/HashingPool.h"
#include "http/ApiError.h"

#include <QCoreApplication>
#include <QObject>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using mockd::HashingLimits;
using mockd::HashingPool;

namespace {

// Stands for a request's context inside a job: counts its live copies and those released off the
// event loop's thread (a context must never be released on a hashing thread).
struct Tracker
{
    struct Counts
    {
        std::atomic<int> alive = 0;
        std::atomic<int> releasedElsewhere = 0;
    };

    explicit Tracker(std::shared_ptr<Counts> shared) : counts(std::move(shared)) { ++counts->alive; }
    Tracker(const Tracker& other) : counts(other.counts) { ++counts->alive; }
    Tracker& operator=(const Tracker&) = delete;
    ~Tracker()
    {
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            ++counts->releasedElsewhere;
        --counts->alive;
    }

    std::shared_ptr<Counts> counts;
};

} // namespace

class TestHashingPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leavesTheEventLoopACore()
    {
        QCOMPARE(HashingLimits::defaultThreads(), qMax(1, QThread::idealThreadCount() - 1));
        HashingPool pool({.threads = 3, .queue = 5});
        QCOMPARE(pool.stats().threads, 3);
        QCOMPARE(pool.stats().queueLimit, 5);
    }

    void answersOnTheEventLoop()
    {
        HashingPool pool({.threads = 1, .queue = 4});
        QObject context;
        std::optional<int> answer;
        Qt::HANDLE worker = nullptr;
        QVERIFY(pool.run(
            &context,
            [&worker] {
                worker = QThread::currentThreadId();
                return 42;
            },
            [&](int value) {
                QCOMPARE(QThread::currentThread(), context.thread());
                answer = value;
            }));
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(*answer, 42);
        QVERIFY(worker != QThread::currentThreadId());
    }

    void refusesBeyondTheQueueLimit()
    {
        HashingPool pool({.threads = 1, .queue = 2});
        pool.setHeld(true);
        QObject context;
        int answered = 0;
        const auto work = [] { return true; };
        const auto done = [&answered](bool) { ++answered; };
        QVERIFY(pool.run(&context, work, done));
        QVERIFY(pool.run(&context, work, done));
        QVERIFY(!pool.run(&context, work, done));
        QCOMPARE(pool.stats().queued, 2);
        QCOMPARE(pool.stats().refused, 1);
        pool.setHeld(false);
        QTRY_COMPARE(answered, 2);
        // Room again once the queue drained.
        QVERIFY(pool.run(&context, work, done));
        QTRY_COMPARE(answered, 3);

        const mockd::ApiError busy = HashingPool::busyError();
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.code, QStringLiteral("service_busy"));
        QCOMPARE(busy.retryAfter.value_or(0), qint64(HashingPool::retryAfterSeconds));
    }

    void aGoneContextGetsNoAnswerAndItsStateIsReleasedOnTheEventLoop()
    {
        HashingPool pool({.threads = 1, .queue = 4});
        auto counts = std::make_shared<Tracker::Counts>();
        bool answered = false;
        std::atomic<bool> worked = false;
        {
            QObject context;
            pool.setHeld(true);
            QVERIFY(pool.run(
                &context,
                [&worked] {
                    worked = true;
                    return 1;
                },
                [&answered, tracker = Tracker(counts)](int) { answered = true; }));
        }
        pool.setHeld(false);
        QTRY_VERIFY(worked.load());
        QTRY_COMPARE(counts->alive.load(), 0);
        QCOMPARE(counts->releasedElsewhere.load(), 0);
        QVERIFY(!answered);
    }

    void destroyingWithQueuedJobsReleasesThemOnTheCallersThread()
    {
        auto counts = std::make_shared<Tracker::Counts>();
        QObject context;
        {
            HashingPool pool({.threads = 1, .queue = 4});
            pool.setHeld(true);
            QVERIFY(pool.run(
                &context, [] { return 0; }, [tracker = Tracker(counts)](int) {}));
            QCOMPARE(counts->alive.load() > 0, true);
        }
        QCOMPARE(counts->alive.load(), 0);
        QCOMPARE(counts->releasedElsewhere.load(), 0);
    }

#ifdef Q_OS_LINUX
    void hashingThreadsRunNicerThanTheEventLoop()
    {
        HashingPool pool({.threads = 1, .queue = 4});
        QObject context;
        std::optional<int> workerNice;
        QVERIFY(pool.run(
            &context,
            [] { return ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid))); },
            [&](int nice) { workerNice = nice; }));
        QTRY_VERIFY(workerNice.has_value());
        const int ownNice = ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)));
        QVERIFY2(*workerNice > ownNice || ownNice == 19,
                 qPrintable(QStringLiteral("worker %1, event loop %2").arg(*workerNice).arg(ownNice)));
    }
#endif
};

QTEST_GUILESS_MAIN(TestHashingPool)
#include "mockd_hashing_pool.moc"
