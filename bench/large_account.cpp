// bench_large_account: one account's store at 100, 10,000 and 100,000 devices, against a real
// vigil-mockd from the same bin folder. Each account is seeded from a generated scenario (one
// password hash for the account, none per device), then, over one keep-alive loopback connection:
//   - GET /v1/me, p50/p99;
//   - the first page of GET /v1/devices (limit=100, the same page at every size), answered from the
//     cached bytes, and rebuilt (the caller's device reports a status before each request, which
//     moves the account's version);
//   - a full paging walk (limit=1000) after a change, per device listed.
// (A walk of an account smaller than one page is one short page: the walk ratio starts from the
// smallest account with full pages.)
// Every size has its own service, all running at once, and the requests go to them in turn, so the
// load of the (shared) machine at any moment falls on every size alike. Ratios are against the
// smallest account of the same run (targets: first page and /v1/me within
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
#include <memory>
#include <vector>

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

// One account's service, seeded and signed in.
struct Account
{
    int devices = 0;
    std::unique_ptr<MockdChild> mockd;
    std::unique_ptr<HttpConnection> http;
    Headers auth;
    bool streaming = false;
    std::vector<double> me, pageCached, pageRebuilt, walks;
    Figures figures;

    // The caller's device reports a status: the account's version moves, cached pages are stale.
    bool change()
    {
        streaming = !streaming;
        const QJsonObject status{
            {QStringLiteral("status"), streaming ? QStringLiteral("streaming") : QStringLiteral("idle")}};
        return http->request("PUT", "/v1/devices/current/status", status, auth).status == 204;
    }

    bool timed(const QByteArray& path, std::vector<double>& into)
    {
        const SteadyClock::time_point t0 = SteadyClock::now();
        const int status = http->request("GET", path, {}, auth).status;
        into.push_back(msBetween(t0, SteadyClock::now()));
        if (status != 200)
            std::fprintf(stderr, "%d devices: GET %s answered %d\n", devices, path.constData(), status);
        return status == 200;
    }

    // Every page; false when it failed or missed devices.
    bool walk()
    {
        if (!change())
            return false;
        QByteArray cursor;
        int pages = 0;
        int seen = 0;
        const SteadyClock::time_point t0 = SteadyClock::now();
        do {
            QByteArray path = "/v1/devices?limit=" + QByteArray::number(walkLimit);
            if (!cursor.isEmpty())
                path += "&cursor=" + cursor;
            const HttpResult page = http->request("GET", path, {}, auth);
            if (page.status != 200)
                return false;
            const QJsonObject json = page.json();
            seen += int(json.value(QStringLiteral("devices")).toArray().size());
            cursor = json.value(QStringLiteral("next_cursor")).toString().toLatin1();
            ++pages;
        } while (!cursor.isEmpty());
        walks.push_back(msBetween(t0, SteadyClock::now()));
        figures.walkPages = pages;
        if (seen != devices)
            std::fprintf(stderr, "the walk saw %d devices, not %d\n", seen, devices);
        return seen == devices;
    }
};

bool start(const QTemporaryDir& dir, Account& account)
{
    const QString path = dir.filePath(QStringLiteral("large-%1.json").arg(account.devices));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(scenario(account.devices)) < 0)
        return false;
    file.close();
    account.mockd = std::make_unique<MockdChild>();
    QElapsedTimer seeding;
    seeding.start();
    if (!account.mockd->start({QStringLiteral("--scenario"), path})) {
        std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(account.mockd->error()));
        return false;
    }
    account.figures.devices = account.devices;
    account.figures.seedMs = double(seeding.nsecsElapsed()) / 1e6;
    account.http = std::make_unique<HttpConnection>(account.mockd->port());
    const QByteArray access =
        login(*account.http, QString::fromLatin1(email), QString::fromLatin1(password), QStringLiteral("Bench"));
    if (access.isEmpty())
        return false;
    account.auth = {{"Authorization", "Bearer " + access}};
    const int total = account.http->request("GET", "/v1/devices?limit=1", {}, account.auth)
                          .json()
                          .value(QStringLiteral("total"))
                          .toInt();
    if (total != account.devices) {
        std::fprintf(stderr, "the list has %d devices, not %d\n", total, account.devices);
        return false;
    }
    return true;
}

// Round robin over the accounts, one request each in turn, so the machine's load at any moment
// falls on every size alike.
bool measure(QList<Account*>& accounts, int requests, int walks)
{
    const QByteArray firstPage = "/v1/devices?limit=" + QByteArray::number(pageLimit);
    for (int i = 0; i < requests; ++i) {
        for (Account* a : accounts) {
            if (!a->timed("/v1/me", a->me) || !a->timed(firstPage, a->pageCached))
                return false;
        }
    }
    for (int i = 0; i < requests; ++i) {
        for (Account* a : accounts) {
            if (!a->change() || !a->timed(firstPage, a->pageRebuilt))
                return false;
        }
    }
    for (int i = 0; i < walks; ++i) {
        for (Account* a : accounts) {
            if (!a->walk())
                return false;
        }
    }
    for (Account* a : accounts) {
        Figures& f = a->figures;
        f.me = summarize(a->me);
        f.pageCached = summarize(a->pageCached);
        f.pageRebuilt = summarize(a->pageRebuilt);
        f.walkMs = *std::min_element(a->walks.begin(), a->walks.end());
        f.rssKiB = signoutbench::rssKiB(a->mockd->pid());
        f.ok = true;
    }
    return true;
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

    std::printf("large_account: one account with N devices per service, all running at once; %d requests of\n"
                "each kind per size, taken in turn (round robin), over one keep-alive loopback connection each;\n"
                "first page = GET /v1/devices?limit=%d, walk = every page at limit=%d (fastest of %d).\n"
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
    std::vector<std::unique_ptr<Account>> owned;
    QList<Account*> accounts;
    for (int size : std::as_const(sizes)) {
        owned.push_back(std::make_unique<Account>());
        owned.back()->devices = size;
        if (!start(dir, *owned.back())) {
            std::printf("  %8d FAILED to start\n", size);
            return 1;
        }
        accounts.append(owned.back().get());
    }
    if (!measure(accounts, requests, walks)) {
        std::printf("large_account: FAILED\n");
        return 1;
    }
    QList<Figures> all;
    for (const Account* a : std::as_const(accounts)) {
        const Figures& f = a->figures;
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
        all.append(f);
    }

    const Figures& base = all.constFirst();
    // Walks compare full pages: an account smaller than one page is walked in one short page, which
    // costs less per device than pages of walkLimit, whatever the account's size.
    const Figures* walkBase = &base;
    for (const Figures& f : std::as_const(all)) {
        if (f.devices >= walkLimit) {
            walkBase = &f;
            break;
        }
    }
    std::printf("\n  ratios against %d devices (p50), the walk per device against %d devices:\n",
                base.devices,
                walkBase->devices);
    bool met = true;
    for (const Figures& f : std::as_const(all)) {
        if (&f == &base)
            continue;
        const double me = f.me.p50 / base.me.p50;
        const double cached = f.pageCached.p50 / base.pageCached.p50;
        const double rebuilt = f.pageRebuilt.p50 / base.pageRebuilt.p50;
        const double walk = (f.walkMs / f.devices) / (walkBase->walkMs / walkBase->devices);
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
