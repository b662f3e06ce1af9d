#pragma once

#include "http/BodyLimitGuard.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace mockd {

// A QTcpServer that puts a BodyLimitGuard on every connection before Qt's HTTP server sees it.
class LimitedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    LimitedTcpServer(qint64 maxBodyBytes, BodyLimitGuard::Rejected onRejected, QObject* parent = nullptr);
    ~LimitedTcpServer() override;

    // Qt before 6.8 never answers "Expect: 100-continue"; the adapter switches this on there.
    void setAnswerExpectContinue(bool answer) { m_answerExpectContinue = answer; }
    // Writes out what is still buffered on every open connection (waits at most `timeoutMs` each),
    // so answers given just before exit reach their clients.
    void flushConnections(int timeoutMs);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_maxBody;
    BodyLimitGuard::Rejected m_onRejected;
    bool m_answerExpectContinue = false;
    QList<QPointer<QTcpSocket>> m_connections;
};

} // namespace mockd
