#include "FakeCredentialStore.h"
#include "FakeNetworkAccessManager.h"
#include "SignInStack.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using State = SignInFlow::State;
using Field = SignInFlow::Field;

namespace {

const QString server = QStringLiteral("http://127.0.0.1:8765");
const QString key = QStringLiteral("refresh-token:http://127.0.0.1:8765/demo@vigil.test");
const QString cookieKey = vigil::CredentialStore::deviceCookieKey(QUrl(server), QStringLiteral("demo@vigil.test"));

// A sign-in answer that hands out a device cookie and says when the sign-in ends.
QJsonObject pairWithCookie(const QString& refresh, const QString& cookie)
{
    QJsonObject pair = TestTokens::pair(QStringLiteral("vat_") + refresh, refresh);
    pair.insert(QStringLiteral("device_cookie"), cookie);
    pair.insert(QStringLiteral("refresh_expires_at"), QStringLiteral("2027-01-06T12:00:00Z"));
    return pair;
}

SignInFlow::Credentials demo(bool remember = true)
{
    return {server, QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"), remember};
}

} // namespace

class TestSignInFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInRemembers();
    void signInWithoutRememberForgets();
    void wrongPassword();
    void inputChecks_data();
    void inputChecks();
    void twoStep();
    void cancelTwoStep();
    void tooManyWrongCodesGoBackToPassword();
    void restoreFromKeychain();
    void restoreWithRefusedToken();
    void noKeychainStillSignsIn();
    void rotatedTokenIsSaved();
    void signOutForgetsEverything();
    void revokedSessionReturnsToSignIn();
    void ephemeralWritesNothing();
    void deviceCookieIsKeptSentAndReplaced();
    void deviceCookieIsKeptWithoutRemember();
    void ephemeralNeitherSendsNorKeepsACookie();

private:
    void answerLogin(const FakeResponse& response);
    std::optional<SignInFlow::Problem> lastProblem() const
    {
        if (m_problems->isEmpty())
            return std::nullopt;
        return m_problems->last().constFirst().value<SignInFlow::Problem>();
    }

    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<QSignalSpy> m_problems;
};

void TestSignInFlow::init()
{
    m_stack = std::make_unique<SignInStack>();
    m_problems = std::make_unique<QSignalSpy>(m_stack->flow.get(), &SignInFlow::problemOccurred);
}

void TestSignInFlow::cleanup()
{
    m_problems.reset();
    m_stack.reset();
}

void TestSignInFlow::answerLogin(const FakeResponse& response)
{
    m_stack->nam->setHandler([response](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/login"))
            return response;
        if (request.path() == QLatin1String("/v1/auth/logout"))
            return FakeResponse::raw(204, {});
        return FakeResponse::error(404, "not_found");
    });
}

void TestSignInFlow::signInRemembers()
{
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    QSignalSpy states(m_stack->flow.get(), &SignInFlow::stateChanged);
    m_stack->flow->signIn(demo());
    QCOMPARE(m_stack->flow->state(), State::SigningIn);
    QVERIFY(m_stack->flow->isBusy());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QVERIFY(m_stack->session->isSignedIn());
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_1"));

    const FakeRequest login = m_stack->nam->requests().constFirst();
    QCOMPARE(login.json().value("email").toString(), QStringLiteral("demo@vigil.test"));
    QCOMPARE(login.json().value("device").toObject().value("type").toString(), QStringLiteral("computer"));
    QVERIFY(login.header("Authorization").isEmpty());

    QCOMPARE(m_stack->settings->serverUrl(), QUrl(server));
    QCOMPARE(m_stack->settings->lastEmail(), QStringLiteral("demo@vigil.test"));
    QVERIFY(m_stack->settings->rememberSignIn());
    m_stack->qsettings->sync();
    QFile file(m_stack->qsettings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(!onDisk.contains("vrt_1"));
    QVERIFY(!onDisk.contains("vat_1"));
    QVERIFY(!onDisk.contains("vigil-demo-2026"));
    QCOMPARE(m_problems->count(), 0);
}

void TestSignInFlow::signInWithoutRememberForgets()
{
    m_stack->store->setEntry(key, QStringLiteral("vrt_stale"));
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo(false));
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QVERIFY(!m_stack->settings->rememberSignIn());
    QCOMPARE(m_stack->store->writes(), 0);
}

