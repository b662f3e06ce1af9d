#pragma once

// The benches' clients: a blocking keep-alive HTTP/1.1 client and a minimal WebSocket client on raw
// sockets (thousands of them polled with epoll from one thread, so the client adds as little latency
// as possible to what it measures).

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <functional>

namespace signoutbench {

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

} // namespace signoutbench
