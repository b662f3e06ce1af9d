#include "http/ConnectionTimeouts.h"

#include "http/ApiError.h"
#include "http/HttpResponse.h"

#include <QTcpSocket>

namespace mockd {

ConnectionTimeouts::ConnectionTimeouts(QTcpSocket* socket, const ConnectionLimits& limits, TimedOut onTimedOut)
    : QObject(socket), m_socket(socket), m_limits(limits), m_onTimedOut(std::move(onTimedOut))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionTimeouts::onTimeout);
    m_reading = connect(socket, &QTcpSocket::readyRead, this, &ConnectionTimeouts::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &ConnectionTimeouts::onBytesWritten);
    enter(Phase::Idle, m_limits.idleTimeoutMs);
}

ConnectionTimeouts::~ConnectionTimeouts() = default;

void ConnectionTimeouts::enter(Phase phase, int timeoutMs)
{
    m_phase = phase;
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
    else
        m_timer.stop();
}

void ConnectionTimeouts::onReadyRead()
{
    // Runs before Qt's parser: without a transaction these bytes start a new request.
    if (!m_socket->isTransactionStarted() || m_phase == Phase::Idle) {
        m_headTail.clear();
        enter(Phase::Head, m_limits.headerTimeoutMs);
    }
    if (m_phase != Phase::Head)
        return;
    // Only the unread bytes are peeked (what Qt's parser took is behind the read position), and
    // never more than a head may be long.
    const QByteArray seen = m_headTail + m_socket->peek(qMin(m_socket->bytesAvailable(), HttpLimits::maxHeaderBytes));
    if (seen.contains("\r\n\r\n"))
        enter(Phase::Body, m_limits.bodyTimeoutMs);
    else
        m_headTail = seen.right(3);
}

void ConnectionTimeouts::onBytesWritten()
{
    // An answer went out completely and no next request is arriving: the connection is idle.
    if (m_socket->bytesToWrite() == 0 && !m_socket->isTransactionStarted())
        enter(Phase::Idle, m_limits.idleTimeoutMs);
}

void ConnectionTimeouts::onTimeout()
{
    if (!m_reading || m_socket->state() != QAbstractSocket::ConnectedState)
        return; // handed to the WebSocket server, or already closing
    switch (m_phase) {
    case Phase::Head:
    case Phase::Body:
        if (!m_socket->isTransactionStarted()) {
            // Complete in time; its answer restarts the idle clock once written.
            m_phase = Phase::Waiting;
            return;
        }
        m_timer.stop();
        m_socket->write(HttpResponse::fromError(ApiError::requestTimeout()).toWire(true));
        m_socket->disconnectFromHost();
        if (m_onTimedOut)
            m_onTimedOut();
        return;
    case Phase::Idle:
        if (m_socket->bytesAvailable() > 0 || m_socket->isTransactionStarted()) {
            enter(Phase::Head, m_limits.headerTimeoutMs);
            return;
        }
        m_socket->disconnectFromHost();
        return;
    case Phase::Waiting:
        return;
    }
}

} // namespace mockd
