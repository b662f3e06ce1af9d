#include "FakeCredentialStore.h"
#include "MockdProcess.h"
#include "TestTotp.h"
#include "core/account/AccountService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoService.h"
#include "core/settings/AppSettings.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace vigil;
using State = SignInFlow::State;

namespace {

const QString demoEmail = QStringLiteral("demo@vigil.test");
const QString demoPassword = QStringLiteral("vigil-demo-2026");

QStringList g_logLines;
void recordingHandler(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logLines.append(message);
}

} // namespace

// ApiClient, SignInFlow, AccountService and DemoService against a real vigil-mockd process.
class TestClientService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInLoadRefreshAndSignOut();
    void wrongPasswordThenTwoStep();
    void restoreFromSavedSignIn();
    void demoServiceRunsTheRealService();

private:
    struct Client
    {
        explicit Client(AppSettings* settings, CredentialStore* store)
            : api(&network, &session), flow(&api, &session, store, settings), account(&api, &session)
        {}
        QNetworkAccessManager network;
        Session session;
        ApiClient api;
        SignInFlow flow;
        AccountService account;
    };

    QJsonObject admin(const QByteArray& method, const QString& path, const QJsonObject& body = {});
    int refreshStatus(const QString& refreshToken);
    // Moves the service clock (admin API), as a test that waits would.
    bool advanceServiceClock(int seconds);

    std::unique_ptr<MockdProcess> m_mockd;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<FakeCredentialStore> m_store;
    QNetworkAccessManager m_raw;
};

