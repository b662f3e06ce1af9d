#include "SignOutBench.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
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

Stats summarize(std::vector<double> values)
{
    Stats stats;
    stats.count = qsizetype(values.size());
    if (values.empty())
        return stats;
    std::sort(values.begin(), values.end());
    const auto at = [&values](double q) {
        // Nearest rank.
        const size_t rank = size_t(std::max(1.0, std::ceil(q * double(values.size()))));
        return values[std::min(values.size(), rank) - 1];
    };
    stats.min = values.front();
    stats.p50 = at(0.50);
    stats.p99 = at(0.99);
    stats.max = values.back();
    return stats;
}

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &limit);
    }
}

MockdChild::~MockdChild()
{
    stop();
}

QString MockdChild::executable()
{
    const QString fromEnv = qEnvironmentVariable("VIGIL_MOCKD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("vigil-mockd"));
}

bool MockdChild::start(const QStringList& extraArgs, const QStringList& extraEnv)
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv)
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    m_process->setProcessEnvironment(env);
    // The request log goes to stderr; nobody reads it here.
    m_process->setStandardErrorFile(QProcess::nullDevice());
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--db"),
                     QStringLiteral(":memory:"),
                     QStringLiteral("--admin-key"),
                     QString::fromLatin1(adminKey)};
    m_process->start(executable(), args + extraArgs);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QDeadlineTimer deadline(120000); // a big scenario takes a while to seed
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine());
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
            m_error = line;
            return false;
        }
        if (!m_process->waitForReadyRead(int(deadline.remainingTime())) && m_process->state() == QProcess::NotRunning)
            break;
    }
    m_error = QStringLiteral("vigil-mockd did not start: ") + QString::fromUtf8(m_process->readAllStandardOutput());
    return false;
}

void MockdChild::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

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

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const double ticks = double(fields.value(11).toLongLong() + fields.value(12).toLongLong());
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

QByteArray login(HttpConnection& http, const QString& email, const QString& password, const QString& deviceName)
{
    const QJsonObject device{{QStringLiteral("name"), deviceName},
                             {QStringLiteral("type"), QStringLiteral("tv")},
                             {QStringLiteral("os"), QStringLiteral("Linux")},
                             {QStringLiteral("os_version"), QStringLiteral("6.1")},
                             {QStringLiteral("app"), QStringLiteral("bench")},
                             {QStringLiteral("app_version"), QStringLiteral("1.0")}};
    const HttpResult reply = http.request(
        "POST",
        "/v1/auth/login",
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}, {QStringLiteral("device"), device}});
    return reply.json().value(QStringLiteral("access_token")).toString().toLatin1();
}

bool confirmOwnDevice(HttpConnection& http, const QByteArray& access)
{
    const HttpResult me = http.request("GET", "/v1/me", {}, {{"Authorization", "Bearer " + access}});
    const QString device =
        me.json().value(QStringLiteral("session")).toObject().value(QStringLiteral("device_id")).toString();
    return !device.isEmpty() && http.request("POST",
                                             "/__admin/devices/" + device.toLatin1() + "/confirm",
                                             {},
                                             {{"X-Admin-Key", MockdChild::adminKey}})
                                        .status == 200;
}

std::vector<QByteArray> issueSessions(HttpConnection& http, const QString& email, int count)
{
    const HttpResult reply = http.request("POST",
                                          "/__admin/sessions",
                                          {{QStringLiteral("account"), email}, {QStringLiteral("devices"), count}},
                                          {{"X-Admin-Key", MockdChild::adminKey}});
    const QJsonArray sessions = reply.json().value(QStringLiteral("sessions")).toArray();
    if (reply.status != 200 || sessions.size() != count)
        return {};
    std::vector<QByteArray> tokens;
    tokens.reserve(size_t(count));
    for (const QJsonValue& session : sessions)
        tokens.push_back(session.toObject().value(QStringLiteral("access_token")).toString().toLatin1());
    return tokens;
}

QByteArray stepUpWithPassword(HttpConnection& http, const QByteArray& access, const QString& password)
{
    const Headers bearer{{"Authorization", "Bearer " + access}};
    const HttpResult started =
        http.request("POST", "/v1/step-up", {{QStringLiteral("method"), QStringLiteral("password")}}, bearer);
    const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
    const HttpResult verified =
        http.request("POST",
                     "/v1/step-up/verify",
                     {{QStringLiteral("challenge"), challenge}, {QStringLiteral("secret"), password}},
                     bearer);
    return verified.json().value(QStringLiteral("step_up_token")).toString().toLatin1();
}

} // namespace signoutbench