void TestSignInFlow::wrongPassword()
{
    answerLogin(FakeResponse::error(401, "invalid_credentials"));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedOut);
    QTRY_COMPARE(m_problems->count(), 1);
    const auto problem = lastProblem();
    QCOMPARE(problem->field, Field::Password);
    QVERIFY(problem->error.has_value());
    QCOMPARE(problem->error->code(), ApiError::Code::InvalidCredentials);
    QVERIFY(problem->message.contains(QStringLiteral("email or password")));
    QVERIFY(!m_stack->session->isSignedIn());
    QVERIFY(m_stack->store->entries().isEmpty());
}

void TestSignInFlow::inputChecks_data()
{
    QTest::addColumn<QString>("serverText");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Field>("field");
    QTest::newRow("no server") << QString() << "a@b.c"
                               << "pw" << Field::Server;
    QTest::newRow("plain http to a remote host") << "http://vigil.example"
                                                 << "a@b.c"
                                                 << "pw" << Field::Server;
    QTest::newRow("ftp") << "ftp://127.0.0.1"
                         << "a@b.c"
                         << "pw" << Field::Server;
    QTest::newRow("no email") << server << "  "
                              << "pw" << Field::Email;
    QTest::newRow("not an email") << server << "demo"
                                  << "pw" << Field::Email;
    QTest::newRow("no password") << server << "a@b.c" << QString() << Field::Password;
}

void TestSignInFlow::inputChecks()
{
    QFETCH(QString, serverText);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(Field, field);
    m_stack->flow->signIn({serverText, email, password, true});
    QCOMPARE(m_problems->count(), 1);
    QCOMPARE(lastProblem()->field, field);
    QVERIFY(!lastProblem()->message.isEmpty());
    QCOMPARE(m_stack->flow->state(), State::SignedOut);
    QVERIFY(m_stack->nam->requests().isEmpty());
}

void TestSignInFlow::twoStep()
{
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/login"))
            return FakeResponse::json(403,
                                      QJsonObject{{"error", "mfa_required"},
                                                  {"message", "m"},
                                                  {"methods", QJsonArray{"totp", "recovery"}},
                                                  {"mfa_token", "mfa_t"}});
        if (request.json().value("code").toString() == QLatin1String("123456"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_2"), QStringLiteral("vrt_2")));
        return FakeResponse::error(401, "invalid_code");
    });
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::NeedsCode);
    QCOMPARE(m_stack->flow->codeMethods(), (QStringList{"totp", "recovery"}));
    QVERIFY(!m_stack->session->isSignedIn());

    m_stack->flow->submitCode(QStringLiteral("000000"));
    QCOMPARE(m_stack->flow->state(), State::VerifyingCode);
    QTRY_COMPARE(m_stack->flow->state(), State::NeedsCode);
    QCOMPARE(lastProblem()->field, Field::Code);
    QCOMPARE(lastProblem()->error->code(), ApiError::Code::InvalidCode);

    m_stack->flow->submitCode(QStringLiteral("123 456"));
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    const QJsonObject mfa = m_stack->nam->requests().last().json();
    QCOMPARE(mfa.value("mfa_token").toString(), QStringLiteral("mfa_t"));
    QCOMPARE(mfa.value("method").toString(), QStringLiteral("totp"));
    QCOMPARE(mfa.value("code").toString(), QStringLiteral("123456"));
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_2"));
}

