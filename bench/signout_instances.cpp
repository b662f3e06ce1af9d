// bench_signout_instances: "sign out all" with the devices' event sockets spread over two vigil-mockd
// instances on one PostgreSQL database, against all of them on one instance (a database of its own on
// the same server), in one run (docs/qa-shared-server.md). N devices are signed in without a password
// (POST /__admin/sessions on instance 1); device i holds its socket on instance i mod k. An initiator
// signs in on instance 1, verifies with its password and signs out everything there: a device on
// instance 2 hears of it only through the database, which is what a device behind HAProxy waits when
// the sign-out went to another instance than its socket.
//
// Latency: from writing the sign-out request to each socket reading session.revoked, one monotonic
// clock (as bench_signout_propagation: an upper bound of accept-to-delivery). The two-instance run
// also splits its devices by instance (same as the initiator's / the other one).
//
// Usage: bench_signout_instances [--sizes 1000] [--rounds 1]
#include "EventPeers.h"
#include "SharedTopology.h"
#include "SignOutBench.h"

#include <QCoreApplication>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace signoutbench;

namespace {

constexpr const char* demoEmail = "demo@vigil.test";
constexpr const char* demoPassword = "vigil-demo-2026";

struct Outcome
{
    Stats all;
    Stats local;  // sockets on instance 1, where the sign-out was asked
    Stats remote; // sockets on the other instance
    double answerMs = 0;
    bool ok = false;
};

bool connectAll(SharedInstances& shared, Peers& peers, int devices)
{
    // Signed in a slice at a time, just before their sockets connect: an access token lives 5 minutes.
    constexpr int slice = 500;
    std::vector<QByteArray> tokens;
    for (int i = 0; i < devices; ++i) {
        if (i % slice == 0) {
            HttpConnection http(shared.at(0).port());
            tokens = issueSessions(http, QString::fromLatin1(demoEmail), qMin(slice, devices - i));
            if (tokens.empty()) {
                std::fprintf(stderr, "POST /__admin/sessions failed\n");
                return false;
            }
        }
        const quint16 port = shared.at(i % shared.count()).port();
        if (!peers.add(port, "Bearer " + tokens[size_t(i % slice)], sessionScopeHeader)) {
            std::fprintf(stderr, "socket %d of %d (instance %d) failed\n", i + 1, devices, i % shared.count() + 1);
            return false;
        }
        if (i % 64 == 63)
            peers.pump(0, [] { return false; });
    }
    const auto settled = [&peers, devices] {
        return peers.count(&Peer::ready) +
                   std::count_if(peers.all().begin(),
                                 peers.all().end(),
                                 [](const Peer& p) { return !p.ready && p.socket->fd() < 0; }) >=
               devices;
    };
    peers.pump(10000, settled);
    if (peers.count(&Peer::ready) != devices) {
        std::fprintf(stderr,
                     "only %lld of %d sockets are ready (a token of instance 1 refused by instance 2?)\n",
                     qlonglong(peers.count(&Peer::ready)),
                     devices);
        return false;
    }
    return true;
}

Outcome measure(BenchPostgres& postgres, int instances, int devices)
{
    Outcome outcome;
    SharedInstances shared;
    if (!shared.start(postgres, instances, manySocketsArgs(devices + 64, QStringLiteral("epoll")))) {
        std::fprintf(stderr, "cannot start %d instances: %s\n", instances, qPrintable(shared.error()));
        return outcome;
    }
    Peers peers;
    if (!connectAll(shared, peers, devices))
        return outcome;

    HttpConnection http(shared.at(0).port());
    const QByteArray access =
        login(http, QString::fromLatin1(demoEmail), QString::fromLatin1(demoPassword), QStringLiteral("Initiator"));
    const QByteArray stepUp = stepUpWithPassword(http, access, QString::fromLatin1(demoPassword));
    if (access.isEmpty() || stepUp.isEmpty() || !confirmOwnDevice(http, access)) {
        std::fprintf(stderr, "the initiator could not sign in or verify\n");
        return outcome;
    }
    peers.pump(300, [] { return false; }); // the sockets start quiet

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

    std::vector<double> all;
    std::vector<double> local;
    std::vector<double> remote;
    for (size_t i = 0; i < peers.all().size(); ++i) {
        const Peer& peer = peers.all()[i];
        if (!peer.revoked)
            continue;
        const double ms = msBetween(t0, peer.revokedAt);
        all.push_back(ms);
        (int(i) % instances == 0 ? local : remote).push_back(ms);
    }
    outcome.all = summarize(all);
    outcome.local = summarize(local);
    outcome.remote = summarize(remote);
    outcome.answerMs = msBetween(t0, answered);
    outcome.ok = sent && answer.status == 200 && outcome.all.count == devices;
    if (answer.status != 200)
        std::fprintf(stderr, "sign-out answered %d: %s\n", answer.status, answer.body.left(300).constData());
    else if (outcome.all.count != devices)
        std::fprintf(stderr, "%lld of %d devices heard of it\n", qlonglong(outcome.all.count), devices);
    return outcome;
}

void printRow(const char* what, int devices, const Stats& s, double answerMs = 0)
{
    std::printf("  %-34s %6d  %8lld  %8.2f  %8.2f  %8.2f  %8.2f",
                what,
                devices,
                qlonglong(s.count),
                s.min,
                s.p50,
                s.p99,
                s.max);
    if (answerMs > 0)
        std::printf("  (HTTP answer after %.2f ms)", answerMs);
    std::printf("\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    raiseFileLimit();
    QList<int> sizes{1000};
    if (const qsizetype at = args.indexOf(QStringLiteral("--sizes")); at >= 0) {
        sizes.clear();
        for (const QString& size : args.value(at + 1).split(QLatin1Char(',')))
            sizes.append(size.toInt());
    }
    const qsizetype roundsAt = args.indexOf(QStringLiteral("--rounds"));
    const int rounds = roundsAt >= 0 ? qMax(1, args.value(roundsAt + 1).toInt()) : 1;

    BenchPostgres postgres;
    if (!postgres.start()) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(postgres.error()));
        return 1;
    }
    std::printf("signout_instances: latency from writing POST /v1/devices/sign-out {scope: all} to instance 1\n"
                "to each device socket reading session.revoked (ms), the sockets on one instance or spread\n"
                "over two on one PostgreSQL database. Service: %s\n\n",
                qPrintable(MockdChild::executable()));
    std::printf("  %-34s %6s  %8s  %8s  %8s  %8s  %8s\n", "", "devices", "received", "min", "p50", "p99", "max");
    int status = 0;
    for (const int devices : std::as_const(sizes)) {
        for (int round = 0; round < rounds; ++round) {
            const Outcome one = measure(postgres, 1, devices);
            if (one.ok)
                printRow("one instance", devices, one.all, one.answerMs);
            const Outcome two = measure(postgres, 2, devices);
            if (two.ok) {
                printRow("two instances, all", devices, two.all, two.answerMs);
                printRow("  on the initiator's instance", devices, two.local);
                printRow("  on the other instance", devices, two.remote);
            }
            if (!one.ok || !two.ok) {
                std::printf("  %d devices: FAILED (one instance %s, two instances %s)\n",
                            devices,
                            one.ok ? "ok" : "failed",
                            two.ok ? "ok" : "failed");
                status = 1;
                continue;
            }
            std::printf("  -> two / one instance: p50 %.2f, p99 %.2f, HTTP answer %.2f; other / same instance p99 "
                        "%.2f\n\n",
                        two.all.p50 / one.all.p50,
                        two.all.p99 / one.all.p99,
                        two.answerMs / one.answerMs,
                        two.remote.p99 / two.local.p99);
        }
    }
    return status;
}
