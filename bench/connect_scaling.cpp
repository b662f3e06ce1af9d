// bench_connect_scaling: the cost curve of connecting N devices to one account. A real vigil-mockd
// (from this executable's folder) gets N devices signed in (without their password: the argon2id
// cost is fixed by the hashing parameters and reported apart), then N event sockets open
// from this process (raw, epoll; scope "session", as a device) while one account-scope socket (the
// app) watches every device come online. Reported per size:
//   sign-in     seconds to sign the N devices in without a password (POST /__admin/sessions); the
//               argon2id cost of a password sign-in is measured apart (fixed by its parameters)
//   connect     seconds from the first socket to the moment the app socket has heard every device
//               come online (the goal: linear, < 20 s at 10,000)
//   frames      text frames the service sent during the connect (ready per socket + the app's)
//   app events  device events the app socket received, and in how many frames (the batching)
//   KiB/socket  service VmRSS growth while connecting, per socket; printed under it, the same for
//               sockets that only upgraded (no Authorization, measured on a fresh service in the same
//               run): what the WebSocket layer holds before vigil-mockd's part, the baseline
//   CPU s       service CPU seconds for the sign-ins and the connect; conn CPU: the connect's alone
//   linearity   (sign-in + connect) time per device at N / at the first size (1.0 = linear)
//
//   dispatcher  the service's event loop (--event-dispatcher): epoll, and Qt's own polling one
//               when asked, measured one after the other at each size (ratio qt/epoll printed)
//
// Usage: bench_connect_scaling [--sizes 1000,5000,10000,20000] [--dispatchers epoll,qt]
#include "SignOutBench.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <sys/epoll.h>
#include <unistd.h>

using namespace signoutbench;

namespace {

constexpr const char* demoEmail = "demo@vigil.test";
constexpr const char* demoPassword = "vigil-demo-2026";
constexpr int passwordSignIns = 8;
constexpr int inFlight = 32; // upgrades asked for and not answered yet, at most

struct Socket
{
    std::unique_ptr<RawWebSocket> socket;
    bool ready = false;
    bool app = false;
};

class Sockets final
{
public:
    Sockets() : m_epoll(epoll_create1(EPOLL_CLOEXEC)) {}
    ~Sockets() { ::close(m_epoll); }
    Sockets(const Sockets&) = delete;
    Sockets& operator=(const Sockets&) = delete;

    // Opens a socket; its upgrade is answered later (readAvailable), so several are on their way at once.
    // Without a token the socket upgrades and waits unauthenticated.
    bool add(quint16 port, const QByteArray& token, bool app)
    {
        auto socket = std::make_unique<RawWebSocket>();
        const QByteArray authorization = token.isEmpty() ? QByteArray() : "Bearer " + token;
        if (!socket->begin(port, "/v1/events", authorization, app ? QByteArray() : QByteArray(sessionScopeHeader)))
            return false;
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = quint32(m_sockets.size());
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, socket->fd(), &event);
        m_sockets.push_back({std::move(socket), false, app});
        ++opened;
        return true;
    }

    // Reads until `done()` or `timeoutMs` without anything arriving.
    void pump(int timeoutMs, const std::function<bool()>& done)
    {
        epoll_event events[256];
        while (!done()) {
            const int n = epoll_wait(m_epoll, events, 256, timeoutMs);
            if (n <= 0)
                return;
            for (int i = 0; i < n; ++i)
                read(m_sockets[events[i].data.u32]);
        }
    }

    qint64 frames = 0;
    qint64 appFrames = 0;
    qint64 appOnline = 0; // device.updated events the app saw with a status other than offline
    qint64 readyCount = 0;
    qint64 upgradedCount = 0;
    qint64 opened = 0;
    bool closed = false;

private:
    void read(Socket& socket)
    {
        const bool wasUpgraded = socket.socket->upgraded();
        const bool open = socket.socket->readAvailable([this, &socket](int opcode, QByteArrayView payload) {
            if (opcode != 0x1)
                return;
            ++frames;
            if (!socket.ready && payload.contains("\"ready\"")) {
                socket.ready = true;
                ++readyCount;
            }
            if (!socket.app)
                return;
            ++appFrames;
            const QJsonObject frame = QJsonDocument::fromJson(payload.toByteArray()).object();
            const QJsonArray events = frame.value(QStringLiteral("type")) == QLatin1String("batch")
                                          ? frame.value(QStringLiteral("events")).toArray()
                                          : QJsonArray{frame};
            for (const QJsonValue& value : events) {
                const QJsonObject event = value.toObject();
                if (event.value(QStringLiteral("type")) == QLatin1String("device.updated") &&
                    event.value(QStringLiteral("device")).toObject().value(QStringLiteral("status")) !=
                        QLatin1String("offline"))
                    ++appOnline;
            }
        });
        if (!wasUpgraded && socket.socket->upgraded())
            ++upgradedCount;
        if (!open) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, socket.socket->fd(), nullptr);
            socket.socket->close();
            closed = true;
        }
    }

    int m_epoll;
    std::vector<Socket> m_sockets;
};

