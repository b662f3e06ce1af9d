// The Security page's core against a real vigil-mockd: StepUpFlow, PasswordChangeFlow,
// TwoStepService (authenticator-app enrolment with codes computed here) and SupportCodeService.
#include "ConfirmDevice.h"
#include "FakeCredentialStore.h"
#include "MockdProcess.h"
#include "TestTotp.h"
#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/settings/AppSettings.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace vigil;

namespace {

const QString demoEmail = QStringLiteral("demo@vigil.test");
const QString demoPassword = QStringLiteral("vigil-demo-2026");

QStringList g_logLines;
void recordingHandler(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logLines.append(message);
}

} // namespace

class TestSecurityLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void stepUpFlowWithPassword();
    void passwordChecksBeforeSending();
    void passwordWrongCurrentIsAFieldError();
    void passwordBlocked();
    void passwordChangeSignsEveryDeviceOut();
    void passwordChangeKeepsThisDevice();
    void twoStepEnrolmentAndRecoveryCodes();
    void supportCode();

private:
    struct Client
    {
        Client(AppSettings* settings, CredentialStore* store)
            : api(&network, &session), flow(&api, &session, store, settings), stepUp(&api)
        {}
        QNetworkAccessManager network;
        Session session;
        ApiClient api;
        SignInFlow flow;
        StepUpService stepUp;
    };

    void signIn(Client& client);
    bool verifyWithPassword(Client& client);
    int loginStatus(const QString& email, const QString& password);
    QDateTime serverNow();

    std::unique_ptr<MockdProcess> m_mockd;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<FakeCredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    QNetworkAccessManager m_raw;
};