void TestSignInFlow::cancelTwoStep()
{
    answerLogin(FakeResponse::json(
        403,
        QJsonObject{{"error", "mfa_required"}, {"message", "m"}, {"methods", QJsonArray{"totp"}}, {"mfa_token", "t"}}));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::NeedsCode);
    m_stack->flow->cancelCode();
    QCOMPARE(m_stack->flow->state(), State::SignedOut);
    m_stack->flow->submitCode(QStringLiteral("123456")); // ignored: no code step any more
    QCOMPARE(m_stack->flow->state(), State::SignedOut);
}

void TestSignInFlow::tooManyWrongCodesGoBackToPassword()
{
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/login"))
            return FakeResponse::json(
                403,
                QJsonObject{
                    {"error", "mfa_required"}, {"message", "m"}, {"methods", QJsonArray{"totp"}}, {"mfa_token", "t"}});
        return FakeResponse::json(401, QJsonObject{{"error", "invalid_code"}, {"message", "m"}, {"attempts_left", 0}});
    });
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::NeedsCode);
    m_stack->flow->submitCode(QStringLiteral("999999"));
    QTRY_COMPARE(m_stack->flow->state(), State::SignedOut);
    QCOMPARE(lastProblem()->field, Field::Password);
    QVERIFY(lastProblem()->message.contains(QStringLiteral("Too many wrong codes")));
}

void TestSignInFlow::restoreFromKeychain()
{
    m_stack->settings->setServerUrl(QUrl(server));
    m_stack->settings->setLastEmail(QStringLiteral("demo@vigil.test"));
    m_stack->settings->setRememberSignIn(true);
    m_stack->store->setEntry(key, QStringLiteral("vrt_saved"));
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh") &&
            request.json().value("refresh_token").toString() == QLatin1String("vrt_saved"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_r"), QStringLiteral("vrt_rotated")));
        return FakeResponse::error(401, "invalid_refresh");
    });
    m_stack->flow->restore();
    QCOMPARE(m_stack->flow->state(), State::Restoring);
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QCOMPARE(m_stack->session->accessToken(), QStringLiteral("vat_r"));
    QCOMPARE(m_stack->api->baseUrl(), QUrl(server));
    // The saved token was used up by the refresh: the rotated one must replace it.
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_rotated"));
}

void TestSignInFlow::restoreWithRefusedToken()
{
    m_stack->settings->setServerUrl(QUrl(server));
    m_stack->settings->setLastEmail(QStringLiteral("demo@vigil.test"));
    m_stack->store->setEntry(key, QStringLiteral("vrt_dead"));
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::error(401, "session_revoked"); });
    m_stack->flow->restore();
    QTRY_COMPARE(m_stack->flow->state(), State::SignedOut);
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QCOMPARE(lastProblem()->error->code(), ApiError::Code::SessionRevoked);
}

void TestSignInFlow::noKeychainStillSignsIn()
{
    m_stack->store->setMode(FakeCredentialStore::Mode::Unavailable);
    QSignalSpy notices(m_stack->flow.get(), &SignInFlow::notice);
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QTRY_COMPARE(notices.count(), 1);
    QVERIFY(notices.constFirst().constFirst().toString().contains(QStringLiteral("keychain")));
    QVERIFY(!m_stack->flow->isRemembering());
    QVERIFY(m_stack->session->isSignedIn());
}

void TestSignInFlow::rotatedTokenIsSaved()
{
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_1"));
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/refresh"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_2"), QStringLiteral("vrt_2")));
        if (request.header("Authorization") == "Bearer vat_2")
            return FakeResponse::json(200, TestTokens::me());
        return FakeResponse::error(401, "token_expired");
    });
    ApiReply* reply = m_stack->api->send(ApiRequest::get(QStringLiteral("/v1/me")));
    QSignalSpy done(reply, &ApiReply::finished);
    QVERIFY(done.wait());
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_2"));
}

void TestSignInFlow::signOutForgetsEverything()
{
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_1"));
    m_stack->flow->signOut();
    QCOMPARE(m_stack->flow->state(), State::SignedOut);
    QVERIFY(!m_stack->session->isSignedIn());
    QVERIFY(m_stack->session->accessToken().isEmpty());
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QTRY_COMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/logout")), 1);
    QCOMPARE(m_stack->nam->requests().last().header("Authorization"), QByteArray("Bearer vat_1"));
}

