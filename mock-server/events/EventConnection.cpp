#include "events/EventConnection.h"

#include "events/CloseDeadlines.h"

#include <QWebSocket>

namespace mockd {

EventConnection::EventConnection(std::unique_ptr<QWebSocket> socket, CloseDeadlines& deadlines, QObject* parent)
    : QObject(parent), m_socket(socket.release()), m_closeDeadlines(deadlines)
{
    m_socket->setParent(this);
    // Qt closes with 1009 (CloseCodeTooMuchData) by itself when a frame or message is larger.
    m_socket->setMaxAllowedIncomingFrameSize(maxMessageBytes);
    m_socket->setMaxAllowedIncomingMessageSize(maxMessageBytes);
    m_lastHeard.start();

    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_lastHeard.restart();
        if (!m_closing)
            Q_EMIT messageReceived(this, text);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray&) {
        m_lastHeard.restart();
        if (!m_closing)
            closeWith(closePolicy, QStringLiteral("binary frames are not part of the protocol"));
    });
    connect(m_socket, &QWebSocket::pong, this, [this](quint64, const QByteArray&) { m_lastHeard.restart(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_authDeadline.stop();
        m_heartbeat.stop();
        if (!m_closedEmitted) {
            m_closedEmitted = true;
            Q_EMIT closed(this);
        }
    });

    m_authDeadline.setSingleShot(true);
    m_authDeadline.setInterval(authTimeoutMs);
    connect(&m_authDeadline, &QTimer::timeout, this, [this] {
        closeWith(closePolicy, QStringLiteral("no auth message in time"));
    });
    m_authDeadline.start();

    m_heartbeat.setInterval(pingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &EventConnection::onHeartbeat);
    m_heartbeat.start();
}

EventConnection::~EventConnection() = default;

void EventConnection::setPrincipal(const Principal& principal)
{
    m_principal = principal;
    m_authDeadline.stop();
}

void EventConnection::send(const QByteArray& frame)
{
    if (!m_closing)
        sendNow(QString::fromUtf8(frame));
}

void EventConnection::sendNow(const QString& text)
{
    if (m_closing)
        return;
    m_socket->sendTextMessage(text);
    m_socket->flush();
}

void EventConnection::closeWith(int code, const QString& reason, const QByteArray& frame)
{
    if (m_closeSent)
        return;
    if (!frame.isEmpty())
        send(frame);
    stopSending();
    m_closeSent = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    m_socket->flush();
    // A peer that never answers the close frame is cut off.
    m_closeDeadlines.add(m_socket);
}

void EventConnection::stopSending()
{
    m_closing = true;
    m_authDeadline.stop();
    m_heartbeat.stop();
}

void EventConnection::onHeartbeat()
{
    if (m_lastHeard.elapsed() > silenceLimitMs) {
        m_socket->abort(); // dead peer: no close handshake to wait for
        return;
    }
    m_socket->ping();
}

} // namespace mockd