void TestSecurityLive::init()
{
    m_mockd = std::make_unique<MockdProcess>();
    QVERIFY2(m_mockd->start(), qPrintable(m_mockd->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(m_qsettings.get());
    m_store = std::make_unique<FakeCredentialStore>();
    m_client = std::make_unique<Client>(m_settings.get(), m_store.get());
    signIn(*m_client);
}

void TestSecurityLive::cleanup()
{
    m_client.reset();
    m_store.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
    if (m_mockd)
        QCOMPARE(m_mockd->stop(), 0);
    m_mockd.reset();
}

void TestSecurityLive::signIn(Client& client)
{
    client.flow.signIn({m_mockd->baseUrl().toString(), demoEmail, demoPassword, false});
    QTRY_COMPARE_WITH_TIMEOUT(client.flow.state(), SignInFlow::State::SignedIn, 15000);
    QVERIFY(confirmDevice(m_raw, m_mockd->baseUrl(), client.session.deviceId()));
}

bool TestSecurityLive::verifyWithPassword(Client& client)
{
    StepUpFlow flow(&client.stepUp);
    QSignalSpy verified(&flow, &StepUpFlow::verified);
    flow.start();
    flow.chooseMethod(QStringLiteral("password"));
    if (!QTest::qWaitFor([&] { return !flow.isBusy(); }, 10000))
        return false;
    flow.submitSecret(demoPassword);
    return verified.wait(10000) && client.stepUp.validToken().has_value();
}

int TestSecurityLive::loginStatus(const QString& email, const QString& password)
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(QStringLiteral("/v1/auth/login"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_raw.post(
        request,
        QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

QDateTime TestSecurityLive::serverNow()
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(QStringLiteral("/__admin/clock"));
    QNetworkRequest request(url);
    request.setRawHeader("X-Admin-Key", MockdProcess::adminKey);
    QNetworkReply* reply = m_raw.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return QDateTime::fromString(answer.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs);
}

void TestSecurityLive::stepUpFlowWithPassword()
{
    StepUpFlow flow(&m_client->stepUp);
    QSignalSpy verified(&flow, &StepUpFlow::verified);
    QSignalSpy states(&flow, &StepUpFlow::stateChanged);
    QCOMPARE(flow.state(), StepUpFlow::State::Idle);
    flow.setAvailableMethods({QStringLiteral("password"), QStringLiteral("email")});
    QCOMPARE(flow.availableMethods().size(), 2);
    flow.start();
    QCOMPARE(flow.state(), StepUpFlow::State::ChoosingMethod);
    flow.chooseMethod(QStringLiteral("nonsense"));
    QCOMPARE(flow.state(), StepUpFlow::State::ChoosingMethod);
    flow.chooseMethod(QStringLiteral("password"));
    QCOMPARE(flow.state(), StepUpFlow::State::Verifying);
    QVERIFY(flow.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!flow.isBusy(), 10000);
    QCOMPARE(flow.problem().kind, StepUpFlow::ProblemKind::None);
    QVERIFY(!flow.canResend()); // nothing is sent for a password

    flow.submitSecret(QStringLiteral("not-the-password"));
    QTRY_VERIFY_WITH_TIMEOUT(!flow.isBusy(), 10000);
    QCOMPARE(flow.state(), StepUpFlow::State::Verifying);
    QCOMPARE(flow.problem().kind, StepUpFlow::ProblemKind::WrongSecret);
    QVERIFY(flow.attemptsLeft().has_value());
    QVERIFY2(flow.problem().message.startsWith(QLatin1String("That password isn't right.")),
             qPrintable(flow.problem().message));
    QVERIFY(verified.isEmpty());
    QVERIFY(!m_client->stepUp.validToken());

    flow.submitSecret(demoPassword);
    QVERIFY(verified.wait(10000));
    QCOMPARE(flow.state(), StepUpFlow::State::Verified);
    QCOMPARE(flow.problem().kind, StepUpFlow::ProblemKind::None);
    QVERIFY(m_client->stepUp.validToken().has_value());

    // With the token on hand a second action does not ask again.
    flow.cancel();
    QCOMPARE(flow.state(), StepUpFlow::State::Idle);
    flow.start();
    QCOMPARE(flow.state(), StepUpFlow::State::Verified);
    QCOMPARE(verified.size(), 2);

    // A refused token: back to the choice, with the reason.
    flow.restartAfterRefusal(ApiError(ApiError::Code::StepUpRequired));
    QCOMPARE(flow.state(), StepUpFlow::State::ChoosingMethod);
    QCOMPARE(flow.problem().kind, StepUpFlow::ProblemKind::StepUpRequired);
    QVERIFY(!m_client->stepUp.validToken());
}

void TestSecurityLive::passwordChecksBeforeSending()
{
    PasswordChangeFlow flow(&m_client->api, &m_client->stepUp);
    flow.submit(demoPassword, QStringLiteral("short"), QStringLiteral("short"), PasswordChangeFlow::SignOut::None);
    QCOMPARE(flow.state(), PasswordChangeFlow::State::Failed);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::TooShort);
    QCOMPARE(flow.problem().field, PasswordChangeFlow::Field::New);
    flow.submit(demoPassword,
                QStringLiteral("a long enough one"),
                QStringLiteral("a long enough two"),
                PasswordChangeFlow::SignOut::None);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::Mismatch);
    QCOMPARE(flow.problem().field, PasswordChangeFlow::Field::Confirmation);
    const QString tooLong(129, QLatin1Char('x'));
    flow.submit(demoPassword, tooLong, tooLong, PasswordChangeFlow::SignOut::None);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::TooLong);
    QVERIFY(!m_client->stepUp.validToken()); // nothing was sent
}

void TestSecurityLive::passwordWrongCurrentIsAFieldError()
{
    PasswordChangeFlow flow(&m_client->api, &m_client->stepUp);
    const QString fresh = QStringLiteral("maple orbit lantern 42");
    flow.submit(QStringLiteral("not-the-password"), fresh, fresh, PasswordChangeFlow::SignOut::All);
    QCOMPARE(flow.state(), PasswordChangeFlow::State::Working);
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), PasswordChangeFlow::State::Failed, 15000);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::WrongCurrent);
    QCOMPARE(flow.problem().field, PasswordChangeFlow::Field::Current);
    QCOMPARE(flow.problem().message, QStringLiteral("Your current password isn't right."));
    QCOMPARE(loginStatus(demoEmail, demoPassword), 200);
    QCOMPARE(loginStatus(demoEmail, fresh), 401);
}

void TestSecurityLive::passwordBlocked()
{
    PasswordChangeFlow flow(&m_client->api, &m_client->stepUp);
    QSignalSpy back(&flow, &PasswordChangeFlow::returnToSignInRequested);
    flow.submit(demoPassword, QStringLiteral("FootBall"), QStringLiteral("FootBall"), PasswordChangeFlow::SignOut::All);
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), PasswordChangeFlow::State::Failed, 15000);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::Blocked);
    QCOMPARE(flow.problem().field, PasswordChangeFlow::Field::New);
    QVERIFY(back.isEmpty());
    QVERIFY(m_client->session.isSignedIn());
    QCOMPARE(loginStatus(demoEmail, demoPassword), 200);
}

