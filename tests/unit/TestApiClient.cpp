#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace std::chrono_literals;

namespace {

QByteArray bearer(const QString& token)
{
    return "Bearer " + token.toUtf8();
}

// Records every log line, to prove that no token ever reaches one.
QStringList g_logLines;
void recordingHandler(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logLines.append(message);
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendsJsonWithBearer();
    void sharedRefreshForConcurrentRequests();
    void lateExpiredAnswerReusesNewToken();
    void refusedRefreshSignsOut();
    void networkFailureDuringRefreshKeepsSession();
    void revokedSessionSignsOut();
    void timeout();
    void garbageSuccessBody();
    void typedErrorFromServer();
    void signedOutRequestIsNotSent();
    void abortCancels();
    void logsNoSecrets();

private:
    ApiReply* sendMe() { return m_api->send(ApiRequest::get(QStringLiteral("/v1/me"))); }
    static bool waitFinished(ApiReply* reply)
    {
        QSignalSpy spy(reply, &ApiReply::finished);
        return spy.wait(5000);
    }

    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
};

void TestApiClient::init()
{
    m_nam = std::make_unique<FakeNetworkAccessManager>();
    m_session = std::make_unique<Session>();
    m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
    m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
    auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_old"), QStringLiteral("vrt_old")));
    QVERIFY(tokens);
    m_session->setTokens(m_api->baseUrl(), tokens.value());
}

void TestApiClient::cleanup()
{
    m_api.reset();
    m_session.reset();
    m_nam.reset();
}

void TestApiClient::sendsJsonWithBearer()
{
    m_nam->setHandler([](const FakeRequest&) { return FakeResponse::json(200, TestTokens::me()); });
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/thing"), QJsonObject{{"a", 1}}));
    QVERIFY(waitFinished(reply));
    QVERIFY(reply->result());
    QCOMPARE(reply->result().value().object().value("devices_count").toInt(), 12);
    const FakeRequest& sent = m_nam->requests().constFirst();
    QCOMPARE(sent.url.toString(), QStringLiteral("http://127.0.0.1:9/v1/thing"));
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.header("Authorization"), bearer(QStringLiteral("vat_old")));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(sent.header("Accept"), QByteArray("application/json"));
    QCOMPARE(sent.json().value("a").toInt(), 1);
}

void TestApiClient::sharedRefreshForConcurrentRequests()
{
    m_nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::held(); // answered by the test once every request is waiting
        if (request.header("Authorization") == bearer(QStringLiteral("vat_new")))
            return FakeResponse::json(200, TestTokens::me());
        return FakeResponse::error(401, "token_expired");
    });
    QSignalSpy tokensChanged(m_session.get(), &Session::tokensChanged);

    QList<ApiReply*> replies{sendMe(), sendMe(), sendMe()};
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (ApiReply* reply : replies)
        spies.append(std::make_shared<QSignalSpy>(reply, &ApiReply::finished));

    QTRY_COMPARE(m_nam->heldCount(), 1);
    QTRY_COMPARE(m_nam->requests().size(), 4); // 3 × /v1/me, then 1 × refresh
    QVERIFY(m_api->isRefreshing());
    QCOMPARE(m_nam->count(QStringLiteral("/v1/auth/refresh")), 1);
    const FakeRequest refresh = m_nam->requests().last();
    QCOMPARE(refresh.json().value("refresh_token").toString(), QStringLiteral("vrt_old"));
    QVERIFY(refresh.header("Authorization").isEmpty());
    for (const auto& spy : spies)
        QCOMPARE(spy->count(), 0);

    m_nam->releaseHeld(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_new"), QStringLiteral("vrt_new"))));
    for (const auto& spy : spies)
        QTRY_COMPARE(spy->count(), 1);

    QCOMPARE(m_nam->count(QStringLiteral("/v1/auth/refresh")), 1);
    QCOMPARE(m_nam->count(QStringLiteral("/v1/me")), 6);
    int retriedWithNewToken = 0;
    for (const FakeRequest& request : m_nam->requests())
        retriedWithNewToken += request.header("Authorization") == bearer(QStringLiteral("vat_new")) ? 1 : 0;
    QCOMPARE(retriedWithNewToken, 3);
    QCOMPARE(m_session->accessToken(), QStringLiteral("vat_new"));
    QCOMPARE(m_session->refreshToken(), QStringLiteral("vrt_new"));
    QCOMPARE(tokensChanged.count(), 1);
}

