#include "base/Clock.h"
#include "http/Authenticator.h"
#include "http/FieldReader.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "log/RequestLog.h"

#include <QJsonDocument>
#include <QObject>
#include <QTemporaryFile>
#include <QTest>
#include <cstdio>

using namespace mockd;

namespace {

class CapturingSlot final : public ResponseSlot
{
public:
    void send(const HttpResponse& response) override { responses.append(response); }
    QList<HttpResponse> responses;
};

class FakeAuthenticator final : public Authenticator
{
public:
    Expected<Principal, ApiError> authenticate(const HttpRequest& request) override
    {
        const QByteArray header = request.header("authorization");
        if (header == "Bearer holder")
            return Principal{QStringLiteral("acc_1"), QStringLiteral("ses_1"), QStringLiteral("dev_1"), Role::Holder};
        if (header == "Bearer support")
            return Principal{QStringLiteral("acc_2"), QStringLiteral("ses_2"), QStringLiteral("dev_2"), Role::Support};
        return unexpected(ApiError::unauthorized(QStringLiteral("token_missing"), QStringLiteral("no token")));
    }
};

QJsonObject json(const HttpResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace

class TestHttpPipeline final : public QObject
{
    Q_OBJECT

private:
    Clock m_clock;
    std::FILE* m_logFile = nullptr;
    std::unique_ptr<RequestLog> m_log;
    Router m_router;
    std::unique_ptr<HttpServer> m_server;
    FakeAuthenticator m_authenticator;
    int m_handled = 0;

    HttpResponse run(const QByteArray& method,
                     const QString& path,
                     const QByteArray& body = {},
                     const HeaderList& headers = {{"Content-Type", "application/json"}})
    {
        HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.headers = headers;
        request.peer = QHostAddress(QHostAddress::LocalHost);
        auto slot = std::make_shared<CapturingSlot>();
        m_server->dispatch(request, Responder(slot, {}));
        if (slot->responses.size() != 1)
            qFatal("expected exactly one answer, got %d", int(slot->responses.size()));
        return slot->responses.constFirst();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_logFile = std::tmpfile();
        m_log = std::make_unique<RequestLog>(m_clock, m_logFile);
        const auto echo = [this](const RequestContext& c) {
            ++m_handled;
            FieldReader body(c.body);
            const QString name = body.string(QStringLiteral("name"), {.maxLength = 8});
            body.integer(QStringLiteral("count"), false, 0, 10);
            FieldReader device = body.object(QStringLiteral("device"), false);
            device.string(QStringLiteral("type"), {.required = false, .oneOf = {QStringLiteral("tv")}});
            if (!body.ok())
                return c.fail(*body.error());
            c.respond(HttpResponse::json(QJsonObject{{QStringLiteral("name"), name}}));
        };
        QVERIFY(m_router.add("POST", QStringLiteral("/echo"), {Access::publicRoute(), true}, echo));
        QVERIFY(m_router.add("GET", QStringLiteral("/echo"), {Access::publicRoute(), false}, echo));
        QVERIFY(m_router.add("GET", QStringLiteral("/nobody"), {}, echo));
        QVERIFY(m_router.add(
            "GET", QStringLiteral("/holders"), {Access::roles({Role::Holder}), false}, [](const RequestContext& c) {
                c.respond(HttpResponse::json(QJsonObject{{QStringLiteral("who"), c.principal->accountId}}));
            }));
        QVERIFY(m_router.add("GET", QStringLiteral("/__admin/thing"), {Access::admin(), false}, echo));
        QVERIFY(m_router.add(
            "GET", QStringLiteral("/silent"), {Access::publicRoute(), false}, [](const RequestContext&) {}));
        m_server = std::make_unique<HttpServer>(m_router, *m_log);
        m_server->setAuthenticator(&m_authenticator);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_log.reset();
        std::fclose(m_logFile);
    }

    void validBodyReachesTheHandler()
    {
        const int before = m_handled;
        const HttpResponse response = run("POST", QStringLiteral("/echo"), R"({"name":"tv"})");
        QCOMPARE(response.status, 200);
        QCOMPARE(json(response).value(QStringLiteral("name")).toString(), QStringLiteral("tv"));
        QCOMPARE(m_handled, before + 1);
        QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
    }

    void declaredLengthOver64KiBIs413()
    {
        const HttpResponse response = run(
            "POST", QStringLiteral("/echo"), "{}", {{"Content-Type", "application/json"}, {"Content-Length", "65537"}});
        QCOMPARE(response.status, 413);
        QCOMPARE(json(response).value(QStringLiteral("error")).toString(), QStringLiteral("body_too_large"));
    }

    void actualBodyOver64KiBIs413()
    {
        const QByteArray body = "{\"name\":\"" + QByteArray(65 * 1024, 'x') + "\"}";
        QCOMPARE(run("POST", QStringLiteral("/echo"), body).status, 413);
        QCOMPARE(run("POST", QStringLiteral("/nowhere"), body).status, 413); // size is checked first
    }

    void wrongContentTypeIs415()
    {
        QCOMPARE(run("POST", QStringLiteral("/echo"), R"({"name":"tv"})", {{"Content-Type", "text/plain"}}).status,
                 415);
        QCOMPARE(run("POST", QStringLiteral("/echo"), R"({"name":"tv"})", {}).status, 415);
        QCOMPARE(run("POST",
                     QStringLiteral("/echo"),
                     R"({"name":"tv"})",
                     {{"content-type", "Application/JSON; charset=utf-8"}})
                     .status,
                 200);
    }

    void invalidJsonIs400()
    {
        for (const QByteArray& body : {QByteArray("{"), QByteArray("not json"), QByteArray("[1,2]"), QByteArray()}) {
            const HttpResponse response = run("POST", QStringLiteral("/echo"), body);
            QCOMPARE(response.status, 400);
            QCOMPARE(json(response).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_json"));
        }
    }

    void fieldProblemsAre422NamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing") << QByteArray("{}") << QStringLiteral("name");
        QTest::newRow("null") << QByteArray(R"({"name":null})") << QStringLiteral("name");
        QTest::newRow("number") << QByteArray(R"({"name":5})") << QStringLiteral("name");
        QTest::newRow("empty") << QByteArray(R"({"name":""})") << QStringLiteral("name");
        QTest::newRow("too long") << QByteArray(R"({"name":"123456789"})") << QStringLiteral("name");
        QTest::newRow("control") << QByteArray(R"({"name":"a\nb"})") << QStringLiteral("name");
        QTest::newRow("not integer") << QByteArray(R"({"name":"a","count":1.5})") << QStringLiteral("count");
        QTest::newRow("out of range") << QByteArray(R"({"name":"a","count":11})") << QStringLiteral("count");
        QTest::newRow("not object") << QByteArray(R"({"name":"a","device":"tv"})") << QStringLiteral("device");
        QTest::newRow("nested enum") << QByteArray(R"({"name":"a","device":{"type":"fridge"}})")
                                     << QStringLiteral("device.type");
    }

    void fieldProblemsAre422NamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResponse response = run("POST", QStringLiteral("/echo"), body);
        QCOMPARE(response.status, 422);
        QCOMPARE(json(response).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_field"));
        QCOMPARE(json(response).value(QStringLiteral("field")).toString(), field);
        QVERIFY(json(response).value(QStringLiteral("message")).toString().startsWith(field));
    }

    void unknownRouteIs404AndWrongMethodIs405()
    {
        QCOMPARE(run("GET", QStringLiteral("/nowhere")).status, 404);
        const HttpResponse response = run("DELETE", QStringLiteral("/echo"));
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), QByteArray("GET, POST"));
        QCOMPARE(json(response).value(QStringLiteral("error")).toString(), QStringLiteral("method_not_allowed"));
    }

