#include "http/LimitedTcpServer.h"

#include "log/LogCategories.h"

#include <QTcpSocket>

namespace mockd {

namespace {

constexpr qint64 refusalWarningIntervalMs = 10 * 1000;

// The "client address" a cap counts: an IPv4 address, or the /64 of an IPv6 one (a single host
// usually owns a whole /64, so counting single IPv6 addresses would cap nothing).
QByteArray addressKey(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QByteArray::number(v4);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char*>(v6.c), 8);
}

// Gives the connection's place back when its socket goes. A child object rather than a signal
// connection: Qt disconnects every signal of a socket it hands to its WebSocket server.
class ConnectionSlot final : public QObject
{
public:
    ConnectionSlot(QTcpSocket* socket, std::function<void()> release) : QObject(socket), m_release(std::move(release))
    {}
    ~ConnectionSlot() override { m_release(); }
    Q_DISABLE_COPY_MOVE(ConnectionSlot)

private:
    std::function<void()> m_release;
};

} // namespace

LimitedTcpServer::LimitedTcpServer(qint64 maxBodyBytes,
                                   const ConnectionLimits& limits,
                                   BodyLimitGuard::Rejected onRejected,
                                   ConnectionTimeouts::TimedOut onTimedOut,
                                   QObject* parent)
    : QTcpServer(parent), m_maxBody(maxBodyBytes), m_limits(limits), m_onRejected(std::move(onRejected)),
      m_onTimedOut(std::move(onTimedOut))
{}

LimitedTcpServer::~LimitedTcpServer() = default;

bool LimitedTcpServer::admits(const QByteArray& key) const
{
    return m_counts->total < m_limits.maxConnections &&
           m_counts->perAddress.value(key) < m_limits.maxConnectionsPerAddress;
}

void LimitedTcpServer::noteRefused()
{
    // One line per interval however many are refused: a flood must not flood the log too.
    ++m_refusedSinceWarning;
    if (m_lastRefusalWarning.isValid() && m_lastRefusalWarning.elapsed() < refusalWarningIntervalMs)
        return;
    qCWarning(lcHttp).nospace() << "refused " << m_refusedSinceWarning << " connection(s) over the caps ("
                                << m_limits.maxConnectionsPerAddress << " per client address, "
                                << m_limits.maxConnections << " in total)";
    m_refusedSinceWarning = 0;
    m_lastRefusalWarning.start();
}

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QByteArray key = addressKey(socket->peerAddress());
    if (!admits(key)) {
        noteRefused();
        socket->abort();
        delete socket;
        return;
    }
    ++m_counts->total;
    ++m_counts->perAddress[key];
    new ConnectionSlot(socket, [counts = m_counts, key] {
        --counts->total;
        if (--counts->perAddress[key] <= 0)
            counts->perAddress.remove(key);
    });
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before Qt's HTTP server connects its own readyRead handler, so they run first.
    new BodyLimitGuard(socket, m_maxBody, m_answerExpectContinue, m_onRejected, m_largeBodyCheck);
    new ConnectionTimeouts(socket, m_limits, m_onTimedOut);
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
