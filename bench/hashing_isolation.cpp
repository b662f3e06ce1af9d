// bench_hashing_isolation: does password hashing leave the service's event loop alone? It measures
// the latency of an unrelated, authenticated GET /v1/devices (one request per millisecond on its own
// keep-alive connection) with nothing else going on (idle) and while 12 sign-ins and one
// recovery-code regeneration (ten argon2id hashes) run at once. Rounds alternate an idle window and
// a loaded one, so load from other processes on the machine falls on both alike. It prints p50/p99
// of both, the ratio of the p99s (goal: within 3x of idle on a 2-core machine) and the CPU time the
// service's main thread (the event loop) used per second in each.
//
// The sign-ins each come from their own client with its own device cookie (as a real device
// would), so the login throttle, which counts an attempt from the moment it starts, never turns
// them into cheap 429s.
//
// Usage: bench_hashing_isolation [--rounds 8] [--idle-seconds 1] [-- extra vigil-mockd arguments]
//        (--idle-seconds: each idle window)
#include "SignOutBench.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <atomic>
#include <cstdio>
#include <thread>
#include <unistd.h>

using namespace signoutbench;

namespace {

constexpr const char* email = "demo@vigil.test";
constexpr const char* password = "vigil-demo-2026";
constexpr int signIns = 12;

struct SignedIn
{
    int status = 0;
    QByteArray access;
    QString deviceCookie;
};

SignedIn signIn(HttpConnection& http, const QString& deviceName, const QString& cookie)
{
    QJsonObject body{
        {QStringLiteral("email"), QString::fromLatin1(email)},
        {QStringLiteral("password"), QString::fromLatin1(password)},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("name"), deviceName}, {QStringLiteral("type"), QStringLiteral("tv")}}}};
    if (!cookie.isEmpty())
        body.insert(QStringLiteral("device_cookie"), cookie);
    const HttpResult reply = http.request("POST", "/v1/auth/login", body);
    const QJsonObject json = reply.json();
    return {reply.status,
            json.value(QStringLiteral("access_token")).toString().toLatin1(),
            json.value(QStringLiteral("device_cookie")).toString()};
}

