// vigil-mockd's epoll event dispatcher (base/EventDispatcher_linux.cpp), installed as this test's
// main-thread dispatcher the way vigil-mockd installs it: timers, socket notifiers, posted events,
// wake-ups from other threads, nested event loops and the processEvents flags.
#include "base/EventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

// A connected pair of local stream sockets, closed at the end.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0); }
    ~SocketPair()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    SocketPair(const SocketPair&) = delete;
    SocketPair& operator=(const SocketPair&) = delete;
    void send(const char* text) const { QVERIFY(::write(fds[1], text, qstrlen(text)) > 0); }
    void drain() const
    {
        char buffer[256];
        while (::read(fds[0], buffer, sizeof buffer) > 0) {
        }
    }
};

// Runs the event loop until a timer of `ms` has fired: everything due or ready before has been handled.
void runPast(int ms)
{
    bool done = false;
    QTimer::singleShot(ms, Qt::PreciseTimer, [&done] { done = true; });
    QTRY_VERIFY(done);
}

} // namespace

class TestEventDispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theEpollDispatcherRunsThisThread()
    {
        QVERIFY(mockd::EventDispatcher::epollAvailable());
        QCOMPARE(QAbstractEventDispatcher::instance()->metaObject()->className(), "QAbstractEventDispatcher");
    }

    void timersFireInTheOrderTheyFallDue()
    {
        // Due = when it was started + its interval. On a busy machine the loop that starts them may be
        // paused between two starts, so the expected order is worked out from when each one started.
        QList<int> fired;
        QList<std::pair<qint64, int>> due;
        QElapsedTimer clock;
        clock.start();
        for (const int ms : {30, 10, 20, 0}) {
            due.append({clock.nsecsElapsed() + qint64(ms) * 1000000, ms});
            QTimer::singleShot(ms, Qt::PreciseTimer, this, [&fired, ms] { fired.append(ms); });
        }
        std::sort(due.begin(), due.end());
        QList<int> expected;
        for (const auto& [when, ms] : due)
            expected.append(ms);
        QTRY_COMPARE(fired.size(), expected.size());
        QCOMPARE(fired, expected);
    }

    void noTimerFiresBeforeItsInterval_data()
    {
        QTest::addColumn<Qt::TimerType>("type");
        QTest::addColumn<int>("ms");
        // A coarse timer may be late by 5 %, never early here.
        QTest::newRow("precise") << Qt::PreciseTimer << 40;
        QTest::newRow("coarse") << Qt::CoarseTimer << 60;
        QTest::newRow("coarse, short (precise)") << Qt::CoarseTimer << 15;
    }

    void noTimerFiresBeforeItsInterval()
    {
        QFETCH(Qt::TimerType, type);
        QFETCH(int, ms);
        QElapsedTimer clock;
        clock.start();
        qint64 elapsed = -1;
        QTimer::singleShot(ms, type, this, [&] { elapsed = clock.elapsed(); });
        QTRY_VERIFY(elapsed >= 0);
        QVERIFY2(elapsed >= ms, qPrintable(QString::number(elapsed)));
    }

    void aVeryCoarseTimerKeepsWholeSeconds()
    {
        QTimer timer;
        timer.setTimerType(Qt::VeryCoarseTimer);
        timer.start(1400); // rounds to 1 s, due on a whole second
        const int left = timer.remainingTime();
        QVERIFY2(left > 0 && left <= 2000, qPrintable(QString::number(left)));
        const auto registered = QAbstractEventDispatcher::instance()->registeredTimers(&timer);
        QCOMPARE(registered.size(), 1);
        QCOMPARE(registered.constFirst().interval, 1400);
        QCOMPARE(registered.constFirst().timerType, Qt::VeryCoarseTimer);
        // A coarse timer of 20 s or more is very coarse, as Qt's: still due within its interval and a second.
        QTimer longCoarse;
        longCoarse.start(30'000);
        QVERIFY(longCoarse.remainingTime() <= 31'000);
    }

    void aSingleShotFiresOnceAndARepeatingTimerAgain()
    {
        int once = 0;
        int repeated = 0;
        QTimer::singleShot(5, this, [&once] { ++once; });
        QTimer repeating;
        connect(&repeating, &QTimer::timeout, this, [&repeated] { ++repeated; });
        repeating.start(5);
        QTRY_VERIFY(repeated >= 4);
        QCOMPARE(once, 1);
        repeating.stop();
        const int stoppedAt = repeated;
        runPast(30);
        QCOMPARE(repeated, stoppedAt);
    }

    void aTimerStoppedOrDeletedByAnEarlierHandlerDoesNotFire()
    {
        // Both fall due in the same pass; whichever fires first stops the other.
        auto first = std::make_unique<QTimer>();
        auto second = std::make_unique<QTimer>();
        QTimer* stoppedOne = nullptr;
        int fired = 0;
        for (QTimer* timer : {first.get(), second.get()}) {
            timer->setSingleShot(true);
            timer->setTimerType(Qt::PreciseTimer);
            connect(timer, &QTimer::timeout, this, [&, timer] {
                ++fired;
                QTimer* other = timer == first.get() ? second.get() : first.get();
                other->stop();
                stoppedOne = other;
            });
        }
        // Zero timers: both are due in the next pass.
        first->start(0);
        second->start(0);
        runPast(20);
        QCOMPARE(fired, 1);
        QVERIFY(stoppedOne);

        // The same with the other timer's object deleted inside the handler.
        auto victim = std::make_unique<QTimer>();
        QTimer killer;
        int victimFired = 0;
        connect(victim.get(), &QTimer::timeout, this, [&victimFired] { ++victimFired; });
        connect(&killer, &QTimer::timeout, this, [&victim] { victim.reset(); });
        killer.setSingleShot(true);
        victim->setSingleShot(true);
        killer.start(0);
        victim->start(0); // due in the same pass, after the killer
        runPast(20);
        QVERIFY(!victim);
        QCOMPARE(victimFired, 0);
    }

    void aTimerCanStopItselfAndRestartInsideItsHandler()
    {
        QTimer timer;
        int fired = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            ++fired;
            if (fired < 3)
                timer.start(2); // stop and start again: a new registration
            else
                timer.stop();
        });
        timer.start(2);
        QTRY_COMPARE(fired, 3);
        runPast(20);
        QCOMPARE(fired, 3);
    }

    void aReadNotifierFiresForDataAndNotWhenDisabled()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            pair.drain();
        });
        runPast(10);
        QCOMPARE(activations, 0);
        pair.send("one");
        QTRY_COMPARE(activations, 1);

        notifier.setEnabled(false);
        pair.send("two");
        runPast(10);
        QCOMPARE(activations, 1);
        notifier.setEnabled(true); // the data is still there: level-triggered, as poll
        QTRY_COMPARE(activations, 2);
    }

    void aWriteNotifierFiresWhileWritable()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Write);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            if (++activations == 3)
                notifier.setEnabled(false);
        });
        QTRY_COMPARE(activations, 3);
        runPast(10);
        QCOMPARE(activations, 3);
    }

    void readAndWriteNotifiersShareADescriptor()
    {
        SocketPair pair;
        QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
        QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
        int reads = 0;
        int writes = 0;
        connect(&writer, &QSocketNotifier::activated, this, [&] {
            ++writes;
            writer.setEnabled(false); // the reader stays watched
        });
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            ++reads;
            pair.drain();
        });
        QTRY_COMPARE(writes, 1);
        pair.send("x");
        QTRY_COMPARE(reads, 1);
        QCOMPARE(writes, 1);
    }

    void aNotifierDeletedByAnotherBeforeItsTurnIsNotActivated()
    {
        SocketPair a;
        SocketPair b;
        auto first = std::make_unique<QSocketNotifier>(a.fds[0], QSocketNotifier::Read);
        auto second = std::make_unique<QSocketNotifier>(b.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(first.get(), &QSocketNotifier::activated, this, [&] {
            ++activations;
            second.reset();
            a.drain();
        });
        connect(second.get(), &QSocketNotifier::activated, this, [&] {
            ++activations;
            first.reset();
            b.drain();
        });
        a.send("a");
        b.send("b"); // both ready in the same pass
        QTRY_COMPARE(activations, 1);
        runPast(10);
        QCOMPARE(activations, 1);
        QVERIFY(!first != !second);
    }

    void aNotifierMayDeleteItselfInsideItsActivation()
    {
        SocketPair pair;
        auto* notifier = new QSocketNotifier(pair.fds[0], QSocketNotifier::Read);
        QPointer<QSocketNotifier> watched(notifier);
        connect(notifier, &QSocketNotifier::activated, this, [notifier] { delete notifier; });
        pair.send("x");
        QTRY_VERIFY(!watched);
        runPast(10); // still readable: nothing may touch the deleted notifier
    }

    void aWakeUpFromAnotherThreadEndsTheWait()
    {
        QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
        std::thread waker([dispatcher] { dispatcher->wakeUp(); });
        // No timer and no socket: only the wake-up can end this wait.
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        waker.join();

        bool delivered = false;
        std::thread poster([this, &delivered] {
            QMetaObject::invokeMethod(
                this, [&delivered] { delivered = true; }, Qt::QueuedConnection);
        });
        poster.join();
        QTRY_VERIFY(delivered);
    }

    void noWakeUpIsLostWhilePostsRace()
    {
        // One thread floods the loop with posted events while another plays ping-pong with it: the
        // loop sleeps between the rounds with nothing but the wake-up to end the wait. A wake-up
        // lost once (the eventfd emptied after the flag was cleared) loses every later one, and
        // this hangs until the test's timeout.
        constexpr int floods = 20000;
        constexpr int rounds = 2000;
        std::atomic<int> flooded{0};
        int answered = 0;
        QSemaphore turn;
        QEventLoop loop;
        std::thread flooder([this, &flooded] {
            for (int i = 0; i < floods; ++i)
                QMetaObject::invokeMethod(
                    this, [&flooded] { ++flooded; }, Qt::QueuedConnection);
        });
        std::thread player([this, &answered, &turn, &loop] {
            for (int i = 0; i < rounds; ++i) {
                QMetaObject::invokeMethod(
                    this,
                    [&answered, &turn] {
                        ++answered;
                        turn.release();
                    },
                    Qt::QueuedConnection);
                turn.acquire();
            }
            QMetaObject::invokeMethod(
                &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
        });
        loop.exec();
        flooder.join();
        player.join();
        QCOMPARE(answered, rounds);
        QTRY_COMPARE(flooded.load(), floods);
    }

    void nestedEventLoopsRunTimersAndSocketsButNotTheTimerInDelivery()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        bool read = false;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            read = true;
            pair.drain();
        });
        QTimer outer;
        int outerFired = 0;
        int firedWhileNested = -1;
        bool nestedDone = false;
        connect(&outer, &QTimer::timeout, this, [&] {
            if (++outerFired > 1)
                return;
            QEventLoop loop;
            QTimer::singleShot(30, &loop, &QEventLoop::quit);
            pair.send("inside");
            loop.exec(); // the outer timer (every 1 ms) must not fire in here
            firedWhileNested = outerFired;
            nestedDone = true;
        });
        outer.start(1);
        QTRY_VERIFY(nestedDone);
        outer.stop();
        QVERIFY(read);
        QCOMPARE(firedWhileNested, 1);
    }

    void exitEndsAnEventLoop()
    {
        QEventLoop loop;
        QTimer::singleShot(5, &loop, [&loop] { loop.exit(7); });
        QCOMPARE(loop.exec(), 7);
    }

    void excludedSocketNotifiersAndTimersWait()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            pair.drain();
        });
        pair.send("x");
        QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
        dispatcher->processEvents(QEventLoop::ExcludeSocketNotifiers);
        QCOMPARE(activations, 0);
        QTRY_COMPARE(activations, 1);

        int fired = 0;
        QTimer zero; // a zero timer, due on every pass
        connect(&zero, &QTimer::timeout, this, [&fired] { ++fired; });
        zero.start(0);
        dispatcher->processEvents(QEventLoop::X11ExcludeTimers);
        dispatcher->processEvents(QEventLoop::X11ExcludeTimers);
        QCOMPARE(fired, 0);
        QTRY_VERIFY(fired >= 2);
    }

    void qtNetworkingRunsOnIt()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_VERIFY(server.hasPendingConnections());
        std::unique_ptr<QTcpSocket> accepted(server.nextPendingConnection());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write("hello");
        QTRY_COMPARE(accepted->bytesAvailable(), 5);
        QCOMPARE(accepted->readAll(), QByteArray("hello"));
        accepted->close();
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }
};

int main(int argc, char* argv[])
{
    // As vigil-mockd: the dispatcher is the main thread's before QCoreApplication exists.
    QCoreApplication::setEventDispatcher(mockd::EventDispatcher::createEpoll());
    QCoreApplication app(argc, argv);
    TestEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "mockd_event_dispatcher.moc"
