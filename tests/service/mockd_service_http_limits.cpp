#include "EventClient.h"
#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QFile>
#include <QJsonArray>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <tuple>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace {

// One TCP connection written byte for byte; everything the service sends is collected.
class RawConnection final
{
public:
    bool open(const QUrl& base, const QHostAddress& source = QHostAddress())
    {
        if (!source.isNull() && !m_socket.bind(source))
            return false;
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(base.host(), quint16(base.port()));
        return m_socket.waitForConnected(10000);
    }

    void write(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool hasAnswer() const { return m_received.contains("\r\n\r\n"); }
    const QByteArray& received() const { return m_received; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray get(const QByteArray& path, const QByteArray& host)
{
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
}

int statusOf(const QByteArray& answer)
{
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Finished runToExit(const QStringList& args, const QString& environmentKey = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("VIGIL_ADMIN_KEY"));
    if (!environmentKey.isEmpty())
        environment.insert(QStringLiteral("VIGIL_ADMIN_KEY"), environmentKey);
    process.setProcessEnvironment(environment);
    process.start(MockdProcess::executable(), args);
    Finished result;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// A connection that got an answer to a request; refused ones are retried while the service
// notices that a place became free.
std::unique_ptr<RawConnection> answeredConnection(const QUrl& base)
{
    std::unique_ptr<RawConnection> answered;
    // Its result is `answered` itself.
    std::ignore = QTest::qWaitFor(
        [&] {
            auto connection = std::make_unique<RawConnection>();
            if (!connection->open(base))
                return false;
            connection->write(get("/v1/me", "127.0.0.1"));
            if (!QTest::qWaitFor([&connection] { return connection->hasAnswer() || connection->isClosed(); }, 10000) ||
                !connection->hasAnswer())
                return false;
            answered = std::move(connection);
            return true;
        },
        20000);
    return answered;
}

} // namespace

// The HTTP layer under attack: clients that hold connections without using them, too many
// connections, requests addressed to another name (DNS rebinding), a guessable admin key and
// form-encoded queries. Each test starts its own service with small limits.
class TestServiceHttpLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void halfSentRequestsAreAnswered408AndClosed()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--header-timeout-ms"),
                              QStringLiteral("400"),
                              QStringLiteral("--body-timeout-ms"),
                              QStringLiteral("400"),
                              QStringLiteral("--max-connections-per-address"),
                              QStringLiteral("1000")}),
                 qPrintable(mockd.errorString()));
        // 300 slow clients: most stop in the middle of the headers, some in the middle of the body.
        std::vector<std::unique_ptr<RawConnection>> slow;
        for (int i = 0; i < 300; ++i) {
            auto connection = std::make_unique<RawConnection>();
            QVERIFY(connection->open(mockd.baseUrl()));
            if (i % 6 == 0)
                connection->write(
                    "POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Length: 100\r\n\r\n{\"email\":");
            else
                connection->write("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
            slow.push_back(std::move(connection));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(slow.begin(), slow.end(), [](const auto& c) { return c->isClosed(); }),
                                 30000);
        for (const auto& connection : slow) {
            QCOMPARE(statusOf(connection->received()), 408);
            QVERIFY2(connection->received().contains("\"request_timeout\""), connection->received().constData());
        }
        // The service itself is fine.
        ServiceClient client(mockd.baseUrl());
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(mockd.stop(), 0);
    }

    void idleKeepAliveConnectionsAreClosed()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--idle-timeout-ms"),
                              QStringLiteral("300"),
                              QStringLiteral("--header-timeout-ms"),
                              QStringLiteral("300"),
                              QStringLiteral("--body-timeout-ms"),
                              QStringLiteral("300")}),
                 qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        // An answer that takes longer than every timeout is not cut off: the connection is busy.
        const QJsonObject latency{
            {QStringLiteral("match"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/me")}}},
            {QStringLiteral("action"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("latency")}, {QStringLiteral("ms"), 1200}}}};
        QCOMPARE(client.admin("POST", QStringLiteral("/__admin/faults"), latency).status, 201);

        RawConnection silent;
        QVERIFY(silent.open(mockd.baseUrl()));
        RawConnection keptAlive;
        QVERIFY(keptAlive.open(mockd.baseUrl()));
        keptAlive.write(get("/v1/devices", "127.0.0.1"));
        RawConnection slowAnswer;
        QVERIFY(slowAnswer.open(mockd.baseUrl()));
        slowAnswer.write(get("/v1/me", "127.0.0.1"));

        QTRY_VERIFY_WITH_TIMEOUT(silent.isClosed(), 10000);
        QVERIFY(silent.received().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(keptAlive.isClosed(), 10000);
        QCOMPARE(statusOf(keptAlive.received()), 401);
        QTRY_VERIFY_WITH_TIMEOUT(slowAnswer.hasAnswer(), 10000);
        QCOMPARE(statusOf(slowAnswer.received()), 401);
        QTRY_VERIFY_WITH_TIMEOUT(slowAnswer.isClosed(), 10000);
        QCOMPARE(mockd.stop(), 0);
    }

    void connectionsBeyondThePerAddressCapAreRefused()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--max-connections-per-address"), QStringLiteral("4")}),
                 qPrintable(mockd.errorString()));
        // Event sockets count while open and give their place back when closed.
        for (int i = 0; i < 6; ++i) {
            EventClient events(mockd.baseUrl());
            QVERIFY(events.open());
            events.socket().close();
            QTRY_VERIFY(events.socket().state() == QAbstractSocket::UnconnectedState);
        }
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 4; ++i) {
            // Answered, so the service has counted it before the next one arrives (a place an event
            // socket gave back may take a moment to be free again).
            auto connection = answeredConnection(mockd.baseUrl());
            QVERIFY(connection);
            held.push_back(std::move(connection));
        }
        RawConnection refused;
        QVERIFY(refused.open(mockd.baseUrl()));
        refused.write(get("/v1/me", "127.0.0.1"));
        QTRY_VERIFY_WITH_TIMEOUT(refused.isClosed(), 10000);
        QVERIFY(refused.received().isEmpty());

        // Another client address is still served, and so is this one once a place is free.
        ServiceClient client(mockd.baseUrl());
        QCOMPARE(client.raw(get("/v1/me", "127.0.0.1"), QHostAddress(QStringLiteral("127.0.0.2"))).status, 401);
        held.pop_back();
        // (The service notices the close a moment later; until then a new connection is refused.)
        QVERIFY(answeredConnection(mockd.baseUrl()));
        QCOMPARE(mockd.stop(), 0);
    }

    void connectionsBeyondTheTotalCapAreRefused()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--max-connections"), QStringLiteral("3")}),
                 qPrintable(mockd.errorString()));
        std::vector<std::unique_ptr<RawConnection>> held;
        for (const char* source : {"127.0.0.1", "127.0.0.2", "127.0.0.3"}) {
            auto connection = std::make_unique<RawConnection>();
            QVERIFY(connection->open(mockd.baseUrl(), QHostAddress(QString::fromLatin1(source))));
            connection->write(get("/v1/me", "127.0.0.1"));
            QTRY_VERIFY_WITH_TIMEOUT(connection->hasAnswer(), 10000);
            held.push_back(std::move(connection));
        }
        RawConnection refused;
        QVERIFY(refused.open(mockd.baseUrl(), QHostAddress(QStringLiteral("127.0.0.4"))));
        QTRY_VERIFY_WITH_TIMEOUT(refused.isClosed(), 10000);
        QVERIFY(refused.received().isEmpty());
        QCOMPARE(mockd.stop(), 0);
    }

