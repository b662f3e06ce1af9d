#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWebSocket;

namespace mockd::sim {

// The device's event socket GET /v1/events. The token goes in the Authorization header of the
// upgrade request, never in the URL. The device only cares about what concerns itself: `ready`,
// `session.revoked`, auth errors and the close code; other events are counted and ignored.
class DeviceEventSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceEventSocket)

public:
    explicit DeviceEventSocket(const QUrl& server, QObject* parent = nullptr);
    ~DeviceEventSocket() override;

    void open(const QByteArray& authorization);
    // Closes on purpose (going offline, signing out); emits nothing.
    void close();
    // Ends the connection without a close frame, as a lost network does; emits lost() like one.
    void drop();
    bool isOpen() const;
    qint64 lastSeq() const { return m_lastSeq; }

    // The WebSocket close codes of the contract.
    static constexpr int closeSessionRevoked = 4001;
    static constexpr int closeAuthFailed = 4401;
    static constexpr int closePolicy = 1008;

Q_SIGNALS:
    void ready();
    // session.revoked, or a close with 4001/1008: the device must stop.
    void revoked(const QString& reason);
    // {"type":"error"} + 4401: `code` is token_expired, session_revoked or token_invalid.
    void authFailed(const QString& code);
    // Any other end of the connection, including a refused upgrade.
    void lost(const QString& why, bool wasReady);

private:
    void onText(const QString& text);
    void onDisconnected();
    void discard();

    QUrl m_url;
    QPointer<QWebSocket> m_socket;
    QString m_authError;
    bool m_ready = false;
    bool m_revoked = false;
    qint64 m_lastSeq = 0;
};

} // namespace mockd::sim