void TestApiClient::lateExpiredAnswerReusesNewToken()
{
    int meCalls = 0;
    m_nam->setHandler([&meCalls](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_new"), QStringLiteral("vrt_new")));
        if (request.header("Authorization") == bearer(QStringLiteral("vat_new")))
            return FakeResponse::json(200, TestTokens::me());
        // The second request with the old token is slow: its 401 arrives after the refresh.
        return ++meCalls == 2 ? FakeResponse::held() : FakeResponse::error(401, "token_expired");
    });
    ApiReply* first = sendMe();
    ApiReply* second = sendMe();
    QSignalSpy secondDone(second, &ApiReply::finished);
    QVERIFY(waitFinished(first));
    QVERIFY(first->result());
    QCOMPARE(m_session->accessToken(), QStringLiteral("vat_new"));

    m_nam->releaseHeld(FakeResponse::error(401, "token_expired"));
    QVERIFY(secondDone.wait(5000));
    QVERIFY(second->result());
    QCOMPARE(m_nam->count(QStringLiteral("/v1/auth/refresh")), 1);
}

void TestApiClient::refusedRefreshSignsOut()
{
    m_nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::error(401, "invalid_refresh");
        return FakeResponse::error(401, "token_expired");
    });
    QSignalSpy ended(m_api.get(), &ApiClient::sessionEnded);
    QSignalSpy signedOut(m_session.get(), &Session::signedOut);
    ApiReply* a = sendMe();
    ApiReply* b = sendMe();
    QSignalSpy bDone(b, &ApiReply::finished);
    QVERIFY(waitFinished(a));
    QTRY_COMPARE(bDone.count(), 1);
    QCOMPARE(a->result().error().code(), ApiError::Code::InvalidRefresh);
    QCOMPARE(b->result().error().code(), ApiError::Code::InvalidRefresh);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(!m_session->isSignedIn());
    QCOMPARE(m_nam->count(QStringLiteral("/v1/auth/refresh")), 1);
}

void TestApiClient::networkFailureDuringRefreshKeepsSession()
{
    m_nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::transport(QNetworkReply::ConnectionRefusedError);
        return FakeResponse::error(401, "token_expired");
    });
    QSignalSpy ended(m_api.get(), &ApiClient::sessionEnded);
    ApiReply* reply = sendMe();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::NoConnection);
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(ended.count(), 0);
}

void TestApiClient::revokedSessionSignsOut()
{
    m_nam->setHandler([](const FakeRequest&) { return FakeResponse::error(401, "session_revoked"); });
    QSignalSpy ended(m_api.get(), &ApiClient::sessionEnded);
    ApiReply* reply = sendMe();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::SessionRevoked);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.constFirst().constFirst().value<ApiError>().code(), ApiError::Code::SessionRevoked);
    QVERIFY(!m_session->isSignedIn());
    QCOMPARE(m_nam->count(QStringLiteral("/v1/auth/refresh")), 0);
}

void TestApiClient::timeout()
{
    m_nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
    ApiReply* reply = m_api->send(ApiRequest::get(QStringLiteral("/v1/me")).withTimeout(20ms));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::Timeout);
}

void TestApiClient::garbageSuccessBody()
{
    m_nam->setHandler([](const FakeRequest&) { return FakeResponse::raw(200, "<html>captive portal</html>"); });
    ApiReply* reply = sendMe();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::InvalidResponse);
}

void TestApiClient::typedErrorFromServer()
{
    m_nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(422, QJsonObject{{"error", "invalid_field"}, {"message", "bad"}, {"field", "name"}});
    });
    ApiReply* reply = sendMe();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::InvalidField);
    QCOMPARE(reply->result().error().field(), QStringLiteral("name"));
    QVERIFY(m_session->isSignedIn());
}

void TestApiClient::signedOutRequestIsNotSent()
{
    m_session->clear();
    ApiReply* reply = sendMe();
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->result().error().code(), ApiError::Code::SignedOut);
    QVERIFY(m_nam->requests().isEmpty());
}

void TestApiClient::abortCancels()
{
    m_nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
    ApiReply* reply = sendMe();
    QSignalSpy done(reply, &ApiReply::finished);
    QTRY_COMPARE(m_nam->heldCount(), 1);
    reply->abort();
    QCOMPARE(done.count(), 1);
    QCOMPARE(reply->result().error().code(), ApiError::Code::Cancelled);
}

void TestApiClient::logsNoSecrets()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*=true"));
    g_logLines.clear();
    const auto previous = qInstallMessageHandler(recordingHandler);
    m_nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_new"), QStringLiteral("vrt_new")));
        if (request.header("Authorization") == bearer(QStringLiteral("vat_new")))
            return FakeResponse::json(200, TestTokens::me());
        return FakeResponse::error(401, "token_expired");
    });
    ApiReply* reply = m_api->send(ApiRequest::get(QStringLiteral("/v1/me")));
    const bool finished = waitFinished(reply);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(finished);
    QVERIFY(!g_logLines.isEmpty()); // debug lines were on, so there was something to check
    for (const QString& line : std::as_const(g_logLines)) {
        for (const char* secret : {"vat_old", "vat_new", "vrt_old", "vrt_new"})
            QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
