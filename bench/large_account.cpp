// bench_large_account: one account's store at 100, 10,000 and 100,000 devices, against a real
// vigil-mockd from the same bin folder. Each account is seeded from a generated scenario (one
// password hash for the account, none per device), then, over one keep-alive loopback connection:
//   - GET /v1/me, p50/p99;
//   - the first page of GET /v1/devices (limit=100, the same page at every size), answered from the
//     cached bytes, and rebuilt (the caller's device reports a status before each request, which
//     moves the account's version);
//   - a full paging walk (limit=1000) after a change, per device listed.
// Ratios are against the smallest account of the same run (targets: first page and /v1/me within
// 2x of 100 devices; the walk per device within 2x, i.e. linear).
//
// Usage: bench_large_account [--sizes 100,10000,100000] [--requests 300] [--walks 3]
#include "SignOutBench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace signoutbench;

namespace {

constexpr const char* email = "large@vigil.test";
constexpr const char* password = "large-account-2026";
constexpr int pageLimit = 100;
constexpr int walkLimit = 1000;

// `devices - 1` devices: the bench's own sign-in is the last one.
QByteArray scenario(int devices)
{
    static const char* types[] = {"tv", "phone", "tablet", "computer", "console", "browser", "settopbox"};
    static const char* statuses[] = {"offline", "offline", "idle", "streaming", "paused"};
    QJsonArray list;
    for (int i = 0; i + 1 < devices; ++i) {
        list.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_large_%1").arg(i)},
                                {QStringLiteral("name"), QStringLiteral("Device %1").arg(i)},
                                {QStringLiteral("type"), QString::fromLatin1(types[i % 7])},
                                {QStringLiteral("ip"), QStringLiteral("203.0.113.%1").arg(i % 250 + 1)},
                                {QStringLiteral("first_sign_in"), QStringLiteral("-%1s").arg(10'000'000 - i * 10)},
                                {QStringLiteral("last_active"), QStringLiteral("-1h")},
                                {QStringLiteral("status"), QString::fromLatin1(statuses[i % 5])}});
    }
    const QJsonObject account{{QStringLiteral("id"), QStringLiteral("acc_large")},
                              {QStringLiteral("email"), QString::fromLatin1(email)},
                              {QStringLiteral("password"), QString::fromLatin1(password)},
                              {QStringLiteral("display_name"), QStringLiteral("Large")},
                              {QStringLiteral("devices"), list}};
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("large-account")},
                                     {QStringLiteral("accounts"), QJsonArray{account}}})
        .toJson(QJsonDocument::Compact);
}

struct Figures
{
    int devices = 0;
    double seedMs = 0;
    Stats me;
    Stats pageCached;
    Stats pageRebuilt;
    double walkMs = 0; // the fastest walk
    int walkPages = 0;
    qint64 rssKiB = 0;
    bool ok = false;
};

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Times `count` requests of one kind; `before` (not timed) runs ahead of each.
bool timeRequests(HttpConnection& http,
                  const QByteArray& path,
                  const Headers& auth,
                  int count,
                  Stats* out,
                  const std::function<bool()>& before = {})
{
    std::vector<double> times;
    times.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        if (before && !before())
            return false;
        const SteadyClock::time_point t0 = SteadyClock::now();
        const HttpResult answer = http.request("GET", path, {}, auth);
        times.push_back(msBetween(t0, SteadyClock::now()));
        if (answer.status != 200) {
            std::fprintf(stderr, "GET %s answered %d\n", path.constData(), answer.status);
            return false;
        }
    }
    *out = summarize(std::move(times));
    return true;
}

Figures measure(const QTemporaryDir& dir, int devices, int requests, int walks)
{
    Figures f;
    f.devices = devices;
    const QString path = dir.filePath(QStringLiteral("large-%1.json").arg(devices));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(scenario(devices)) < 0)
        return f;
    file.close();
    MockdChild mockd;
    QElapsedTimer seeding;
    seeding.start();
    if (!mockd.start({QStringLiteral("--scenario"), path})) {
        std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(mockd.error()));
        return f;
    }
    f.seedMs = double(seeding.nsecsElapsed()) / 1e6;
    HttpConnection http(mockd.port());
    const QByteArray access =
        login(http, QString::fromLatin1(email), QString::fromLatin1(password), QStringLiteral("Bench"));
    if (access.isEmpty())
        return f;
    const Headers auth{{"Authorization", "Bearer " + access}};
    bool streaming = false;
    const auto change = [&] {
        streaming = !streaming;
        return http.request(
                       "PUT",
                       "/v1/devices/current/status",
                       {{QStringLiteral("status"), streaming ? QStringLiteral("streaming") : QStringLiteral("idle")}},
                       auth)
                   .status == 204;
    };

    const QByteArray firstPage = "/v1/devices?limit=" + QByteArray::number(pageLimit);
    const HttpResult check = http.request("GET", firstPage, {}, auth);
    if (check.json().value(QStringLiteral("total")).toInt() != devices) {
        std::fprintf(
            stderr, "the list has %d devices, not %d\n", check.json().value(QStringLiteral("total")).toInt(), devices);
        return f;
    }
    if (!timeRequests(http, "/v1/me", auth, requests, &f.me) ||
        !timeRequests(http, firstPage, auth, requests, &f.pageCached) ||
        !timeRequests(http, firstPage, auth, requests, &f.pageRebuilt, change))
        return f;

    f.walkMs = -1;
    for (int walk = 0; walk < walks; ++walk) {
        if (!change())
            return f;
        QByteArray cursor;
        int pages = 0;
        int seen = 0;
        const SteadyClock::time_point t0 = SteadyClock::now();
        do {
            QByteArray pagePath = "/v1/devices?limit=" + QByteArray::number(walkLimit);
            if (!cursor.isEmpty())
                pagePath += "&cursor=" + cursor;
            const HttpResult page = http.request("GET", pagePath, {}, auth);
            if (page.status != 200)
                return f;
            const QJsonObject json = page.json();
            seen += int(json.value(QStringLiteral("devices")).toArray().size());
            cursor = json.value(QStringLiteral("next_cursor")).toString().toLatin1();
            ++pages;
        } while (!cursor.isEmpty());
        const double ms = msBetween(t0, SteadyClock::now());
        if (seen != devices) {
            std::fprintf(stderr, "the walk saw %d devices, not %d\n", seen, devices);
            return f;
        }
        f.walkMs = f.walkMs < 0 ? ms : std::min(f.walkMs, ms);
        f.walkPages = pages;
    }
    f.rssKiB = rssKiB(mockd.pid());
    f.ok = true;
    return f;
}