#ifdef Q_OS_LINUX
    void theSoftDescriptorLimitIsRaisedToTheHardLimit()
    {
        MockdProcess mockd;
        // Started with a low soft limit, as many systems do (1,024 or less).
        mockd.process().setChildProcessModifier([] {
            rlimit limit{};
            getrlimit(RLIMIT_NOFILE, &limit);
            limit.rlim_cur = 200;
            setrlimit(RLIMIT_NOFILE, &limit);
        });
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        QFile limits(QStringLiteral("/proc/%1/limits").arg(mockd.process().processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QString text = QString::fromLatin1(limits.readAll());
        static const QRegularExpression line(QStringLiteral("Max open files\\s+(\\S+)\\s+(\\S+)"));
        const auto match = line.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QCOMPARE(match.captured(1), match.captured(2));
        QVERIFY2(match.captured(1) != QLatin1String("200"), qPrintable(match.captured(0)));
        QCOMPARE(mockd.stop(), 0);
    }
#endif

    void onlyLoopbackHostNamesAreServed()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        const QByteArray port = QByteArray::number(mockd.port());
        // A page on evil.example whose name was re-pointed at 127.0.0.1 sends its own name.
        for (const QByteArray& host : QByteArrayList{QByteArray("evil.example"),
                                                     "evil.example:" + port,
                                                     "localhost.evil.example:" + port,
                                                     QByteArray("127.0.0.1.evil.example"),
                                                     QByteArray("localhost:80x")}) {
            const ServiceReply reply = client.raw(get("/v1/me", host));
            QCOMPARE(reply.status, 421);
            QCOMPARE(reply.error(), QStringLiteral("host_not_allowed"));
        }
        QCOMPARE(client.raw("GET /v1/me HTTP/1.1\r\n\r\n").status, 421);
        for (const QByteArray& host : QByteArrayList{"localhost:" + port,
                                                     QByteArray("localhost"),
                                                     QByteArray("LOCALHOST"),
                                                     "127.0.0.1:" + port,
                                                     QByteArray("127.0.0.1"),
                                                     "[::1]:" + port,
                                                     QByteArray("[::1]")})
            QCOMPARE(client.raw(get("/v1/me", host)).status, 401);
        // The event socket is refused before the upgrade.
        const ServiceReply upgrade = client.raw("GET /v1/events HTTP/1.1\r\nHost: evil.example:" + port +
                                                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                                "Sec-WebSocket-Version: 13\r\n\r\n");
        QCOMPARE(upgrade.status, 421);
        QCOMPARE(mockd.stop(), 0);
    }

    void beyondLoopbackAnyHostIsServed()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--no-admin")}),
                 qPrintable(mockd.errorString()));
        QUrl base = mockd.baseUrl();
        base.setHost(QStringLiteral("127.0.0.1"));
        ServiceClient client(base);
        QCOMPARE(client.raw(get("/v1/me", "vigil.lan:" + QByteArray::number(mockd.port()))).status, 401);
        QCOMPARE(mockd.stop(), 0);
    }

    void aShortAdminKeyIsRefusedAtStart()
    {
        const QStringList base{
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), QStringLiteral(":memory:")};
        const Finished shortKey = runToExit(base + QStringList{QStringLiteral("--admin-key"), QStringLiteral("k")});
        QCOMPARE(shortKey.exitCode, 2);
        QVERIFY2(shortKey.err.contains("--admin-key") && shortKey.err.contains("16"), shortKey.err.constData());
        QVERIFY(!shortKey.out.contains("listening on"));

        const Finished fifteen = runToExit(base, QStringLiteral("fifteen-chars-x"));
        QCOMPARE(fifteen.exitCode, 2);
        QVERIFY2(fifteen.err.contains("VIGIL_ADMIN_KEY"), fifteen.err.constData());
        QVERIFY(!fifteen.err.contains("fifteen-chars-x"));

        MockdProcess sixteen;
        QVERIFY2(sixteen.start({QStringLiteral("--admin-key"), QStringLiteral("sixteen-chars-xy")}),
                 qPrintable(sixteen.errorString()));
        QCOMPARE(sixteen.stop(), 0);
    }

    void limitSettingsMustBePositive()
    {
        const Finished zero = runToExit({QStringLiteral("--port"),
                                         QStringLiteral("0"),
                                         QStringLiteral("--db"),
                                         QStringLiteral(":memory:"),
                                         QStringLiteral("--header-timeout-ms"),
                                         QStringLiteral("0")});
        QCOMPARE(zero.exitCode, 2);
        QVERIFY2(zero.err.contains("--header-timeout-ms"), zero.err.constData());
    }

    void aPlusInAQueryIsASpace()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--scenario"), QStringLiteral("support")}),
                 qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        const ServiceClient::Tokens holder = client.loginDemo(QStringLiteral("Vigil on a Laptop"));
        QVERIFY(!holder.access.isEmpty());
        const ServiceReply first =
            client.loginReply(QStringLiteral("ada.support@vigil.test"), QStringLiteral("vigil-support-2026"));
        QCOMPARE(first.status, 403);
        const ServiceReply mfa = client.postJson(
            QStringLiteral("/v1/auth/mfa"),
            {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token"))},
             {QStringLiteral("method"), QStringLiteral("totp")},
             {QStringLiteral("code"), ServiceClient::totp("KRSXG5CTMVRXEZLU", client.serverTimeSeconds())}});
        QCOMPARE(mfa.status, 200);
        const ServiceClient::Tokens support = client.tokensFrom(mfa);

        // Form encoding, as curl -G --data-urlencode and HTML forms write it; %2B stays a plus.
        QCOMPARE(
            client
                .get(QStringLiteral("/v1/support/accounts/acc_demo?reason=customer+called+about+a%2Bb"), support.access)
                .status,
            200);
        const ServiceReply activity = client.get(QStringLiteral("/v1/activity?type=support_viewed"), holder.access);
        const QJsonArray entries = activity.json().value(QStringLiteral("entries")).toArray();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("customer called about a+b"));
        QCOMPARE(mockd.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceHttpLimits)
#include "mockd_service_http_limits.moc"