struct Row
{
    int devices = 0;
    double signInSeconds = 0;
    double msPerPasswordSignIn = 0;
    double cpuPerPasswordSignIn = 0;
    double connectSeconds = 0;
    qint64 frames = 0;
    qint64 appFrames = 0;
    qint64 appOnline = 0;
    double rssPerSocketKiB = 0;
    double cpuSignIn = 0;
    double cpuConnect = 0;
    bool ok = false;
};

bool startMockd(MockdChild& mockd, int devices, const QString& dispatcher)
{
    if (mockd.start(manySocketsArgs(devices + 64, dispatcher)))
        return true;
    std::fprintf(stderr, "cannot start vigil-mockd: %s\n", qPrintable(mockd.error()));
    return false;
}

// Service VmRSS growth per socket for N sockets that upgrade and never authenticate (the service
// waits 10 s for an auth message; the connect is done well before): the WebSocket layer's share,
// measured the same way as the KiB/socket column. 0 when a socket was closed or did not upgrade.
double upgradedOnlyKiB(int devices, const QString& dispatcher)
{
    MockdChild mockd;
    if (!startMockd(mockd, devices, dispatcher))
        return 0;
    Sockets sockets;
    const qint64 rss0 = rssKiB(mockd.pid());
    for (int i = 0; i < devices; ++i) {
        if (!sockets.add(mockd.port(), QByteArray(), false))
            return 0;
        sockets.pump(0, [] { return false; });
        sockets.pump(30000, [&sockets] { return sockets.opened - sockets.upgradedCount < inFlight; });
    }
    sockets.pump(30000, [&sockets, devices] { return sockets.upgradedCount == devices; });
    if (sockets.closed || sockets.upgradedCount != devices)
        return 0;
    return double(rssKiB(mockd.pid()) - rss0) / devices;
}

