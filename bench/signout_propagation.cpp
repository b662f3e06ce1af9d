// bench_signout_propagation: how long after "sign out all" each connected device hears
// `session.revoked`. A real vigil-mockd (from this executable's folder) gets N devices signed in
// (POST /__admin/sessions: no argon2id per device) with an open event socket each; another session verifies with its
// password and signs out everything. This process holds every socket (raw, epoll) and timestamps with one monotonic
// clock. t0 is the moment the sign-out request is written to the socket — the service's own accept time is not visible
// from outside, so the figures are an upper bound of the accept-to-delivery latency (they include the HTTP parsing, the
// step-up check and the commit).
//
// Baseline, same run: a bare QWebSocketServer (this executable in --baseline-server mode) with N
// sockets that, on a "go" message, sends the same frame to every socket and closes it, in turn
// ("naive"), and one that sends and flushes every message before closing any ("flush first").
//
// --qt-dispatcher-too measures the service again with Qt's own event dispatcher (--event-dispatcher
// qt; the service's default) after the epoll one (--event-dispatcher epoll), one after the other in the same run.
//
// Usage: bench_signout_propagation [--sizes 1000,5000,10000] [--no-glib-too] [--qt-dispatcher-too]
//                                  [--service-only]
#include "EventPeers.h"
#include "SignOutBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QProcess>
#include <QWebSocket>
#include <QWebSocketServer>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/epoll.h>
#include <thread>

using namespace signoutbench;

