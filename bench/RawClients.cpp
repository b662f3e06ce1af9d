#include "RawClients.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace signoutbench {

namespace {

// Far beyond any upgrade of a working service, even on a loaded machine with thousands of sockets.
constexpr long upgradeTimeoutSeconds = 120;

int connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool writeAll(int fd, const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            ::usleep(100); // only with a full kernel buffer on a non-blocking socket
            continue;
        }
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Appends what one blocking read gives; false on EOF or error.
bool readSome(int fd, QByteArray& buffer)
{
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buffer.append(chunk, n);
        return true;
    }
}

} // namespace

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpConnection::HttpConnection(quint16 port) : m_port(port) {}

HttpConnection::~HttpConnection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HttpConnection::ensureConnected()
{
    if (m_fd < 0) {
        m_fd = connectLoopback(m_port);
        m_buffer.clear();
    }
    return m_fd >= 0;
}

bool HttpConnection::send(const QByteArray& method,
                          const QByteArray& path,
                          const QJsonObject& body,
                          const Headers& headers)
{
    if (!ensureConnected())
        return false;
    const QByteArray payload = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (method != "GET")
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n";
    request += "\r\n" + payload;
    if (!writeAll(m_fd, request)) {
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    return true;
}

HttpResult HttpConnection::receive()
{
    HttpResult result;
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!readSome(m_fd, m_buffer))
            return result;
    }
    const QByteArray head = m_buffer.left(headerEnd);
    m_buffer.remove(0, headerEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusLine = lines.value(0).split(' ');
    result.status = statusLine.value(1).toInt();
    qsizetype length = 0;
    bool closeAfter = false;
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection" && value.toLower() == "close")
            closeAfter = true;
    }
    while (m_buffer.size() < length) {
        if (!readSome(m_fd, m_buffer))
            break;
    }
    result.body = m_buffer.left(length);
    m_buffer.remove(0, qMin(length, m_buffer.size()));
    if (closeAfter) {
        ::close(m_fd);
        m_fd = -1;
    }
    return result;
}

HttpResult HttpConnection::request(const QByteArray& method,
                                   const QByteArray& path,
                                   const QJsonObject& body,
                                   const Headers& headers)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!send(method, path, body, headers))
            continue;
        HttpResult result = receive();
        if (result.status != 0)
            return result;
        ::close(m_fd); // the server closed a kept-alive connection: once more on a new one
        m_fd = -1;
    }
    return {};
}

RawWebSocket::~RawWebSocket()
{
    close();
}

void RawWebSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool RawWebSocket::begin(quint16 port,
                         const QByteArray& path,
                         const QByteArray& authorization,
                         const QByteArray& extraHeaders)
{
    m_fd = connectLoopback(port);
    if (m_fd < 0)
        return false;
    QByteArray key(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(key.data()), 4);
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: " +
                         key.toBase64() + "\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    request += extraHeaders + "\r\n";
    if (!writeAll(m_fd, request))
        return false;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    return true;
}

// The upgrade's answer at the start of the buffer: false when it is there and not 101.
bool RawWebSocket::takeUpgradeAnswer()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return true;
    if (!m_buffer.startsWith("HTTP/1.1 101")) {
        std::fprintf(stderr, "upgrade refused: %s\n", m_buffer.left(m_buffer.indexOf('\r')).constData());
        return false;
    }
    m_buffer.remove(0, headerEnd + 4); // frames that came with the answer stay buffered
    m_upgraded = true;
    return true;
}

bool RawWebSocket::open(quint16 port,
                        const QByteArray& path,
                        const QByteArray& authorization,
                        const QByteArray& extraHeaders)
{
    if (!begin(port, path, authorization, extraHeaders))
        return false;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) & ~O_NONBLOCK);
    // A server that never answers must end the run with a message, not hang it.
    const timeval upgradeTimeout{upgradeTimeoutSeconds, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &upgradeTimeout, sizeof upgradeTimeout);
    while (m_buffer.indexOf("\r\n\r\n") < 0) {
        if (!readSome(m_fd, m_buffer)) {
            std::fprintf(stderr,
                         "upgrade not answered (%s)\n",
                         errno == EAGAIN || errno == EWOULDBLOCK ? "no answer within the timeout"
                                                                 : "connection closed or reset");
            return false;
        }
    }
    if (!takeUpgradeAnswer())
        return false;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    return true;
}

bool RawWebSocket::sendFrame(int opcode, const QByteArray& payload)
{
    // Client frames are masked (RFC 6455 §5.3); payloads here are small.
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char maskBytes[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(maskBytes, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ maskBytes[i % 4]));
    return writeAll(m_fd, frame);
}

bool RawWebSocket::sendText(const QByteArray& text)
{
    return sendFrame(0x1, text);
}

bool RawWebSocket::readAvailable(const std::function<void(int, QByteArrayView)>& frame)
{
    bool open = true;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            m_buffer.append(chunk, n);
            if (n < ssize_t(sizeof chunk))
                break;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            open = false;
        break;
    }
    if (!m_upgraded) {
        if (!takeUpgradeAnswer())
            return false; // refused
        if (!m_upgraded)
            return open; // the answer is not all there yet
    }
    // Server frames are not masked; the service sends no fragments.
    const auto* data = reinterpret_cast<const quint8*>(m_buffer.constData());
    for (;;) {
        const qsizetype left = m_buffer.size() - m_offset;
        if (left < 2)
            break;
        const quint8* at = data + m_offset;
        qsizetype headerSize = 2;
        quint64 length = at[1] & 0x7f;
        if (length == 126) {
            if (left < 4)
                break;
            length = (quint64(at[2]) << 8) | at[3];
            headerSize = 4;
        } else if (length == 127) {
            if (left < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | at[2 + i];
            headerSize = 10;
        }
        if (quint64(left - headerSize) < length)
            break;
        const int opcode = at[0] & 0x0f;
        const QByteArrayView payload(m_buffer.constData() + m_offset + headerSize, qsizetype(length));
        m_offset += headerSize + qsizetype(length);
        if (opcode == 0x9)
            sendFrame(0xA, payload.toByteArray()); // pong, or the service drops a silent peer
        frame(opcode, payload);
    }
    if (m_offset > 0 && m_offset * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return open;
}

} // namespace signoutbench