Row measure(int devices, const QString& dispatcher)
{
    Row row;
    row.devices = devices;
    MockdChild mockd;
    if (!startMockd(mockd, devices, dispatcher))
        return row;
    const qint64 pid = mockd.pid();

    // The password cost, measured apart on a few sign-ins: argon2id at the service's parameters
    // (fixed on purpose); the N devices are then signed in without it (POST /__admin/sessions).
    HttpConnection http(mockd.port());
    const double cpu0 = cpuSeconds(pid);
    const auto hashStart = SteadyClock::now();
    for (int i = 0; i < passwordSignIns; ++i) {
        if (login(http,
                  QString::fromLatin1(demoEmail),
                  QString::fromLatin1(demoPassword),
                  QStringLiteral("Hashed %1").arg(i))
                .isEmpty()) {
            std::fprintf(stderr, "a password sign-in failed\n");
            return row;
        }
    }
    row.msPerPasswordSignIn = msBetween(hashStart, SteadyClock::now()) / passwordSignIns;
    row.cpuPerPasswordSignIn = (cpuSeconds(pid) - cpu0) / passwordSignIns;
    const double cpuIssue0 = cpuSeconds(pid);
    const auto signInStart = SteadyClock::now();
    std::vector<QByteArray> tokens = issueSessions(http, QString::fromLatin1(demoEmail), devices + 1);
    row.signInSeconds = msBetween(signInStart, SteadyClock::now()) / 1000;
    row.cpuSignIn = cpuSeconds(pid) - cpuIssue0;
    if (tokens.empty()) {
        std::fprintf(stderr, "POST /__admin/sessions failed\n");
        return row;
    }

    // The app's socket first, then every device's; done when the app has heard each one online.
    Sockets sockets;
    if (!sockets.add(mockd.port(), tokens[size_t(devices)], true))
        return row;
    sockets.pump(2000, [&sockets] { return sockets.readyCount == 1 && sockets.appOnline >= 1; });
    // Let the sign-ins' own events drain, so the counts below are the connect's.
    sockets.pump(500, [] { return false; });
    const qint64 frames0 = sockets.frames;
    const qint64 appFrames0 = sockets.appFrames;
    const qint64 appOnline0 = sockets.appOnline;
    const qint64 rss0 = rssKiB(pid);
    const double cpu1 = cpuSeconds(pid);
    const auto connectStart = SteadyClock::now();
    for (int i = 0; i < devices; ++i) {
        if (!sockets.add(mockd.port(), tokens[size_t(i)], false)) {
            std::fprintf(stderr, "socket %d could not connect\n", i);
            return row;
        }
        // Devices come online together, not one after another: a few upgrades are on their way at
        // once (more would overflow the listen backlog and wait for SYN retries).
        sockets.pump(0, [] { return false; });
        sockets.pump(30000, [&sockets] { return sockets.opened - sockets.upgradedCount < inFlight; });
    }
    sockets.pump(30000, [&] { return sockets.readyCount == devices + 1 && sockets.appOnline - appOnline0 >= devices; });
    row.connectSeconds = msBetween(connectStart, SteadyClock::now()) / 1000;
    row.cpuConnect = cpuSeconds(pid) - cpu1;
    row.rssPerSocketKiB = double(rssKiB(pid) - rss0) / devices;
    row.frames = sockets.frames - frames0;
    row.appFrames = sockets.appFrames - appFrames0;
    row.appOnline = sockets.appOnline - appOnline0;
    row.ok = sockets.readyCount == devices + 1 && row.appOnline >= devices && !sockets.closed;
    if (!row.ok)
        std::fprintf(stderr,
                     "incomplete: %lld of %d ready, the app heard %lld online%s\n",
                     qlonglong(sockets.readyCount - 1),
                     devices,
                     qlonglong(row.appOnline),
                     sockets.closed ? ", a socket was closed" : "");
    return row;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    raiseFileLimit();
    QList<int> sizes{1000, 5000, 10000, 20000};
    if (const qsizetype at = args.indexOf(QStringLiteral("--sizes")); at >= 0) {
        sizes.clear();
        for (const QString& size : args.value(at + 1).split(QLatin1Char(',')))
            sizes.append(size.toInt());
    }
    QStringList dispatchers{QStringLiteral("epoll")};
    if (const qsizetype at = args.indexOf(QStringLiteral("--dispatchers")); at >= 0)
        dispatchers = args.value(at + 1).split(QLatin1Char(','));

    std::printf("connect_scaling: N devices of one account are signed in (without their password:\n"
                "POST /__admin/sessions; the argon2id cost is measured apart on %d password sign-ins) and\n"
                "connect their event sockets (scope session) while the app's socket (scope account) watches.\n"
                "Service: %s\n"
                "Goal: sign-in + connect < 20 s at 10,000 and linear; <= 16 KiB service RSS per socket.\n\n",
                passwordSignIns,
                qPrintable(MockdChild::executable()));
    std::printf("  %-5s  %7s  %9s  %9s  %9s  %8s  %10s  %10s  %8s  %7s  %8s  %7s  %9s\n",
                "loop",
                "devices",
                "sign-in s",
                "connect s",
                "total s",
                "frames",
                "app events",
                "app frames",
                "KiB/sock",
                "CPU s",
                "conn CPU",
                "us/dev",
                "linearity");
    int status = 0;
    QHash<QString, double> firstPerDevice;
    for (const int devices : std::as_const(sizes)) {
        QHash<QString, double> connectSeconds;
        for (const QString& dispatcher : std::as_const(dispatchers)) {
            const Row row = measure(devices, dispatcher);
            if (!row.ok) {
                std::printf("  %-5s  %7d  FAILED\n", qPrintable(dispatcher), devices);
                status = 1;
                continue;
            }
            const double total = row.signInSeconds + row.connectSeconds;
            const double perDevice = total / devices;
            if (!firstPerDevice.contains(dispatcher))
                firstPerDevice.insert(dispatcher, perDevice);
            connectSeconds.insert(dispatcher, row.connectSeconds);
            std::printf("  %-5s  %7d  %9.2f  %9.2f  %9.2f  %8lld  %10lld  %10lld  %8.1f  %7.2f  %8.2f  %7.0f  %9.2f\n",
                        qPrintable(dispatcher),
                        devices,
                        row.signInSeconds,
                        row.connectSeconds,
                        total,
                        qlonglong(row.frames),
                        qlonglong(row.appOnline),
                        qlonglong(row.appFrames),
                        row.rssPerSocketKiB,
                        row.cpuSignIn + row.cpuConnect,
                        row.cpuConnect,
                        perDevice * 1e6,
                        perDevice / firstPerDevice.value(dispatcher));
            std::printf(
                "           argon2id apart: %.0f ms per password sign-in (%.0f ms service CPU) -> %.0f s of CPU "
                "for %d devices\n",
                row.msPerPasswordSignIn,
                row.cpuPerPasswordSignIn * 1000,
                row.cpuPerPasswordSignIn * devices,
                devices);
            const double upgradedOnly = upgradedOnlyKiB(devices, dispatcher);
            std::printf(
                "           upgraded, not authenticated: %.1f KiB/socket; authenticated / upgraded only: %.2f\n",
                upgradedOnly,
                upgradedOnly > 0 ? row.rssPerSocketKiB / upgradedOnly : 0.0);
            std::fflush(stdout);
        }
        if (connectSeconds.contains(QStringLiteral("qt")) && connectSeconds.contains(QStringLiteral("epoll")))
            std::printf("           connect with Qt's dispatcher / with epoll: %.2f\n",
                        connectSeconds.value(QStringLiteral("qt")) / connectSeconds.value(QStringLiteral("epoll")));
    }
    return status;
}
