#pragma once

// Helpers shared by bench_signout_propagation and bench_signout_scaling: a vigil-mockd child
// process, a blocking keep-alive HTTP/1.1 client and a minimal WebSocket client on raw sockets
// (thousands of them polled with epoll from one thread, so the client adds as little latency as
// possible to what it measures). Times are CLOCK_MONOTONIC (std::chrono::steady_clock) of this
// process.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace signoutbench {

using SteadyClock = std::chrono::steady_clock;

inline double msBetween(SteadyClock::time_point from, SteadyClock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Stats
{
    qsizetype count = 0;
    double min = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};
Stats summarize(std::vector<double> values);

// Raises the soft limit of open files to the hard limit (children inherit it).
void raiseFileLimit();

// vigil-mockd from this executable's folder (or $VIGIL_MOCKD), on a free loopback port.
class MockdChild final
{
public:
    static constexpr const char* adminKey = "bench-admin-key-0123456789";

    MockdChild() = default;
    ~MockdChild();
    MockdChild(const MockdChild&) = delete;
    MockdChild& operator=(const MockdChild&) = delete;

    bool start(const QStringList& extraArgs = {}, const QStringList& extraEnv = {});
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString error() const { return m_error; }
    static QString executable();

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// One keep-alive connection to 127.0.0.1:port; blocking.
class HttpConnection final
{
public:
    explicit HttpConnection(quint16 port);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    HttpResult request(const QByteArray& method,
                       const QByteArray& path,
                       const QJsonObject& body = {},
                       const Headers& headers = {});
    // The two halves, for timing the moment the request leaves.
    bool send(const QByteArray& method, const QByteArray& path, const QJsonObject& body, const Headers& headers);
    HttpResult receive();

private:
    bool ensureConnected();

    quint16 m_port;
    int m_fd = -1;
    QByteArray m_buffer;
};

// A WebSocket client on a raw, non-blocking socket (after a blocking handshake).
class RawWebSocket final
{
public:
    RawWebSocket() = default;
    ~RawWebSocket();
    RawWebSocket(const RawWebSocket&) = delete;
    RawWebSocket& operator=(const RawWebSocket&) = delete;

    // Connects and upgrades; `authorization` (e.g. "Bearer vat_…") may be empty; `extraHeaders` are
    // whole header lines ("Name: value\r\n").
    bool
    open(quint16 port, const QByteArray& path, const QByteArray& authorization, const QByteArray& extraHeaders = {});
    // The same without waiting for the answer: readAvailable() takes the upgrade's answer first
    // (and returns false when it is not 101), so many upgrades can be on their way at once.
    bool
    begin(quint16 port, const QByteArray& path, const QByteArray& authorization, const QByteArray& extraHeaders = {});
    bool upgraded() const { return m_upgraded; }
    int fd() const { return m_fd; }
    // Reads what is there; calls `frame(opcode, payload)` for every complete frame; answers pings.
    // Returns false when the peer closed the connection.
    bool readAvailable(const std::function<void(int opcode, QByteArrayView payload)>& frame);
    bool sendText(const QByteArray& text);
    void close();

private:
    bool sendFrame(int opcode, const QByteArray& payload);
    bool takeUpgradeAnswer();

    int m_fd = -1;
    QByteArray m_buffer;
    qsizetype m_offset = 0; // parsed up to here
    bool m_upgraded = false;
};

// A device's event socket that hears only of its own session (no account events).
inline constexpr const char* sessionScopeHeader = "X-Event-Scope: session\r\n";

// VmRSS of a process in KiB (0 when unknown) and its CPU time (user + system) in seconds.
qint64 rssKiB(qint64 pid);
double cpuSeconds(qint64 pid);

// Logs in (one argon2id check on the service); returns the access token, empty on failure.
QByteArray login(HttpConnection& http, const QString& email, const QString& password, const QString& deviceName);
// Confirms the device of `access` through the admin API: a sign-in from a moment ago may not sign
// other devices out (the young-session guard), and the benches' initiator does just that.
bool confirmOwnDevice(HttpConnection& http, const QByteArray& access);
// Signs `count` devices in without a password (POST /__admin/sessions, the service's admin key):
// their access tokens in order, empty on failure. The argon2id cost is left out on purpose.
std::vector<QByteArray> issueSessions(HttpConnection& http, const QString& email, int count);
// Password step-up for the caller; returns the vst_ token, empty on failure.
QByteArray stepUpWithPassword(HttpConnection& http, const QByteArray& access, const QString& password);

} // namespace signoutbench