void TestClientService::init()
{
    m_mockd = std::make_unique<MockdProcess>();
    QVERIFY2(m_mockd->start(), qPrintable(m_mockd->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(m_qsettings.get());
    m_store = std::make_unique<FakeCredentialStore>();
}

void TestClientService::cleanup()
{
    m_store.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
    if (m_mockd)
        QCOMPARE(m_mockd->stop(), 0);
    m_mockd.reset();
}

QJsonObject TestClientService::admin(const QByteArray& method, const QString& path, const QJsonObject& body)
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("X-Admin-Key", MockdProcess::adminKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_raw.sendCustomRequest(request, method, QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

int TestClientService::refreshStatus(const QString& refreshToken)
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(QStringLiteral("/v1/auth/refresh"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply =
        m_raw.post(request, QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), refreshToken}}).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

bool TestClientService::advanceServiceClock(int seconds)
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(QStringLiteral("/__admin/clock"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-Admin-Key"), QByteArray(MockdProcess::adminKey));
    QNetworkReply* reply =
        m_raw.post(request, QJsonDocument(QJsonObject{{QStringLiteral("advance_seconds"), seconds}}).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status == 200;
}

void TestClientService::signInLoadRefreshAndSignOut()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*=true"));
    g_logLines.clear();
    const auto previousHandler = qInstallMessageHandler(recordingHandler);
    const auto restoreLogging = qScopeGuard([previousHandler] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    Client client(m_settings.get(), m_store.get());
    const QString key = CredentialStore::refreshTokenKey(m_mockd->baseUrl(), demoEmail);
    client.flow.signIn({m_mockd->baseUrl().toString(), demoEmail, demoPassword, true});
    QTRY_COMPARE_WITH_TIMEOUT(client.flow.state(), State::SignedIn, 15000);
    QVERIFY(client.session.accessToken().startsWith(QLatin1String("vat_")));
    QVERIFY(client.session.refreshToken().startsWith(QLatin1String("vrt_")));
    QTRY_COMPARE(m_store->entries().value(key), client.session.refreshToken());

    // Signing in started the overview load.
    QTRY_COMPARE_WITH_TIMEOUT(client.account.state(), AccountService::State::Loaded, 10000);
    QCOMPARE(client.account.overview()->account.displayName, QStringLiteral("Demo Household"));
    QCOMPARE(client.account.overview()->profilesCount, 4);
    QVERIFY(client.account.overview()->devicesCount >= 12);

    // Five minutes and a second later the access token has expired on the server: the next call
    // gets 401 token_expired, refreshes once, and succeeds with the new token.
    const QString oldAccess = client.session.accessToken();
    const QString oldRefresh = client.session.refreshToken();
    QVERIFY(admin("POST", QStringLiteral("/__admin/clock"), {{QStringLiteral("advance_seconds"), 301}})
                .contains(QStringLiteral("now")));
    QSignalSpy tokensChanged(&client.session, &Session::tokensChanged);
    client.account.reload();
    QTRY_COMPARE_WITH_TIMEOUT(client.account.state(), AccountService::State::Loaded, 10000);
    QCOMPARE(tokensChanged.count(), 1);
    QVERIFY(client.session.accessToken() != oldAccess);
    QVERIFY(client.session.refreshToken() != oldRefresh);
    QTRY_COMPARE(m_store->entries().value(key), client.session.refreshToken());
    QVERIFY(client.session.isSignedIn());

    // Sign out: memory and keychain now, the server session right after.
    const QString lastRefresh = client.session.refreshToken();
    client.flow.signOut();
    QCOMPARE(client.flow.state(), State::SignedOut);
    QVERIFY(client.session.accessToken().isEmpty());
    QTRY_VERIFY(!m_store->entries().contains(key));
    QTRY_VERIFY_WITH_TIMEOUT(m_mockd->output().contains("/v1/auth/logout 204"), 10000);
    QCOMPARE(refreshStatus(lastRefresh), 401);

    // Nothing secret reached a log line: not ours, not the service's.
    const QString ours = g_logLines.join(QLatin1Char('\n'));
    const QString theirs = QString::fromUtf8(m_mockd->output());
    QVERIFY(!ours.isEmpty());
    for (const QString& secret : {oldAccess, oldRefresh, lastRefresh, demoPassword}) {
        QVERIFY2(!ours.contains(secret), "a secret reached the client's log");
        QVERIFY2(!theirs.contains(secret), "a secret reached the service's log");
    }
}

void TestClientService::wrongPasswordThenTwoStep()
{
    Client client(m_settings.get(), m_store.get());
    QSignalSpy problems(&client.flow, &SignInFlow::problemOccurred);
    client.flow.signIn({m_mockd->baseUrl().toString(), demoEmail, QStringLiteral("not-the-password"), true});
    QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 1, 15000);
    auto problem = problems.last().constFirst().value<SignInFlow::Problem>();
    QCOMPARE(problem.error->code(), ApiError::Code::InvalidCredentials);
    QCOMPARE(problem.field, SignInFlow::Field::Password);
    QCOMPARE(client.flow.state(), State::SignedOut);

    client.flow.signIn({m_mockd->baseUrl().toString(),
                        QStringLiteral("twostep@vigil.test"),
                        QStringLiteral("vigil-twostep-2026"),
                        true});
    QTRY_COMPARE_WITH_TIMEOUT(client.flow.state(), State::NeedsCode, 15000);
    QVERIFY(client.flow.codeMethods().contains(QStringLiteral("totp")));

    const QByteArray key = QByteArray::fromHex("48656c6c6f21deadbeef"); // base32 JBSWY3DPEHPK3PXP
    const QDateTime serverNow = QDateTime::fromString(
        admin("GET", QStringLiteral("/__admin/clock")).value(QStringLiteral("now")).toString(), Qt::ISODateWithMs);
    QVERIFY(serverNow.isValid());
    const QString code = TestTotp::code(key, serverNow.toSecsSinceEpoch());
    const QString wrong = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");

    client.flow.submitCode(wrong);
    QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 2, 10000);
    QCOMPARE(problems.last().constFirst().value<SignInFlow::Problem>().error->code(), ApiError::Code::InvalidCode);
    QCOMPARE(client.flow.state(), State::NeedsCode);

    client.flow.submitCode(code);
    QTRY_COMPARE_WITH_TIMEOUT(client.flow.state(), State::SignedIn, 10000);
    QCOMPARE(client.session.account().email, QStringLiteral("twostep@vigil.test"));
    QVERIFY(client.session.account().twoStep.totp);
}

void TestClientService::restoreFromSavedSignIn()
{
    const QString key = CredentialStore::refreshTokenKey(m_mockd->baseUrl(), demoEmail);
    const QString cookieKey = CredentialStore::deviceCookieKey(m_mockd->baseUrl(), demoEmail);
    QString firstRefresh;
    {
        Client first(m_settings.get(), m_store.get());
        first.flow.signIn({m_mockd->baseUrl().toString(), demoEmail, demoPassword, true});
        QTRY_COMPARE_WITH_TIMEOUT(first.flow.state(), State::SignedIn, 15000);
        firstRefresh = first.session.refreshToken();
        // The refresh token and, next to it, the service's proof that this computer signed in.
        QTRY_COMPARE(m_store->entries().value(key), firstRefresh);
        QTRY_VERIFY(m_store->entries().value(cookieKey).startsWith(QLatin1String("vdc_")));
        QCOMPARE(m_store->entries().size(), 2);
    } // the app quits without signing out

    Client second(m_settings.get(), m_store.get());
    second.flow.restore();
    QCOMPARE(second.flow.state(), State::Restoring);
    QTRY_COMPARE_WITH_TIMEOUT(second.flow.state(), State::SignedIn, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(second.account.state(), AccountService::State::Loaded, 10000);
    // The saved token was used once and replaced by its rotation.
    QVERIFY(second.session.refreshToken() != firstRefresh);
    QTRY_COMPARE(m_store->entries().value(key), second.session.refreshToken());
    // Past the grace in which a retry of a lost answer gets the same pair, it is reuse.
    QVERIFY(advanceServiceClock(31));
    QCOMPARE(refreshStatus(firstRefresh), 401);
}

void TestClientService::demoServiceRunsTheRealService()
{
    DemoService demo;
    demo.setExecutable(MockdProcess::executable());
    QSignalSpy ready(&demo, &DemoService::ready);
    demo.start();
    QVERIFY(ready.wait(15000));
    QCOMPARE(demo.url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(demo.url().port() > 0);

    Client client(m_settings.get(), m_store.get());
    client.flow.setEphemeral(true);
    client.flow.signIn(
        {demo.url().toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword), false});
    QTRY_COMPARE_WITH_TIMEOUT(client.flow.state(), State::SignedIn, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(client.account.state(), AccountService::State::Loaded, 10000);
    QCOMPARE(client.account.overview()->account.email, demoEmail);
    QCOMPARE(m_store->writes(), 0);

    // The admin key the demo service got works for its QA routes.
    QUrl clock = demo.url();
    clock.setPath(QStringLiteral("/__admin/clock"));
    QNetworkRequest request(clock);
    request.setRawHeader("X-Admin-Key", demo.adminKey().toUtf8());
    QNetworkReply* reply = m_raw.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    demo.stop();
    QCOMPARE(demo.state(), DemoService::State::Stopped);
    ApiReply* after = client.api.send(ApiRequest::get(QStringLiteral("/v1/me")));
    QSignalSpy afterDone(after, &ApiReply::finished);
    QVERIFY(afterDone.wait(15000));
    QCOMPARE(after->result().error().code(), ApiError::Code::NoConnection);
}

QTEST_GUILESS_MAIN(TestClientService)
#include "TestClientService.moc"