void TestSecurityLive::passwordChangeSignsEveryDeviceOut()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*=true"));
    g_logLines.clear();
    const auto previousHandler = qInstallMessageHandler(recordingHandler);
    const auto restoreLogging = qScopeGuard([previousHandler] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    PasswordChangeFlow flow(&m_client->api, &m_client->stepUp);
    QSignalSpy back(&flow, &PasswordChangeFlow::returnToSignInRequested);
    const QString fresh = QStringLiteral("copper kettle sunrise 77");
    flow.submit(demoPassword, fresh, fresh, PasswordChangeFlow::SignOut::All);
    QVERIFY(back.wait(20000));
    QCOMPARE(back.size(), 1);
    QCOMPARE(flow.state(), PasswordChangeFlow::State::ReturnToSignIn);
    QVERIFY(flow.results()->rowCount() >= 12); // the demo household's devices, each with its result
    QVERIFY(!m_client->stepUp.validToken());
    QCOMPARE(loginStatus(demoEmail, demoPassword), 401);
    QCOMPARE(loginStatus(demoEmail, fresh), 200);
    // This session ended with the others.
    ApiReply* me = m_client->api.send(ApiRequest::get(QStringLiteral("/v1/me")));
    std::optional<bool> meWorked;
    connect(me, &ApiReply::finished, this, [&] { meWorked = bool(me->result()); });
    QTRY_VERIFY_WITH_TIMEOUT(meWorked.has_value(), 10000);
    QVERIFY(!*meWorked);

    const QString logs = g_logLines.join(QLatin1Char('\n')) + QString::fromUtf8(m_mockd->output());
    QVERIFY2(!logs.contains(demoPassword), "the old password reached a log");
    QVERIFY2(!logs.contains(fresh), "the new password reached a log");
}

void TestSecurityLive::passwordChangeKeepsThisDevice()
{
    PasswordChangeFlow flow(&m_client->api, &m_client->stepUp);
    QSignalSpy back(&flow, &PasswordChangeFlow::returnToSignInRequested);
    const QString fresh = QStringLiteral("velvet harbor nine 3");
    flow.submit(demoPassword, fresh, fresh, PasswordChangeFlow::SignOut::Others);
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), PasswordChangeFlow::State::Done, 20000);
    QVERIFY(back.isEmpty());
    QVERIFY(flow.results()->rowCount() > 0);
    QVERIFY(m_client->session.isSignedIn());
    QCOMPARE(loginStatus(demoEmail, fresh), 200);
    // The step-up token earned with the old password still serves this session: a second change
    // goes straight through.
    QVERIFY(m_client->stepUp.validToken().has_value());
    const QString again = QStringLiteral("velvet harbor ten 4");
    flow.submit(fresh, again, again, PasswordChangeFlow::SignOut::None);
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), PasswordChangeFlow::State::Done, 20000);
    QCOMPARE(flow.results()->rowCount(), 0);
    QCOMPARE(loginStatus(demoEmail, again), 200);
}

