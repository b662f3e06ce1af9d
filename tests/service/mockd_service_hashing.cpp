#include "Establish.h"
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <vector>

// The hashing pool (argon2id for passwords and codes) against a real vigil-mockd started with one
// hashing thread and room for two waiting hashes. The admin API holds the pool, so a test sees
// requests wait in its queue (and fills it) without timing anything.
namespace {

constexpr int queueLimit = 2;

// One request on its own connection, answered (or not) while the test does other things.
class PendingRequest final
{
public:
    PendingRequest(const QUrl& base,
                   const QByteArray& method,
                   const QByteArray& path,
                   const RawHeaders& headers,
                   const QByteArray& body)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(base.host(), quint16(base.port()));
        if (!m_socket.waitForConnected(10000))
            return;
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto& [name, value] : headers)
            request += name + ": " + value + "\r\n";
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                   "\r\nConnection: close\r\n\r\n" + body;
        m_socket.write(request);
        m_socket.flush();
    }

    bool isAnswered() const { return m_received.contains("\r\n\r\n"); }
    int status() const { return m_received.startsWith("HTTP/1.1 ") ? m_received.mid(9, 3).toInt() : 0; }
    QByteArray body() const { return m_received.mid(m_received.indexOf("\r\n\r\n") + 4); }
    const QByteArray& received() const { return m_received; }
    void abort() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray loginBody(const QString& email, const QString& password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestServiceHashing final : public ServiceFixture
{
    Q_OBJECT

private:
    QJsonObject hashing() { return client().admin("GET", QStringLiteral("/__admin/hashing")).json(); }
    int queued() { return hashing().value(QStringLiteral("queued")).toInt(-1); }
    // The demo account signed in, established (the guarded routes answer a fresh sign-in 403
    // session_too_new before any hash) and stepped up with its password.
    void signInForSensitiveRoutes(QString& access, QString& grant)
    {
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword));
        access = tokens.access;
        QVERIFY(!access.isEmpty());
        QVERIFY(establish(client(), tokens));
        grant = client().passwordStepUp(access);
        QVERIFY(!grant.isEmpty());
    }

    bool hold(bool held)
    {
        return client()
                   .admin("POST", QStringLiteral("/__admin/hashing"), {{QStringLiteral("held"), held}})
                   .json()
                   .value(QStringLiteral("held"))
                   .toBool(!held) == held;
    }
    bool idle()
    {
        const QJsonObject stats = hashing();
        return stats.value(QStringLiteral("queued")).toInt(-1) == 0 &&
               stats.value(QStringLiteral("running")).toInt(-1) == 0;
    }

    std::unique_ptr<PendingRequest> startLogin(const QString& email, const QString& password)
    {
        client().rememberSecret(password);
        return std::make_unique<PendingRequest>(
            m_mockd.baseUrl(), "POST", "/v1/auth/login", RawHeaders{}, loginBody(email, password));
    }

    std::unique_ptr<PendingRequest> startDemoLogin()
    {
        return startLogin(QString::fromLatin1(ServiceClient::demoEmail),
                          QString::fromLatin1(ServiceClient::demoPassword));
    }

    static void verifyBusy(const ServiceReply& reply)
    {
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.error(), QStringLiteral("service_busy"));
        QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
        QCOMPARE(reply.json().value(QStringLiteral("retry_after")).toInt(), 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService({QStringLiteral("--hash-threads"),
                              QStringLiteral("1"),
                              QStringLiteral("--hash-queue"),
                              QString::number(queueLimit)}));
    }

    void init()
    {
        QVERIFY(hold(false));
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 30000);
        QVERIFY(client().reset());
    }

    void cleanupTestCase() { QCOMPARE(m_mockd.stop(), 0); }

    void reportsItsLimits()
    {
        const QJsonObject stats = hashing();
        QCOMPARE(stats.value(QStringLiteral("threads")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("queue_limit")).toInt(), queueLimit);
        QCOMPARE(stats.value(QStringLiteral("held")).toBool(true), false);
    }

    // Every route that hashes refuses at once, with the same answer, once the queue is full; the
    // queued requests are answered normally when the pool runs again.
    void aFullQueueIsRefusedWithRetryAfter()
    {
        QString access;
        QString grant;
        signInForSensitiveRoutes(access, grant);
        if (QTest::currentTestFailed())
            return;
        const ServiceReply challenge = client().postJson(
            QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}}, access);
        QVERIFY(challenge.status == 200 || challenge.status == 201);

        QVERIFY(hold(true));
        std::vector<std::unique_ptr<PendingRequest>> waiting;
        for (int i = 0; i < queueLimit; ++i)
            waiting.push_back(startDemoLogin());
        QTRY_COMPARE(queued(), queueLimit);
        const qint64 refusedBefore = hashing().value(QStringLiteral("refused")).toInteger();

        // A known account and an unknown one get the same answer, before any hash.
        const ServiceReply known = client().loginReply(QString::fromLatin1(ServiceClient::demoEmail),
                                                       QString::fromLatin1(ServiceClient::demoPassword));
        verifyBusy(known);
        const ServiceReply unknown =
            client().loginReply(QStringLiteral("nobody@vigil.test"), QStringLiteral("whatever-2026"));
        verifyBusy(unknown);
        QCOMPARE(unknown.body, known.body);
        // Step-up with a password, a new password, recovery codes: all behind the same queue.
        verifyBusy(client().stepUpVerify(challenge.json().value(QStringLiteral("challenge")).toString(),
                                         QString::fromLatin1(ServiceClient::demoPassword),
                                         access));
        const RawHeaders sensitive{{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + access.toLatin1()},
                                   {"X-Step-Up", grant.toLatin1()}};
        verifyBusy(client().send("POST", QStringLiteral("/v1/account/two-step/recovery-codes"), "{}", sensitive));
        verifyBusy(client().send(
            "POST",
            QStringLiteral("/v1/account/password"),
            QJsonDocument(QJsonObject{{QStringLiteral("current"), QString::fromLatin1(ServiceClient::demoPassword)},
                                      {QStringLiteral("new"), QStringLiteral("a-new-password-2026")},
                                      {QStringLiteral("sign_out"), QStringLiteral("none")}})
                .toJson(QJsonDocument::Compact),
            sensitive));
        QCOMPARE(queued(), queueLimit);
        QCOMPARE(hashing().value(QStringLiteral("refused")).toInteger(), refusedBefore + 5);
        for (const auto& request : waiting)
            QVERIFY(!request->isAnswered());

        QVERIFY(hold(false));
        for (const auto& request : waiting) {
            QTRY_VERIFY_WITH_TIMEOUT(request->isAnswered(), 30000);
            QVERIFY2(request->status() == 200, request->received().constData());
        }
    }

    // A refusal for lack of room is no failed attempt: more of them than the sign-in throttle
    // allows failures still leave the right password working.
    void busyRefusalsDoNotCountAsFailedSignIns()
    {
        QVERIFY(hold(true));
        std::vector<std::unique_ptr<PendingRequest>> waiting;
        for (int i = 0; i < queueLimit; ++i)
            waiting.push_back(startLogin(QStringLiteral("nobody@vigil.test"), QStringLiteral("filler-2026")));
        QTRY_COMPARE(queued(), queueLimit);
        for (int i = 0; i < 8; ++i)
            verifyBusy(
                client().loginReply(QString::fromLatin1(ServiceClient::demoEmail), QStringLiteral("wrong-2026")));
        QVERIFY(hold(false));
        for (const auto& request : waiting)
            QTRY_VERIFY_WITH_TIMEOUT(request->isAnswered(), 30000);
        QVERIFY(
            !client()
                 .login(QString::fromLatin1(ServiceClient::demoEmail), QString::fromLatin1(ServiceClient::demoPassword))
                 .access.isEmpty());
    }

    // Clients that go away while their password waits for, or is in, a hash: the answer goes
    // nowhere and the service carries on (the ASan build checks that nothing is touched after it
    // was freed).
    void aClientGoneMidHashIsSafe()
    {
        QVERIFY(hold(true));
        std::vector<std::unique_ptr<PendingRequest>> gone;
        for (int i = 0; i < queueLimit; ++i)
            gone.push_back(startDemoLogin());
        QTRY_COMPARE(queued(), queueLimit);
        for (const auto& request : gone)
            request->abort();
        // Round trips after the aborts: the service has seen the connections close.
        QCOMPARE(queued(), queueLimit);
        QVERIFY(hold(false));
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 30000);

        // And while a hash runs: gone right after sending.
        gone.clear();
        for (int i = 0; i < queueLimit; ++i) {
            gone.push_back(startDemoLogin());
            gone.back()->abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(idle(), 30000);
        QVERIFY(
            !client()
                 .login(QString::fromLatin1(ServiceClient::demoEmail), QString::fromLatin1(ServiceClient::demoPassword))
                 .access.isEmpty());
    }

    // Ten argon2id hashes run on the pool, not on the event loop: with the regeneration known to be
    // waiting there, another request is answered.
    void recoveryCodeRegenerationDoesNotBlockOtherRequests()
    {
        QString access;
        QString grant;
        signInForSensitiveRoutes(access, grant);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(hold(true));
        PendingRequest regenerate(m_mockd.baseUrl(),
                                  "POST",
                                  "/v1/account/two-step/recovery-codes",
                                  {{"Authorization", "Bearer " + access.toLatin1()}, {"X-Step-Up", grant.toLatin1()}},
                                  "{}");
        QTRY_COMPARE(queued(), 1);
        const ServiceReply devices = client().get(QStringLiteral("/v1/devices"), access);
        QCOMPARE(devices.status, 200);
        QVERIFY(!regenerate.isAnswered());
        QVERIFY(hold(false));
        QTRY_VERIFY_WITH_TIMEOUT(regenerate.isAnswered(), 30000);
        QVERIFY2(regenerate.status() == 200, regenerate.received().constData());
        const QJsonArray codes =
            QJsonDocument::fromJson(regenerate.body()).object().value(QStringLiteral("recovery_codes")).toArray();
        QCOMPARE(codes.size(), 10);
    }

    void holdingNeedsTheAdminKey()
    {
        QCOMPARE(client().postJson(QStringLiteral("/__admin/hashing"), {{QStringLiteral("held"), true}}).status, 403);
        QCOMPARE(hashing().value(QStringLiteral("held")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestServiceHashing)
#include "mockd_service_hashing.moc"
