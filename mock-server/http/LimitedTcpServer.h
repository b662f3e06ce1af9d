#pragma once

#include "http/BodyLimitGuard.h"
#include "http/ConnectionTimeouts.h"
#include "http/HttpLimits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <memory>

namespace mockd {

// A QTcpServer that refuses connections beyond the caps of ConnectionLimits (closed at once,
// without an answer: answering would cost the descriptor and time the cap is there to save), and
// puts a BodyLimitGuard and ConnectionTimeouts on every connection it keeps before Qt's HTTP
// server sees it.
class LimitedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    LimitedTcpServer(qint64 maxBodyBytes,
                     const ConnectionLimits& limits,
                     BodyLimitGuard::Rejected onRejected,
                     ConnectionTimeouts::TimedOut onTimedOut,
                     QObject* parent = nullptr);
    ~LimitedTcpServer() override;

    // Qt before 6.8 never answers "Expect: 100-continue"; the adapter switches this on there.
    void setAnswerExpectContinue(bool answer) { m_answerExpectContinue = answer; }
    void setLargeBodyCheck(BodyLimitGuard::LargeBodyCheck check) { m_largeBodyCheck = std::move(check); }
    // Writes out what is still buffered on every open connection (waits at most `timeoutMs` each),
    // so answers given just before exit reach their clients.
    void flushConnections(int timeoutMs);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    // Open connections, shared with each connection's release hook (which may outlive the server
    // while Qt tears sockets down).
    struct Counts
    {
        int total = 0;
        QHash<QByteArray, int> perAddress;
    };

    bool admits(const QByteArray& addressKey) const;
    void noteRefused();

    qint64 m_maxBody;
    ConnectionLimits m_limits;
    BodyLimitGuard::Rejected m_onRejected;
    BodyLimitGuard::LargeBodyCheck m_largeBodyCheck;
    ConnectionTimeouts::TimedOut m_onTimedOut;
    bool m_answerExpectContinue = false;
    QList<QPointer<QTcpSocket>> m_connections;
    std::shared_ptr<Counts> m_counts = std::make_shared<Counts>();
    QElapsedTimer m_lastRefusalWarning;
    int m_refusedSinceWarning = 0;
};

} // namespace mockd