namespace {

constexpr const char* demoEmail = "demo@vigil.test";
constexpr const char* demoPassword = "vigil-demo-2026";
const QByteArray revokedFrame = R"({"type":"session.revoked","reason":"signed_out"})";

// ---- baseline server (child process) ----

int runBaselineServer(int expected, bool flushFirst)
{
    QWebSocketServer server(QStringLiteral("baseline"), QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    QList<QWebSocket*> sockets;
    sockets.reserve(expected);
    const QString frame = QString::fromLatin1(revokedFrame);
    auto fire = [&sockets, &frame, flushFirst] {
        if (flushFirst) {
            for (QWebSocket* socket : std::as_const(sockets)) {
                socket->sendTextMessage(frame);
                socket->flush();
            }
            for (QWebSocket* socket : std::as_const(sockets))
                socket->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("session revoked"));
        } else {
            for (QWebSocket* socket : std::as_const(sockets)) {
                socket->sendTextMessage(frame);
                socket->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("session revoked"));
            }
        }
    };
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        while (server.hasPendingConnections()) {
            QWebSocket* socket = server.nextPendingConnection();
            sockets.append(socket);
            QObject::connect(socket, &QWebSocket::textMessageReceived, &server, [&fire](const QString& text) {
                if (text == QLatin1String("go"))
                    fire();
            });
        }
    });
    std::printf("listening %u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

// ---- client side ----

struct Result
{
    Stats stats;
    qsizetype connected = 0;
    double answerMs = 0; // time to the HTTP answer (service only)
    int closeCode = -1;
    bool ok = false;
};

void printRow(const char* what, int devices, const Result& r)
{
    if (!r.ok) {
        std::printf("  %-38s %6d  FAILED (connected %lld, received %lld)\n",
                    what,
                    devices,
                    qlonglong(r.connected),
                    qlonglong(r.stats.count));
        return;
    }
    std::printf("  %-38s %6d  %8lld  %8.2f  %8.2f  %8.2f  %8.2f",
                what,
                devices,
                qlonglong(r.stats.count),
                r.stats.min,
                r.stats.p50,
                r.stats.p99,
                r.stats.max);
    if (r.answerMs > 0)
        std::printf("  (HTTP answer after %.2f ms, close code %d)", r.answerMs, r.closeCode);
    std::printf("\n");
    std::fflush(stdout);
}

Result measureBaseline(int devices, bool flushFirst)
{
    Result result;
    QProcess server;
    server.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--baseline-server"),
                  QString::number(devices),
                  flushFirst ? QStringLiteral("flush") : QStringLiteral("naive")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        return result;
    const quint16 port = quint16(QString::fromLatin1(server.readLine()).section(QLatin1Char(' '), 1).toUInt());
    Peers peers;
    for (int i = 0; i < devices; ++i) {
        if (!peers.add(port, {}))
            break;
    }
    result.connected = qsizetype(peers.all().size());
    if (result.connected == devices) {
        const SteadyClock::time_point t0 = SteadyClock::now();
        peers.all().front().socket->sendText("go");
        peers.pump(5000, [&peers, devices] { return peers.count(&Peer::revoked) == devices; });
        std::vector<double> latencies;
        for (const Peer& peer : peers.all()) {
            if (peer.revoked)
                latencies.push_back(msBetween(t0, peer.revokedAt));
        }
        result.stats = summarize(latencies);
        result.ok = result.stats.count == devices;
    }
    server.kill();
    server.waitForFinished();
    return result;
}

Result measureService(int devices, const QStringList& env, const QStringList& extraArguments = {})
{
    Result result;
    MockdChild mockd;
    // Thousands of sockets of one account from one address: far beyond the service's default caps.
    const QString many = QString::number(devices + 64);
    const QStringList arguments = QStringList{QStringLiteral("--max-connections"),
                                              many,
                                              QStringLiteral("--max-connections-per-address"),
                                              many,
                                              QStringLiteral("--max-event-sockets-per-account"),
                                              many} +
                                  extraArguments;
    if (!mockd.start(arguments, env)) {
        std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(mockd.error()));
        return result;
    }
    // The devices are signed in without their password (POST /__admin/sessions): what is measured is
    // the sign-out, and N argon2id verifications would only make the run long. They are signed in a
    // slice at a time, just before their sockets connect: connecting thousands takes minutes here,
    // longer than an access token lives (5 minutes), and a socket opened with an expired token is
    // refused (4401) after its upgrade.
    constexpr int slice = 500;
    std::vector<QByteArray> tokens;
    // Devices ask for their own session's news only (as vigil-mockd simulate does): the account's
    // events would be every device's change sent to every device. Read as we go all the same.
    Peers peers;
    const SteadyClock::time_point connectStart = SteadyClock::now();
    for (int i = 0; i < devices; ++i) {
        if (i % slice == 0) {
            HttpConnection http(mockd.port());
            tokens = issueSessions(http, QString::fromLatin1(demoEmail), qMin(slice, devices - i));
            if (tokens.empty()) {
                std::fprintf(stderr, "POST /__admin/sessions failed\n");
                return result;
            }
        }
        if (!peers.add(mockd.port(), "Bearer " + tokens[size_t(i % slice)], sessionScopeHeader)) {
            std::fprintf(stderr,
                         "socket %d of %d failed; vigil-mockd holds %lld descriptors\n",
                         i + 1,
                         devices,
                         qlonglong(QDir(QStringLiteral("/proc/%1/fd").arg(mockd.pid()))
                                       .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
                                       .size()));
            break;
        }
        if (i % 64 == 63)
            peers.pump(0, [] { return false; });
        // Long runs say how far they got (connecting slows down with every open socket).
        if (devices >= 5000 && (i + 1) % 1000 == 0)
            std::fprintf(stderr,
                         "  %d sockets connected after %.0f s\n",
                         i + 1,
                         msBetween(connectStart, SteadyClock::now()) / 1000);
    }
    result.connected = qsizetype(peers.all().size());
    // A socket the service closed will never be ready: stop waiting for it (pings to the others
    // would keep the wait alive for ever).
    const auto closedUnready = [&peers] {
        return std::count_if(
            peers.all().begin(), peers.all().end(), [](const Peer& p) { return !p.ready && p.socket->fd() < 0; });
    };
    peers.pump(10000,
               [&peers, devices, &closedUnready] { return peers.count(&Peer::ready) + closedUnready() >= devices; });
    if (peers.count(&Peer::ready) != devices) {
        const auto closedWith = std::find_if(
            peers.all().begin(), peers.all().end(), [](const Peer& p) { return !p.ready && p.closeCode >= 0; });
        std::fprintf(stderr,
                     "only %lld of %d sockets are ready; %lld closed by the service first (close code %d)\n",
                     qlonglong(peers.count(&Peer::ready)),
                     devices,
                     qlonglong(closedUnready()),
                     closedWith == peers.all().end() ? -1 : closedWith->closeCode);
        return result;
    }

    HttpConnection http(mockd.port());
    const QByteArray access =
        login(http, QString::fromLatin1(demoEmail), QString::fromLatin1(demoPassword), QStringLiteral("Initiator"));
    const QByteArray stepUp = stepUpWithPassword(http, access, QString::fromLatin1(demoPassword));
    if (access.isEmpty() || stepUp.isEmpty() || !confirmOwnDevice(http, access)) {
        std::fprintf(stderr, "the initiator could not sign in or verify\n");
        return result;
    }
    // Let the initiator's device.signed_in reach every socket first: the sockets start quiet.
    peers.pump(300, [] { return false; });

    // Optional: profile the service around the sign-out only (VIGIL_BENCH_PERF=<output file>).
    std::unique_ptr<QProcess> perf;
    if (const QString out = qEnvironmentVariable("VIGIL_BENCH_PERF"); !out.isEmpty()) {
        perf = std::make_unique<QProcess>();
        perf->start(QStringLiteral("perf"),
                    {QStringLiteral("record"),
                     QStringLiteral("-g"),
                     QStringLiteral("-F"),
                     QStringLiteral("10000"),
                     QStringLiteral("-o"),
                     out,
                     QStringLiteral("-p"),
                     QString::number(mockd.pid())});
        perf->waitForStarted();
        peers.pump(1000, [] { return false; });
    }
    std::atomic<bool> sent{false};
    SteadyClock::time_point t0;
    SteadyClock::time_point answered;
    HttpResult answer;
    std::thread initiator([&] {
        t0 = SteadyClock::now();
        sent = http.send("POST",
                         "/v1/devices/sign-out",
                         {{QStringLiteral("scope"), QStringLiteral("all")}},
                         {{"Authorization", "Bearer " + access}, {"X-Step-Up", stepUp}});
        answer = http.receive();
        answered = SteadyClock::now();
    });
    peers.pump(30000, [&peers, devices] { return peers.count(&Peer::revoked) == devices; });
    initiator.join();
    // Close frames come right after; collect them for the record.
    peers.pump(200, [&peers] {
        return std::all_of(
            peers.all().begin(), peers.all().end(), [](const Peer& p) { return p.closeCode >= 0 || !p.revoked; });
    });
    if (perf) {
        ::kill(pid_t(perf->processId()), SIGINT);
        perf->waitForFinished(30000);
    }
    std::vector<double> latencies;
    for (const Peer& peer : peers.all()) {
        if (peer.revoked)
            latencies.push_back(msBetween(t0, peer.revokedAt));
        if (peer.closeCode >= 0)
            result.closeCode = peer.closeCode;
    }
    result.stats = summarize(latencies);
    result.answerMs = msBetween(t0, answered);
    result.ok = sent && answer.status == 200 && result.stats.count == devices;
    if (answer.status != 200)
        std::fprintf(stderr, "sign-out answered %d: %s\n", answer.status, answer.body.left(300).constData());
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--baseline-server")); at >= 0)
        return runBaselineServer(args.value(at + 1).toInt(), args.value(at + 2) == QLatin1String("flush"));

    raiseFileLimit();
    QList<int> sizes{1000, 5000};
    if (const qsizetype at = args.indexOf(QStringLiteral("--sizes")); at >= 0) {
        sizes.clear();
        for (const QString& size : args.value(at + 1).split(QLatin1Char(',')))
            sizes.append(size.toInt());
    }
    const bool noGlibToo = args.contains(QStringLiteral("--no-glib-too"));
    const bool qtDispatcherToo = args.contains(QStringLiteral("--qt-dispatcher-too"));
    // The 10,000 targets are absolute, and connecting 10,000 sockets to each bare baseline server
    // takes as long again as to the service (their event loops poll every socket on each pass).
    const bool serviceOnly = args.contains(QStringLiteral("--service-only"));

    std::printf("signout_propagation: latency from writing POST /v1/devices/sign-out {scope: all} to each\n"
                "device socket reading session.revoked (ms, one monotonic clock; an upper bound of\n"
                "accept-to-delivery). Service: %s\n"
                "Targets: p99 < 20 ms and below the flush-first baseline at 1,000 devices, < 100 ms at 5,000;\n"
                "at 10,000 p99 < 150 ms and the initiator's HTTP answer within 2x of that p99.\n\n",
                qPrintable(MockdChild::executable()));
    std::printf("  %-38s %6s  %8s  %8s  %8s  %8s  %8s\n", "", "devices", "received", "min", "p50", "p99", "max");
    int status = 0;
    for (const int devices : std::as_const(sizes)) {
        Result naive;
        Result flush;
        if (!serviceOnly) {
            naive = measureBaseline(devices, false);
            printRow("baseline: send+close in turn", devices, naive);
            flush = measureBaseline(devices, true);
            printRow("baseline: send+flush all, then close", devices, flush);
        }
        const Result service =
            measureService(devices, {}, {QStringLiteral("--event-dispatcher"), QStringLiteral("epoll")});
        printRow("vigil-mockd", devices, service);
        if (service.ok && serviceOnly) {
            const double target = devices <= 1000 ? 20.0 : devices <= 5000 ? 100.0 : 150.0;
            std::printf("  -> p99 target < %.0f ms: %s; HTTP answer / p99 = %.2f (target <= 2)\n",
                        target,
                        service.stats.p99 < target ? "met" : "MISSED",
                        service.answerMs / service.stats.p99);
        }
        if (service.ok && naive.ok && flush.ok) {
            const double target = devices <= 1000 ? 20.0 : devices <= 5000 ? 100.0 : 150.0;
            std::printf(
                "  -> p99 vigil-mockd / naive baseline = %.2f; / flush-first baseline = %.2f; target < %.0f ms: %s\n",
                service.stats.p99 / naive.stats.p99,
                service.stats.p99 / flush.stats.p99,
                target,
                service.stats.p99 < target ? "met" : "MISSED");
            std::printf("  -> HTTP answer / p99 = %.2f (target <= 2)%s\n",
                        service.answerMs / service.stats.p99,
                        devices <= 1000
                            ? (service.stats.p99 < flush.stats.p99 ? "; p99 below the flush-first baseline: met"
                                                                   : "; p99 below the flush-first baseline: MISSED")
                            : "");
        }
        if (noGlibToo) {
            const Result plain = measureService(devices, {QStringLiteral("QT_NO_GLIB=1")});
            printRow("vigil-mockd, QT_NO_GLIB=1", devices, plain);
        }
        if (qtDispatcherToo) {
            const Result qt = measureService(devices, {}, {QStringLiteral("--event-dispatcher"), QStringLiteral("qt")});
            printRow("vigil-mockd, --event-dispatcher qt", devices, qt);
            if (qt.ok && service.ok)
                std::printf("  -> p99 with Qt's dispatcher / with epoll = %.2f; HTTP answer %.0f / %.0f ms\n",
                            qt.stats.p99 / service.stats.p99,
                            qt.answerMs,
                            service.answerMs);
        }
        if (!service.ok)
            status = 1;
        std::printf("\n");
    }
    return status;
}
