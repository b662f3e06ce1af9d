// bench_signout_scaling: the time of "sign out all" (POST /v1/devices/sign-out {scope: all}, round
// trip over loopback) for an account with 10 sessions and with 10,000 sessions, on the same 10
// devices (1 vs 1,000 sessions each, seeded from a generated scenario file). "All" is one write of
// the account's not_before, so the ratio should stay near 1 (target <= 2x). For the record it also
// prints 10,000 devices with one session each: there the answer lists every device and each gets a
// device.removed event, so that cost grows with the devices by contract, not with the sessions.
//
// Usage: bench_signout_scaling [--runs 7]
#include "SignOutBench.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <cstdio>

using namespace signoutbench;

namespace {

constexpr const char* email = "bench@vigil.test";
constexpr const char* password = "bench-password-2026";

QByteArray scenario(int devices, int sessionsPerDevice)
{
    QJsonArray list;
    for (int i = 0; i < devices; ++i) {
        list.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_bench_%1").arg(i)},
                                {QStringLiteral("name"), QStringLiteral("Bench TV %1").arg(i)},
                                {QStringLiteral("type"), QStringLiteral("tv")},
                                {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                                {QStringLiteral("first_sign_in"), QStringLiteral("-10d")},
                                {QStringLiteral("last_active"), QStringLiteral("-1h")},
                                {QStringLiteral("status"), QStringLiteral("idle")},
                                {QStringLiteral("sessions"), sessionsPerDevice}});
    }
    const QJsonObject account{{QStringLiteral("id"), QStringLiteral("acc_bench")},
                              {QStringLiteral("email"), QString::fromLatin1(email)},
                              {QStringLiteral("password"), QString::fromLatin1(password)},
                              {QStringLiteral("display_name"), QStringLiteral("Bench")},
                              {QStringLiteral("devices"), list}};
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("signout-scaling")},
                                     {QStringLiteral("accounts"), QJsonArray{account}}})
        .toJson(QJsonDocument::Compact);
}

struct Timing
{
    Stats stats;
    double min = 0;
    bool ok = false;
};

Timing measure(const QTemporaryDir& dir, int devices, int sessionsPerDevice, int runs)
{
    Timing timing;
    const QString path = dir.filePath(QStringLiteral("scaling-%1x%2.json").arg(devices).arg(sessionsPerDevice));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(scenario(devices, sessionsPerDevice)) < 0)
        return timing;
    file.close();
    MockdChild mockd;
    if (!mockd.start({QStringLiteral("--scenario"), path})) {
        std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(mockd.error()));
        return timing;
    }
    HttpConnection http(mockd.port());
    const Headers admin{{"X-Admin-Key", MockdChild::adminKey}};
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        if (run > 0 && http.request("POST", "/__admin/reset", {}, admin).status != 204)
            return timing;
        const QByteArray access =
            login(http, QString::fromLatin1(email), QString::fromLatin1(password), QStringLiteral("Initiator"));
        const QByteArray stepUp = stepUpWithPassword(http, access, QString::fromLatin1(password));
        if (access.isEmpty() || stepUp.isEmpty() || !confirmOwnDevice(http, access))
            return timing;
        const SteadyClock::time_point t0 = SteadyClock::now();
        const HttpResult answer = http.request("POST",
                                               "/v1/devices/sign-out",
                                               {{QStringLiteral("scope"), QStringLiteral("all")}},
                                               {{"Authorization", "Bearer " + access}, {"X-Step-Up", stepUp}});
        const SteadyClock::time_point t1 = SteadyClock::now();
        const qsizetype listed = answer.json().value(QStringLiteral("results")).toArray().size();
        // The initiator's own session is cut off too.
        const int after = http.request("GET", "/v1/me", {}, {{"Authorization", "Bearer " + access}}).status;
        if (answer.status != 200 || listed != devices + 1 || after != 401) {
            std::fprintf(stderr,
                         "sign-out answered %d with %lld devices, then /v1/me %d\n",
                         answer.status,
                         qlonglong(listed),
                         after);
            return timing;
        }
        times.push_back(msBetween(t0, t1));
    }
    timing.stats = summarize(times);
    timing.min = *std::min_element(times.begin(), times.end());
    timing.ok = true;
    return timing;
}

void printRow(const char* what, const Timing& t)
{
    if (!t.ok) {
        std::printf("  %-42s FAILED\n", what);
        return;
    }
    std::printf("  %-42s median %8.2f ms   min %8.2f ms   max %8.2f ms\n", what, t.stats.p50, t.min, t.stats.max);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int runs = 7;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0)
        runs = qMax(1, args.value(at + 1).toInt());
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    std::printf("signout_scaling: round trip of POST /v1/devices/sign-out {scope: all} over loopback,\n"
                "%d runs each (a reset re-seeds between runs). Service: %s\n\n",
                runs,
                qPrintable(MockdChild::executable()));
    const Timing few = measure(dir, 10, 1, runs);
    printRow("10 devices, 10 sessions", few);
    const Timing many = measure(dir, 10, 1000, runs);
    printRow("10 devices, 10,000 sessions", many);
    const Timing devices = measure(dir, 10000, 1, qMin(runs, 3));
    printRow("10,000 devices, 10,000 sessions (info)", devices);
    if (!few.ok || !many.ok)
        return 1;
    const double ratio = many.stats.p50 / few.stats.p50;
    std::printf(
        "\n  -> 10,000 / 10 sessions (median) = %.2fx, target <= 2x: %s\n", ratio, ratio <= 2.0 ? "met" : "MISSED");
    if (devices.ok)
        std::printf("     (10,000 devices / 10 devices = %.1fx: the answer and the events grow with devices)\n",
                    devices.stats.p50 / few.stats.p50);
    return 0;
}
