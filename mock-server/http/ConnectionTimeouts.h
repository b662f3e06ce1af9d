#pragma once

#include "http/HttpLimits.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <functional>

class QTcpSocket;

namespace mockd {

// Watches one HTTP connection for clients that hold it without using it: the request line and
// headers must arrive within the header timeout of the request's first byte, the body within the
// body timeout of the headers' end (else 408 `request_timeout` and the connection is closed), and
// a kept-alive connection with nothing to do is closed after the idle timeout. Like BodyLimitGuard
// it is connected to readyRead ahead of Qt's parser, which keeps a read transaction open while a
// request is incomplete; no transaction means "between requests". A connection Qt hands to its
// WebSocket server loses every signal connection (Qt disconnects them); from then on the event
// socket's own timers (auth deadline, pings) watch it and this guard stands down.
class ConnectionTimeouts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTimeouts)

public:
    using TimedOut = std::function<void()>;

    ConnectionTimeouts(QTcpSocket* socket, const ConnectionLimits& limits, TimedOut onTimedOut);
    ~ConnectionTimeouts() override;

private:
    enum class Phase
    {
        Idle,    // between requests, nothing to send
        Head,    // request line and headers arriving
        Body,    // body arriving
        Waiting, // request complete, its answer not yet written
    };

    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void enter(Phase phase, int timeoutMs);

    QTcpSocket* m_socket;
    ConnectionLimits m_limits;
    TimedOut m_onTimedOut;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    QByteArray m_headTail; // the last bytes of the head so far, to find its end across reads
    QMetaObject::Connection m_reading;
};

} // namespace mockd