    void routesWithoutAnAccessRuleAreRefused()
    {
        const int before = m_handled;
        QCOMPARE(run("GET", QStringLiteral("/nobody")).status, 403);
        QCOMPARE(m_handled, before);
    }

    void roleRoutesNeedATokenAndTheRole()
    {
        QCOMPARE(run("GET", QStringLiteral("/holders")).status, 401);
        QCOMPARE(run("GET", QStringLiteral("/holders"), {}, {{"Authorization", "Bearer support"}}).status, 403);
        const HttpResponse ok = run("GET", QStringLiteral("/holders"), {}, {{"Authorization", "Bearer holder"}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(json(ok).value(QStringLiteral("who")).toString(), QStringLiteral("acc_1"));
    }

    void adminRoutesWithoutAGuardAreRefused()
    {
        QCOMPARE(run("GET", QStringLiteral("/__admin/thing")).status, 403);
        QCOMPARE(run("GET", QStringLiteral("/__admin/unknown")).status, 403);
    }

    void unansweredRequestsGet500() { QCOMPARE(run("GET", QStringLiteral("/silent")).status, 500); }

    void theFirstAnswerWins()
    {
        auto slot = std::make_shared<CapturingSlot>();
        int completions = 0;
        {
            const Responder responder(slot, [&completions](int) { ++completions; });
            responder.respond(HttpResponse::noContent());
            responder.respond(HttpResponse::json(QJsonObject{}));
            QVERIFY(responder.isAnswered());
        }
        QCOMPARE(slot->responses.size(), 1);
        QCOMPARE(slot->responses.constFirst().status, 204);
        QCOMPARE(completions, 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpPipeline)
#include "mockd_http_pipeline.moc"
