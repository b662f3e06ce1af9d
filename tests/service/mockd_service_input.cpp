#include "ServiceFixture.h"

#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <memory>

namespace {

// A login body; built with QJsonDocument rather than raw string literals, which moc misreads when
// they end in a quote.
QByteArray loginBody(const QString& password, const QJsonObject& extra = {})
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("email"), QStringLiteral("demo@vigil.test"));
    body.insert(QStringLiteral("password"), password);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

// Every kind of bad input, each answered with the one error shape and the right status.
class TestServiceInput final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceReply login(const QByteArray& body, const QByteArray& contentType = "application/json")
    {
        RawHeaders headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        return client().send("POST", QStringLiteral("/v1/auth/login"), body, headers);
    }

    static void verifyErrorShape(const ServiceReply& reply, int status, const QString& code)
    {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.error(), code);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        QVERIFY(!reply.json().value(QStringLiteral("message")).toString().isEmpty());
    }

    // A password in every body below, so the log test has something to look for.
    const QString m_password = QStringLiteral("input-test-password-7f3a");

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        client().rememberSecret(m_password);
    }

    void init() { QVERIFY(client().reset()); }

    void notJsonIs400()
    {
        verifyErrorShape(
            login("email=demo@vigil.test&password=" + m_password.toLatin1()), 400, QStringLiteral("invalid_json"));
        verifyErrorShape(login("{\"email\": \"demo@vigil.test\", \"password\": "), 400, QStringLiteral("invalid_json"));
        verifyErrorShape(login("[\"demo@vigil.test\"]"), 400, QStringLiteral("invalid_json"));
        verifyErrorShape(login(""), 400, QStringLiteral("invalid_json"));
    }

    void wrongContentTypeIs415()
    {
        const QByteArray body = loginBody(m_password);
        verifyErrorShape(login(body, "text/plain"), 415, QStringLiteral("unsupported_media_type"));
        verifyErrorShape(
            login(body, "application/x-www-form-urlencoded"), 415, QStringLiteral("unsupported_media_type"));
        verifyErrorShape(login(body, "application/jsonp"), 415, QStringLiteral("unsupported_media_type"));
        // Parameters and case do not matter.
        QCOMPARE(login(body, "Application/JSON; charset=utf-8").status, 401);
    }

    void bodyOver64KiBIs413()
    {
        const QByteArray body =
            loginBody(m_password, {{QStringLiteral("padding"), QString(100 * 1024, QLatin1Char('x'))}});
        const ServiceReply reply = login(body);
        verifyErrorShape(reply, 413, QStringLiteral("body_too_large"));
        // The service keeps serving.
        QCOMPARE(client().get(QStringLiteral("/v1/me")).status, 401);
    }

    void aBodyJustUnderTheLimitIsRead()
    {
        const qsizetype overhead = loginBody(m_password, {{QStringLiteral("padding"), QString()}}).size();
        const QByteArray body =
            loginBody(m_password, {{QStringLiteral("padding"), QString(64 * 1024 - overhead, QLatin1Char('x'))}});
        QCOMPARE(body.size(), 64 * 1024);
        QCOMPARE(login(body).status, 401); // read and judged, not refused for its size
    }

    void aHugeDeclaredLengthIsRefusedBeforeTheBodyArrives()
    {
        // Only the headers are sent: the answer must come without the service waiting for 10 MB.
        const ServiceReply reply = client().raw("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                "Content-Type: application/json\r\nContent-Length: 10485760\r\n\r\n");
        QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
        verifyErrorShape(reply, 413, QStringLiteral("body_too_large"));
        QCOMPARE(reply.header("Connection"), QByteArray("close"));
        // Same with "Expect: 100-continue", the way curl sends large bodies.
        const ServiceReply expecting =
            client().raw("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         "Content-Length: 200000\r\nExpect: 100-continue\r\n\r\n");
        QCOMPARE(expecting.status, 413);
        QCOMPARE(client().get(QStringLiteral("/v1/me")).status, 401);
    }

    void aChunkedBodyOverTheLimitIs413()
    {
        QByteArray request = "POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk(8 * 1024, ' ');
        for (int i = 0; i < 9; ++i) // 72 KiB of whitespace: valid JSON padding, too much of it
            request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        request += "2\r\n{}\r\n0\r\n\r\n";
        const ServiceReply reply = client().raw(request);
        QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
        verifyErrorShape(reply, 413, QStringLiteral("body_too_large"));
    }

    void missingFieldsAre422NamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no email") << QByteArray(R"({"password":"input-test-password-7f3a"})")
                                  << QStringLiteral("email");
        QTest::newRow("no password") << QByteArray(R"({"email":"demo@vigil.test"})") << QStringLiteral("password");
        QTest::newRow("null password") << QByteArray(R"({"email":"demo@vigil.test","password":null})")
                                       << QStringLiteral("password");
        QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("email");
    }

    void missingFieldsAre422NamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ServiceReply reply = login(body);
        verifyErrorShape(reply, 422, QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
    }

    void wrongTypesAre422NamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("number password") << QByteArray(R"({"email":"demo@vigil.test","password":20260101})")
                                         << QStringLiteral("password");
        QTest::newRow("bool email") << QByteArray(R"({"email":true,"password":"input-test-password-7f3a"})")
                                    << QStringLiteral("email");
        QTest::newRow("array email") << QByteArray(R"({"email":["demo@vigil.test"],"password":"x"})")
                                     << QStringLiteral("email");
        QTest::newRow("not an email") << QByteArray(R"({"email":"demo","password":"input-test-password-7f3a"})")
                                      << QStringLiteral("email");
        QTest::newRow("device not object")
            << QByteArray(R"({"email":"demo@vigil.test","password":"input-test-password-7f3a","device":"tv"})")
            << QStringLiteral("device");
        QTest::newRow("unknown device type")
            << QByteArray(
                   R"({"email":"demo@vigil.test","password":"input-test-password-7f3a","device":{"type":"fridge"}})")
            << QStringLiteral("device.type");
        QTest::newRow("device name too long")
            << loginBody(
                   QStringLiteral("input-test-password-7f3a"),
                   {{QStringLiteral("device"), QJsonObject{{QStringLiteral("name"), QString(65, QLatin1Char('n'))}}}})
            << QStringLiteral("device.name");
        QTest::newRow("password over 128") << loginBody(QString(129, QLatin1Char('p'))) << QStringLiteral("password");
    }

    void wrongTypesAre422NamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ServiceReply reply = login(body);
        verifyErrorShape(reply, 422, QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
        QVERIFY(reply.json().value(QStringLiteral("message")).toString().contains(field));
    }

    void otherRoutesCheckTheirFieldsToo()
    {
        auto post = [this](const QString& path, const QByteArray& body) {
            return client().send("POST", path, body, {{"Content-Type", "application/json"}});
        };
        ServiceReply reply = post(QStringLiteral("/v1/auth/refresh"), "{}");
        verifyErrorShape(reply, 422, QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("refresh_token"));
        reply = post(QStringLiteral("/v1/auth/refresh"), R"({"refresh_token":42})");
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("refresh_token"));
        reply = post(QStringLiteral("/v1/auth/mfa"), R"({"mfa_token":"vmt_x","method":"carrier-pigeon","code":"1"})");
        verifyErrorShape(reply, 422, QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("method"));
        reply = post(QStringLiteral("/v1/auth/mfa"), R"({"mfa_token":"vmt_x","method":"totp"})");
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("code"));
    }

    void unknownFieldsAreIgnored()
    {
        const QJsonObject body{
            {QStringLiteral("email"), QString::fromLatin1(ServiceClient::demoEmail)},
            {QStringLiteral("password"), QString::fromLatin1(ServiceClient::demoPassword)},
            {QStringLiteral("remember_me"), true},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("colour"), QStringLiteral("red")}}}};
        client().rememberSecret(QString::fromLatin1(ServiceClient::demoPassword));
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/login"), body).status, 200);
    }

    void unknownRoutesAre404()
    {
        verifyErrorShape(client().get(QStringLiteral("/v1/nothing")), 404, QStringLiteral("not_found"));
        verifyErrorShape(client().get(QStringLiteral("/")), 404, QStringLiteral("not_found"));
        verifyErrorShape(client().get(QStringLiteral("/v1/me/")), 404, QStringLiteral("not_found"));
        verifyErrorShape(
            client().send("POST", QStringLiteral("/v2/auth/login"), "{}", {{"Content-Type", "application/json"}}),
            404,
            QStringLiteral("not_found"));
    }

    void wrongMethodsAre405WithAllow()
    {
        ServiceReply reply = client().get(QStringLiteral("/v1/auth/login"));
        verifyErrorShape(reply, 405, QStringLiteral("method_not_allowed"));
        QCOMPARE(reply.header("Allow"), QByteArray("POST"));
        reply = client().send("DELETE", QStringLiteral("/v1/me"));
        verifyErrorShape(reply, 405, QStringLiteral("method_not_allowed"));
        QCOMPARE(reply.header("Allow"), QByteArray("GET"));
        reply = client().send("PUT", QStringLiteral("/v1/auth/refresh"), "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 405);
    }

    void theLogNeverShowsASecret()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY(log.contains(" POST /v1/auth/login 413 "));
        QVERIFY(log.contains(" POST /v1/auth/login 422 "));
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vat_") && !log.contains("vrt_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceInput)
#include "mockd_service_input.moc"
