#pragma once

#include "http/Access.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

class QWebSocket;

namespace mockd {

class CloseDeadlines;

// One client on GET /v1/events: its socket, who it is once authenticated, and its timers (the
// 10-second auth deadline, a ping every 15 s, dropped after 45 s of silence). The EventHub decides
// what it says; this class only carries frames and notices silence and size limits.
class EventConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventConnection)

public:
    static constexpr int authTimeoutMs = 10 * 1000;
    static constexpr int pingIntervalMs = 15 * 1000;
    static constexpr int silenceLimitMs = 45 * 1000;
    static constexpr quint64 maxMessageBytes = 16 * 1024;

    // Close codes of the contract.
    static constexpr int closePolicy = 1008;
    static constexpr int closeTooBig = 1009;
    static constexpr int closeSessionRevoked = 4001;
    static constexpr int closeAuthFailed = 4401;
    static constexpr int closeTooManySockets = 4429;

    // `deadlines` cuts the socket off when its peer does not answer the close frame.
    EventConnection(std::unique_ptr<QWebSocket> socket, CloseDeadlines& deadlines, QObject* parent = nullptr);
    ~EventConnection() override;

    QWebSocket* socket() const { return m_socket; }
    const std::optional<Principal>& principal() const { return m_principal; }
    void setPrincipal(const Principal& principal);
    // After a reset the principal's session no longer exists; closing must not touch its device.
    void forgetPrincipal() { m_principal.reset(); }
    bool isClosing() const { return m_closing; }
    // Scope "session": the socket wants only its own session's news, not the account's events.
    bool wantsAccountEvents() const { return m_accountEvents; }
    void setWantsAccountEvents(bool wants) { m_accountEvents = wants; }
    // The last seq this socket was given (ready, replay or a live frame): a batch sends only what is newer.
    qint64 deliveredSeq() const { return m_deliveredSeq; }
    void setDeliveredSeq(qint64 seq) { m_deliveredSeq = seq; }

    // Queues one text frame and pushes it to the socket at once.
    void send(const QByteArray& frame);
    // The same with the text already decoded (one frame sent to many sockets is decoded once);
    // written and flushed to the socket at once.
    void sendNow(const QString& text);
    // Sends `frame` (when given), then closes with `code`; nothing is sent after this.
    void closeWith(int code, const QString& reason, const QByteArray& frame = {});
    // Nothing more is sent (the close frame follows with closeWith, a little later).
    void stopSending();

Q_SIGNALS:
    void messageReceived(mockd::EventConnection* connection, const QString& text);
    void closed(mockd::EventConnection* connection);

private:
    void onHeartbeat();

    QWebSocket* m_socket = nullptr; // owned (child)
    CloseDeadlines& m_closeDeadlines;
    std::optional<Principal> m_principal;
    QTimer m_authDeadline;
    QTimer m_heartbeat;
    QElapsedTimer m_lastHeard;
    qint64 m_deliveredSeq = 0;
    bool m_accountEvents = true;
    bool m_closing = false;   // nothing more is sent
    bool m_closeSent = false; // the close frame is on its way
    bool m_closedEmitted = false;
};

} // namespace mockd
