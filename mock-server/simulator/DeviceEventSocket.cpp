#include "simulator/DeviceEventSocket.h"

#include "simulator/SimulatorLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

namespace mockd::sim {

DeviceEventSocket::DeviceEventSocket(const QUrl& server, QObject* parent) : QObject(parent), m_url(server)
{
    m_url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setPath(QStringLiteral("/v1/events"));
}

DeviceEventSocket::~DeviceEventSocket()
{
    discard();
}

bool DeviceEventSocket::isOpen() const
{
    return m_socket != nullptr;
}

void DeviceEventSocket::discard()
{
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    socket->deleteLater();
}

void DeviceEventSocket::open(const QByteArray& authorization)
{
    discard();
    m_authError.clear();
    m_ready = false;
    m_revoked = false;
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this, &DeviceEventSocket::onText);
    connect(socket, &QWebSocket::disconnected, this, &DeviceEventSocket::onDisconnected);
    // A refused TCP connection reports an error but no `disconnected`; a failed handshake may
    // report both, so the check runs once the socket has settled.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this, socket] {
        QTimer::singleShot(0, this, [this, guard = QPointer<QWebSocket>(socket)] {
            if (guard && guard == m_socket && guard->state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
    });
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", authorization);
    // A streaming device needs to hear of its own sign-out, not of every other device of the
    // account: with thousands of devices that would be every change sent to every device.
    request.setRawHeader("X-Event-Scope", "session");
    if (m_lastSeq > 0)
        request.setRawHeader("X-Resume-From", QByteArray::number(m_lastSeq));
    socket->open(request);
}

void DeviceEventSocket::close()
{
    discard();
}

void DeviceEventSocket::drop()
{
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    socket->abort();
    // abort() may or may not report `disconnected` (it depends on the state it found): handle the
    // end once, when the socket has settled, like a refused connection.
    QTimer::singleShot(0, this, [this, guard = QPointer<QWebSocket>(socket)] {
        if (guard && guard == m_socket)
            onDisconnected();
    });
}

void DeviceEventSocket::onText(const QString& text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (const qint64 seq = frame.value(QStringLiteral("seq")).toInteger(); seq > m_lastSeq)
        m_lastSeq = seq;
    if (type == QLatin1String("ready")) {
        m_ready = true;
        Q_EMIT ready();
    } else if (type == QLatin1String("session.revoked")) {
        m_revoked = true;
        discard();
        // A guest whose time ran out says so (QA reads it); every other end is a plain revocation.
        const bool guestEnded = frame.value(QStringLiteral("reason")).toString() == QLatin1String("guest_ended");
        Q_EMIT revoked(guestEnded ? QStringLiteral("guest_ended") : QStringLiteral("session_revoked"));
    } else if (type == QLatin1String("error")) {
        m_authError = frame.value(QStringLiteral("error")).toString();
    } else if (type == QLatin1String("resync")) {
        m_lastSeq = 0;
    }
}

void DeviceEventSocket::onDisconnected()
{
    if (!m_socket)
        return;
    const int code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
    const QString errorText = m_socket->errorString();
    const bool wasReady = m_ready;
    const QString authError = m_authError;
    discard();
    if (m_revoked)
        return;
    if (code == closeSessionRevoked || code == closePolicy) {
        Q_EMIT revoked(QStringLiteral("session_revoked"));
        return;
    }
    if (code == closeAuthFailed || !authError.isEmpty()) {
        Q_EMIT authFailed(authError.isEmpty() ? QStringLiteral("token_invalid") : authError);
        return;
    }
    qCDebug(lcSim) << "event socket closed" << code << reason << errorText;
    Q_EMIT lost(wasReady ? QStringLiteral("closed %1").arg(code) : QStringLiteral("connect failed: ") + errorText,
                wasReady);
}

} // namespace mockd::sim