// CPU time (user + system) the thread `tid` of `pid` has used, in ms (clock-tick resolution).
double threadCpuMs(qint64 pid, qint64 tid)
{
    QFile file(QStringLiteral("/proc/%1/task/%2/stat").arg(pid).arg(tid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    static const double msPerTick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * msPerTick;
}

// Time the thread has waited on a run queue (runnable, not running), in ms: how long the event loop
// waited for a core, whoever held it.
double threadRunQueueMs(qint64 pid, qint64 tid)
{
    QFile file(QStringLiteral("/proc/%1/task/%2/schedstat").arg(pid).arg(tid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 2 ? double(fields.at(1).toLongLong()) / 1e6 : 0;
}

// GET /v1/devices once per `periodUs` until `keepGoing` says stop; the latency of each.
template <typename Predicate>
void sample(HttpConnection& http, const Headers& bearer, Predicate keepGoing, std::vector<double>& out, bool& failed)
{
    constexpr auto period = std::chrono::microseconds(1000);
    SteadyClock::time_point next = SteadyClock::now();
    while (keepGoing()) {
        const SteadyClock::time_point t0 = SteadyClock::now();
        const HttpResult reply = http.request("GET", "/v1/devices", {}, bearer);
        const SteadyClock::time_point t1 = SteadyClock::now();
        if (reply.status != 200) {
            std::fprintf(stderr, "GET /v1/devices answered %d\n", reply.status);
            failed = true;
            return;
        }
        out.push_back(msBetween(t0, t1));
        next += period;
        if (next > t1)
            std::this_thread::sleep_until(next);
        else
            next = t1;
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QStringList mockdArgs;
    if (const qsizetype dashes = args.indexOf(QStringLiteral("--")); dashes >= 0) {
        mockdArgs = args.mid(dashes + 1);
        args = args.mid(0, dashes);
    }
    int rounds = 8;
    double idleSeconds = 1;
    if (const qsizetype at = args.indexOf(QStringLiteral("--rounds")); at >= 0)
        rounds = qMax(1, args.value(at + 1).toInt());
    if (const qsizetype at = args.indexOf(QStringLiteral("--idle-seconds")); at >= 0)
        idleSeconds = qMax(0.1, args.value(at + 1).toDouble());

    MockdChild mockd;
    if (!mockd.start(mockdArgs)) {
        std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(mockd.error()));
        return 1;
    }
    std::printf("hashing_isolation: latency of GET /v1/devices (1 per ms, keep-alive) idle, then during %d rounds\n"
                "of %d sign-ins + 1 recovery-code regeneration at once. Service: %s %s\n\n",
                rounds,
                signIns,
                qPrintable(MockdChild::executable()),
                qPrintable(mockdArgs.join(QLatin1Char(' '))));
    std::fflush(stdout);

    // Set-up (not measured): the measuring client, the regenerating client with a step-up token,
    // and a device cookie for each signing-in client.
    HttpConnection probe(mockd.port());
    const SignedIn prober = signIn(probe, QStringLiteral("Probe"), {});
    HttpConnection regenerator(mockd.port());
    const SignedIn holder = signIn(regenerator, QStringLiteral("Regenerator"), {});
    const QByteArray stepUp = stepUpWithPassword(regenerator, holder.access, QString::fromLatin1(password));
    std::vector<std::unique_ptr<HttpConnection>> clients;
    std::vector<QString> cookies;
    for (int i = 0; i < signIns; ++i) {
        clients.push_back(std::make_unique<HttpConnection>(mockd.port()));
        cookies.push_back(signIn(*clients.back(), QStringLiteral("Signer %1").arg(i), {}).deviceCookie);
    }
    if (prober.access.isEmpty() || stepUp.isEmpty() ||
        std::any_of(cookies.begin(), cookies.end(), [](const QString& c) { return c.isEmpty(); })) {
        std::fprintf(stderr, "set-up failed (sign-in or step-up refused)\n");
        return 1;
    }
    const Headers bearer{{"Authorization", "Bearer " + prober.access}};
    const Headers regenerateHeaders{{"Authorization", "Bearer " + holder.access}, {"X-Step-Up", stepUp}};

    bool failed = false;
    std::vector<double> idle;
    std::vector<double> loaded;
    std::atomic<int> badAnswers = 0;
    std::vector<double> roundMs;
    double idleCpuMs = 0;
    double loadedCpuMs = 0;
    double idleWallMs = 0;
    double idleQueueMs = 0;
    double loadedQueueMs = 0;
    double loadedWallMs = 0;
    const qint64 pid = mockd.pid();
    for (int round = 0; round < rounds && !failed; ++round) {
        const SteadyClock::time_point idleStart = SteadyClock::now();
        const double idleCpuStart = threadCpuMs(pid, pid);
        const double idleQueueStart = threadRunQueueMs(pid, pid);
        const SteadyClock::time_point idleEnd =
            idleStart + std::chrono::microseconds(qint64(idleSeconds * 1000 * 1000));
        sample(
            probe, bearer, [&] { return SteadyClock::now() < idleEnd; }, idle, failed);
        idleCpuMs += threadCpuMs(pid, pid) - idleCpuStart;
        idleQueueMs += threadRunQueueMs(pid, pid) - idleQueueStart;
        idleWallMs += msBetween(idleStart, SteadyClock::now());

        std::atomic<int> running = signIns + 1;
        const SteadyClock::time_point start = SteadyClock::now();
        const double cpuStart = threadCpuMs(pid, pid);
        const double queueStart = threadRunQueueMs(pid, pid);
        std::vector<std::thread> threads;
        for (int i = 0; i < signIns; ++i) {
            threads.emplace_back([&, i] {
                const SignedIn done =
                    signIn(*clients[size_t(i)], QStringLiteral("Signer %1").arg(i), cookies[size_t(i)]);
                if (done.status == 200)
                    cookies[size_t(i)] = done.deviceCookie;
                else
                    ++badAnswers;
                --running;
            });
        }
        threads.emplace_back([&] {
            const HttpResult codes =
                regenerator.request("POST", "/v1/account/two-step/recovery-codes", {}, regenerateHeaders);
            if (codes.status != 200 || codes.json().value(QStringLiteral("recovery_codes")).toArray().size() != 10)
                ++badAnswers;
            --running;
        });
        sample(
            probe, bearer, [&] { return running.load() > 0; }, loaded, failed);
        for (std::thread& thread : threads)
            thread.join();
        loadedCpuMs += threadCpuMs(pid, pid) - cpuStart;
        loadedQueueMs += threadRunQueueMs(pid, pid) - queueStart;
        roundMs.push_back(msBetween(start, SteadyClock::now()));
        loadedWallMs += roundMs.back();
    }
    if (failed || badAnswers > 0 || idle.empty() || loaded.empty()) {
        std::fprintf(
            stderr, "the run failed (%d sign-ins or regenerations were not answered 200)\n", badAnswers.load());
        return 1;
    }
    const Stats quiet = summarize(idle);
    const Stats busy = summarize(loaded);
    const Stats round = summarize(roundMs);
    std::printf("  %-34s %6lld samples   p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n",
                "idle",
                qlonglong(quiet.count),
                quiet.p50,
                quiet.p99,
                quiet.max);
    std::printf("  %-34s %6lld samples   p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms\n",
                "12 sign-ins + 1 regeneration",
                qlonglong(busy.count),
                busy.p50,
                busy.p99,
                busy.max);
    std::printf("  (one round, all answers in: median %.0f ms, max %.0f ms)\n", round.p50, round.max);
    std::printf("  event loop thread: CPU idle %.0f ms/s, loaded %.0f ms/s; waiting for a core idle %.1f ms/s, "
                "loaded %.1f ms/s\n",
                idleCpuMs * 1000 / idleWallMs,
                loadedCpuMs * 1000 / loadedWallMs,
                idleQueueMs * 1000 / idleWallMs,
                loadedQueueMs * 1000 / loadedWallMs);
    const double ratio = busy.p99 / quiet.p99;
    std::printf("\n  -> p99 under hashing / idle p99 = %.2fx (p50 %.2fx), goal <= 3x: %s\n",
                ratio,
                busy.p50 / quiet.p50,
                ratio <= 3.0 ? "met" : "MISSED");
    return 0;
}