void TestSecurityLive::twoStepEnrolmentAndRecoveryCodes()
{
    TwoStepService service(&m_client->api, &m_client->stepUp);
    QSignalSpy changed(&service, &TwoStepService::statusChanged);
    service.reload();
    QVERIFY(changed.wait(10000));
    QVERIFY(service.status().has_value());
    QVERIFY(!service.status()->totp);
    QVERIFY(!service.stepUpMethods().contains(QStringLiteral("totp")));

    // Without a step-up token nothing is sent.
    std::optional<Expected<TotpEnrolment, ApiError>> enrolment;
    service.startEnrolment(this, [&](const Expected<TotpEnrolment, ApiError>& result) { enrolment = result; });
    QVERIFY(enrolment && !*enrolment);
    QCOMPARE(enrolment->error().code(), ApiError::Code::StepUpRequired);

    QVERIFY(verifyWithPassword(*m_client));
    enrolment.reset();
    service.startEnrolment(this, [&](const Expected<TotpEnrolment, ApiError>& result) { enrolment = result; });
    QTRY_VERIFY_WITH_TIMEOUT(enrolment.has_value(), 10000);
    QVERIFY2(enrolment->hasValue(), qPrintable(enrolment->hasValue() ? QString() : enrolment->error().userText()));
    const TotpEnrolment pending = enrolment->value();
    QVERIFY(pending.otpauthUri.startsWith(QLatin1String("otpauth://totp/")));
    QVERIFY(pending.otpauthUri.contains(pending.secret));
    const QByteArray key = TestTotp::base32Decode(pending.secret);
    QCOMPARE(key.size(), 20);

    const QDateTime now = serverNow();
    QVERIFY(now.isValid());
    const QString code = TestTotp::code(key, now.toSecsSinceEpoch());
    const QString wrong = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    std::optional<Expected<QStringList, ApiError>> codes;
    service.confirmEnrolment(
        pending.enrolment, wrong, this, [&](const Expected<QStringList, ApiError>& result) { codes = result; });
    QTRY_VERIFY_WITH_TIMEOUT(codes.has_value(), 10000);
    QVERIFY(!*codes);
    QCOMPARE(codes->error().code(), ApiError::Code::InvalidCode);

    codes.reset();
    changed.clear();
    service.confirmEnrolment(
        pending.enrolment, code, this, [&](const Expected<QStringList, ApiError>& result) { codes = result; });
    QTRY_VERIFY_WITH_TIMEOUT(codes.has_value(), 10000);
    QVERIFY2(codes->hasValue(), qPrintable(codes->hasValue() ? QString() : codes->error().userText()));
    QCOMPARE(codes->value().size(), 10);
    const QRegularExpression format(QStringLiteral("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$"));
    for (const QString& recovery : codes->value())
        QVERIFY2(format.match(recovery).hasMatch(), qPrintable(recovery));
    QTRY_VERIFY_WITH_TIMEOUT(service.status() && service.status()->totp, 10000);
    QCOMPARE(service.status()->recoveryCodesLeft, 10);
    QVERIFY(service.stepUpMethods().contains(QStringLiteral("totp")));

    // New recovery codes replace the old ones.
    const QStringList first = codes->value();
    codes.reset();
    service.regenerateRecoveryCodes(this, [&](const Expected<QStringList, ApiError>& result) { codes = result; });
    QTRY_VERIFY_WITH_TIMEOUT(codes.has_value(), 10000);
    QVERIFY(codes->hasValue());
    QCOMPARE(codes->value().size(), 10);
    QVERIFY(codes->value() != first);

    // Turned off: the app and the codes are gone.
    std::optional<Expected<bool, ApiError>> off;
    service.disableTotp(this, [&](const Expected<bool, ApiError>& result) { off = result; });
    QTRY_VERIFY_WITH_TIMEOUT(off.has_value(), 10000);
    QVERIFY(off->hasValue());
    QTRY_VERIFY_WITH_TIMEOUT(service.status() && !service.status()->totp, 10000);

    // Text message codes, on and off (the demo account has a verified phone).
    for (const bool on : {!service.status()->sms, service.status()->sms}) {
        std::optional<Expected<TwoStepStatus, ApiError>> switched;
        service.setTextMessageCodes(
            on, this, [&](const Expected<TwoStepStatus, ApiError>& result) { switched = result; });
        QTRY_VERIFY_WITH_TIMEOUT(switched.has_value(), 10000);
        QVERIFY(switched->hasValue());
        QCOMPARE(switched->value().sms, on);
        QCOMPARE(service.status()->sms, on);
        QVERIFY(service.stepUpMethods().contains(QStringLiteral("sms")) == on);
    }
}

void TestSecurityLive::supportCode()
{
    SupportCodeService service(&m_client->api, &m_client->stepUp);
    std::optional<Expected<SupportCode, ApiError>> code;
    service.create(this, [&](const Expected<SupportCode, ApiError>& result) { code = result; });
    QVERIFY(code && !*code);
    QCOMPARE(code->error().code(), ApiError::Code::StepUpRequired);

    QVERIFY(verifyWithPassword(*m_client));
    code.reset();
    service.create(this, [&](const Expected<SupportCode, ApiError>& result) { code = result; });
    QTRY_VERIFY_WITH_TIMEOUT(code.has_value(), 10000);
    QVERIFY2(code->hasValue(), qPrintable(code->hasValue() ? QString() : code->error().userText()));
    const QRegularExpression format(QStringLiteral("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"));
    QVERIFY2(format.match(code->value().code).hasMatch(), qPrintable(code->value().code));
    const qint64 left = service.now().secsTo(code->value().expiresAt);
    QVERIFY2(left > 590 && left <= 600, qPrintable(QString::number(left)));
    QCOMPARE(SupportCode::formatted(QStringLiteral("7kq2m9xf")), QStringLiteral("7KQ2-M9XF"));
}

QTEST_GUILESS_MAIN(TestSecurityLive)
#include "TestSecurityLive.moc"