void TestSignInFlow::revokedSessionReturnsToSignIn()
{
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_1"));
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::error(401, "session_revoked"); });
    m_stack->api->send(ApiRequest::get(QStringLiteral("/v1/me")));
    QTRY_COMPARE(m_stack->flow->state(), State::SignedOut);
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QCOMPARE(lastProblem()->error->code(), ApiError::Code::SessionRevoked);
}

void TestSignInFlow::ephemeralWritesNothing()
{
    m_stack->flow->setEphemeral(true);
    answerLogin(FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QTest::qWait(0);
    QCOMPARE(m_stack->store->writes(), 0);
    QVERIFY(m_stack->settings->serverUrl().isEmpty());
    QVERIFY(m_stack->settings->lastEmail().isEmpty());
}

void TestSignInFlow::deviceCookieIsKeptSentAndReplaced()
{
    answerLogin(FakeResponse::json(200, pairWithCookie(QStringLiteral("vrt_1"), QStringLiteral("vdc_first"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QTRY_COMPARE(m_stack->store->entries().value(cookieKey), QStringLiteral("vdc_first"));
    QVERIFY(!m_stack->nam->requests().constFirst().json().contains(QStringLiteral("device_cookie")));
    QCOMPARE(m_stack->session->refreshExpiresAt().toUTC(),
             QDateTime::fromString(QStringLiteral("2027-01-06T12:00:00Z"), Qt::ISODate).toUTC());

    // Signing out of Vigil forgets the sign-in, not that this computer signed in before.
    m_stack->flow->signOut();
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QTRY_COMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/logout")), 1);
    QCOMPARE(m_stack->store->entries().value(cookieKey), QStringLiteral("vdc_first"));

    answerLogin(FakeResponse::json(200, pairWithCookie(QStringLiteral("vrt_2"), QStringLiteral("vdc_second"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    const FakeRequest login = m_stack->nam->requests().constLast();
    QCOMPARE(login.path(), QStringLiteral("/v1/auth/login"));
    QCOMPARE(login.json().value("device_cookie").toString(), QStringLiteral("vdc_first"));
    QTRY_COMPARE(m_stack->store->entries().value(cookieKey), QStringLiteral("vdc_second"));
    QCOMPARE(m_stack->store->entries().value(key), QStringLiteral("vrt_2"));
}

void TestSignInFlow::deviceCookieIsKeptWithoutRemember()
{
    answerLogin(FakeResponse::json(200, pairWithCookie(QStringLiteral("vrt_1"), QStringLiteral("vdc_1"))));
    m_stack->flow->signIn(demo(false));
    QTRY_COMPARE(m_stack->store->entries().value(cookieKey), QStringLiteral("vdc_1"));
    QVERIFY(!m_stack->store->entries().contains(key));
    // Another account on the same server has its own cookie (none yet).
    QVERIFY(CredentialStore::deviceCookieKey(QUrl(server), QStringLiteral("other@vigil.test")) != cookieKey);
}

void TestSignInFlow::ephemeralNeitherSendsNorKeepsACookie()
{
    m_stack->store->setEntry(cookieKey, QStringLiteral("vdc_real"));
    m_stack->flow->setEphemeral(true);
    answerLogin(FakeResponse::json(200, pairWithCookie(QStringLiteral("vrt_1"), QStringLiteral("vdc_demo"))));
    m_stack->flow->signIn(demo());
    QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
    QVERIFY(!m_stack->nam->requests().constFirst().json().contains(QStringLiteral("device_cookie")));
    QTest::qWait(0);
    QCOMPARE(m_stack->store->writes(), 0);
    QCOMPARE(m_stack->store->entries().value(cookieKey), QStringLiteral("vdc_real"));
}

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "TestSignInFlow.moc"
