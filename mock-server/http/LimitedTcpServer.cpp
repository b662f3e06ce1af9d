#include "http/LimitedTcpServer.h"

#include <QTcpSocket>

namespace mockd {

LimitedTcpServer::LimitedTcpServer(qint64 maxBodyBytes, BodyLimitGuard::Rejected onRejected, QObject* parent)
    : QTcpServer(parent), m_maxBody(maxBodyBytes), m_onRejected(std::move(onRejected))
{}

LimitedTcpServer::~LimitedTcpServer() = default;

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before Qt's HTTP server connects its own readyRead handler, so it runs first.
    new BodyLimitGuard(socket, m_maxBody, m_answerExpectContinue, m_onRejected);
    m_connections.removeIf([](const QPointer<QTcpSocket>& s) { return s.isNull(); });
    m_connections.append(socket);
    addPendingConnection(socket);
}

void LimitedTcpServer::flushConnections(int timeoutMs)
{
    for (const QPointer<QTcpSocket>& socket : std::as_const(m_connections)) {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            continue;
        socket->flush();
        if (socket->bytesToWrite() > 0)
            socket->waitForBytesWritten(timeoutMs);
    }
}

} // namespace mockd