QList<int> parseSizes(const QString& text)
{
    QList<int> sizes;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int size = part.trimmed().toInt();
        if (size >= 2)
            sizes.append(size);
    }
    return sizes;
}

const char* verdict(double ratio, double target)
{
    return ratio <= target ? "met" : "MISSED";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QList<int> sizes{100, 10000, 100000};
    int requests = 300;
    int walks = 3;
    if (const qsizetype at = args.indexOf(QStringLiteral("--sizes")); at >= 0)
        sizes = parseSizes(args.value(at + 1));
    if (const qsizetype at = args.indexOf(QStringLiteral("--requests")); at >= 0)
        requests = qMax(1, args.value(at + 1).toInt());
    if (const qsizetype at = args.indexOf(QStringLiteral("--walks")); at >= 0)
        walks = qMax(1, args.value(at + 1).toInt());
    if (sizes.isEmpty())
        return 2;
    std::sort(sizes.begin(), sizes.end());
    raiseFileLimit();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    std::printf("large_account: one account with N devices, %d requests each over one keep-alive loopback\n"
                "connection; first page = GET /v1/devices?limit=%d, walk = every page at limit=%d (fastest of %d).\n"
                "Service: %s\n\n",
                requests,
                pageLimit,
                walkLimit,
                walks,
                qPrintable(MockdChild::executable()));
    std::printf("  %8s %9s | %-17s | %-17s | %-17s | %9s %8s | %7s\n",
                "devices",
                "seed s",
                "/v1/me p50/p99 ms",
                "page cached p50/99",
                "page rebuilt p50/99",
                "walk ms",
                "us/dev",
                "RSS MiB");
    QList<Figures> all;
    for (int size : std::as_const(sizes)) {
        const Figures f = measure(dir, size, requests, walks);
        if (!f.ok) {
            std::printf("  %8d FAILED\n", size);
            return 1;
        }
        std::printf("  %8d %9.1f | %7.3f / %7.3f | %7.3f / %7.3f | %7.3f / %7.3f | %9.1f %8.2f | %7.1f\n",
                    f.devices,
                    f.seedMs / 1000,
                    f.me.p50,
                    f.me.p99,
                    f.pageCached.p50,
                    f.pageCached.p99,
                    f.pageRebuilt.p50,
                    f.pageRebuilt.p99,
                    f.walkMs,
                    1000 * f.walkMs / f.devices,
                    double(f.rssKiB) / 1024);
        std::fflush(stdout);
        all.append(f);
    }

    const Figures& base = all.constFirst();
    std::printf("\n  ratios against %d devices (p50; walk per device):\n", base.devices);
    bool met = true;
    for (const Figures& f : std::as_const(all)) {
        if (&f == &base)
            continue;
        const double me = f.me.p50 / base.me.p50;
        const double cached = f.pageCached.p50 / base.pageCached.p50;
        const double rebuilt = f.pageRebuilt.p50 / base.pageRebuilt.p50;
        const double walk = (f.walkMs / f.devices) / (base.walkMs / base.devices);
        std::printf("  %8d: /v1/me %.2fx (%s), first page cached %.2fx (%s), rebuilt %.2fx (%s), walk %.2fx (%s)\n",
                    f.devices,
                    me,
                    verdict(me, 2),
                    cached,
                    verdict(cached, 2),
                    rebuilt,
                    verdict(rebuilt, 2),
                    walk,
                    verdict(walk, 2));
        met = met && me <= 2 && cached <= 2 && rebuilt <= 2 && walk <= 2;
    }
    std::printf("large_account: targets (within 2x of %d devices) %s\n", base.devices, met ? "met" : "MISSED");
    return 0;
}
