#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"

#include <QHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using State = SignOutFlow::State;
using Kind = SignOutFlow::ProblemKind;
using Scope = SignOutFlow::Scope;
using Result = DeviceSignOutResult::Result;

namespace {

const QString stepUpPath = QStringLiteral("/v1/step-up");
const QString resendPath = QStringLiteral("/v1/step-up/resend");
const QString verifyPath = QStringLiteral("/v1/step-up/verify");
const QString signOutPath = QStringLiteral("/v1/devices/sign-out");

FakeResponse challenge(const QString& id = QStringLiteral("chl_1"), const QString& method = QStringLiteral("email"))
{
    return FakeResponse::json(200,
                              QJsonObject{{QStringLiteral("challenge"), id},
                                          {QStringLiteral("method"), method},
                                          {QStringLiteral("destination"), QStringLiteral("d***@vigil.test")},
                                          {QStringLiteral("expires_in"), 600},
                                          {QStringLiteral("resend_after"), 30}});
}

FakeResponse verified()
{
    return FakeResponse::json(
        200,
        QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
}

FakeResponse codeError(int status,
                       const QByteArray& code,
                       std::optional<int> attemptsLeft,
                       std::optional<int> retryAfter = std::nullopt)
{
    QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(code)},
                     {QStringLiteral("message"), QStringLiteral("no")}};
    if (attemptsLeft)
        body.insert(QStringLiteral("attempts_left"), *attemptsLeft);
    if (retryAfter)
        body.insert(QStringLiteral("retry_after"), *retryAfter);
    return FakeResponse::json(status, body);
}

QJsonObject row(const QString& id, const QString& name, const QString& result, const QString& reason = {})
{
    QJsonObject object{
        {QStringLiteral("device_id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("result"), result}};
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    return object;
}

FakeResponse signOutResults(const QString& requestId, const QJsonArray& rows)
{
    return FakeResponse::json(
        200, QJsonObject{{QStringLiteral("request_id"), requestId}, {QStringLiteral("results"), rows}});
}

FakeResponse threeResults()
{
    return signOutResults(QStringLiteral("req_1"),
                          {row(QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("signed_out")),
                           row(QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("pending")),
                           row(QStringLiteral("dev_4"),
                               QStringLiteral("Office PC"),
                               QStringLiteral("failed"),
                               QStringLiteral("Device not reachable"))});
}

Scope threeDevices()
{
    return Scope::selected({{QStringLiteral("dev_2"), QStringLiteral("Living Room TV")},
                            {QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet")},
                            {QStringLiteral("dev_4"), QStringLiteral("Office PC")}});
}

} // namespace

class TestSignOutFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(new EnglishPlurals(this)); }
    void init();
    void cleanup();
    void confirmThenCancel();
    void journeyWithEmailCode();
    void cancelFromChoosingMethod();
    void cancelWhileVerifyingDropsLateAnswer();
    void chooseAnotherMethod();
    void validTokenIsReused();
    void tokenExpiresByClock();
    void wrongCodeShowsAttemptsLeft();
    void wrongPassword();
    void lastAttemptKillsChallenge();
    void fiveMissesLockWithCountdown();
    void resendCooldown();
    void resendRateLimited();
    void codeExpiredOffersResend();
    void codeExpiresByClock();
    void rateLimitedChallengeCountsDown();
    void networkFailureDuringChallenge();
    void networkFailureDuringSubmitRetries();
    void stepUpRefusedOnSubmitAsksAgain();
    void resultsPerDeviceAndLiveProgress();
    void retryFailedResubmitsOnlyFailed();
    void allIncludingThisDeviceReturnsToSignIn();
    void othersKeepsThisDevice();
    void selectedIncludingThisDevice();
    void ignoredOutsideTheirStates();

private:
    // Answers the next request to `path` with the next queued response; the last one repeats.
    void script(const QString& path, const QList<FakeResponse>& responses) { m_script.insert(path, responses); }
    FakeRequest lastRequest(const QString& path) const;
    // Confirming → … → Verifying with a challenge on hand.
    void reachVerifying(const QString& method = QStringLiteral("email"));
    // A whole sign-out of threeDevices() with an email code, ending in Reporting.
    void completeJourney();

    QDateTime m_now;
    QHash<QString, QList<FakeResponse>> m_script;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StepUpService> m_stepUp;
    std::unique_ptr<SignOutFlow> m_flow;
};

void TestSignOutFlow::init()
{
    m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    m_script.clear();
    m_nam = std::make_unique<FakeNetworkAccessManager>();
    m_nam->setHandler([this](const FakeRequest& request) {
        auto it = m_script.find(request.path());
        if (it == m_script.end() || it->isEmpty())
            return FakeResponse::error(404, "not_found");
        return it->size() > 1 ? it->takeFirst() : it->constFirst();
    });
    m_session = std::make_unique<Session>();
    const auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
    QVERIFY(tokens.hasValue());
    m_session->setTokens(QUrl(QStringLiteral("http://127.0.0.1:8765")), tokens.value());
    m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
    m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8765")));
    m_stepUp = std::make_unique<StepUpService>(m_api.get(), [this] { return m_now; });
    m_flow = std::make_unique<SignOutFlow>(m_api.get(), m_stepUp.get(), m_session.get());
}

void TestSignOutFlow::cleanup()
{
    m_flow.reset();
    m_stepUp.reset();
    m_api.reset();
    m_session.reset();
    m_nam.reset();
}

FakeRequest TestSignOutFlow::lastRequest(const QString& path) const
{
    const auto& requests = m_nam->requests();
    for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
        if (it->path() == path)
            return *it;
    }
    return {};
}

void TestSignOutFlow::reachVerifying(const QString& method)
{
    if (m_script.value(stepUpPath).isEmpty())
        script(stepUpPath, {challenge(QStringLiteral("chl_1"), method)});
    m_flow->start(threeDevices());
    QCOMPARE(m_flow->state(), State::Confirming);
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    m_flow->chooseMethod(method);
    QCOMPARE(m_flow->state(), State::Verifying);
    QVERIFY(m_flow->isBusy());
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(lastRequest(stepUpPath).json().value(QStringLiteral("method")).toString(), method);
}

void TestSignOutFlow::completeJourney()
{
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    reachVerifying();
    m_flow->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
}

void TestSignOutFlow::confirmThenCancel()
{
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(threeDevices());
    QCOMPARE(m_flow->state(), State::Confirming);
    QCOMPARE(m_flow->scope().devices.size(), 3);
    QCOMPARE(m_flow->scope().devices.first().name, QStringLiteral("Living Room TV"));
    QVERIFY(!m_flow->includesThisDevice());
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QCOMPARE(states.size(), 2);
    QVERIFY(m_nam->requests().isEmpty());
}

void TestSignOutFlow::journeyWithEmailCode()
{
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    reachVerifying();
    QCOMPARE(m_flow->method()->id(), QStringLiteral("email"));
    QVERIFY(m_flow->method()->needsChallengeSend());
    QCOMPARE(m_flow->destination(), QStringLiteral("d***@vigil.test"));
    QCOMPARE(m_flow->resendSecondsLeft(), 30);
    QVERIFY(!m_flow->canSubmit(QStringLiteral("12345")));
    QVERIFY(m_flow->canSubmit(QStringLiteral("123 456")));

    m_flow->submitSecret(QStringLiteral("123 456"));
    QVERIFY(m_flow->isBusy());
    QTRY_COMPARE(m_flow->state(), State::Reporting);

    const QJsonObject verify = lastRequest(verifyPath).json();
    QCOMPARE(verify.value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_1"));
    QCOMPARE(verify.value(QStringLiteral("secret")).toString(), QStringLiteral("123456"));
    const FakeRequest signOut = lastRequest(signOutPath);
    QCOMPARE(signOut.method, QByteArray("POST"));
    QCOMPARE(signOut.header("X-Step-Up"), QByteArray("vst_1"));
    QCOMPARE(signOut.json().value(QStringLiteral("ids")).toArray(),
             QJsonArray({QStringLiteral("dev_2"), QStringLiteral("dev_3"), QStringLiteral("dev_4")}));
    QCOMPARE(m_flow->requestId(), QStringLiteral("req_1"));
    QCOMPARE(m_flow->results()->rowCount(), 3);

    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Done);
    QList<State> seen;
    for (const auto& args : states)
        seen.append(args.constFirst().value<State>());
    QCOMPARE(seen,
             (QList<State>{State::Confirming,
                           State::ChoosingMethod,
                           State::Verifying,
                           State::Submitting,
                           State::Reporting,
                           State::Done}));
}

void TestSignOutFlow::cancelFromChoosingMethod()
{
    m_flow->start(threeDevices());
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->availableMethods().size(), 5);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(m_nam->requests().isEmpty());
}

void TestSignOutFlow::cancelWhileVerifyingDropsLateAnswer()
{
    script(stepUpPath, {FakeResponse::held()});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->chooseMethod(QStringLiteral("email"));
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_COMPARE(m_nam->heldCount(), 1);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_flow->isBusy());
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    m_nam->releaseHeld(challenge());
    QTRY_COMPARE(m_nam->heldCount(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(m_flow->destination().isEmpty());
    QCOMPARE(states.size(), 0);
}

void TestSignOutFlow::chooseAnotherMethod()
{
    reachVerifying();
    m_flow->chooseAnotherMethod();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->method(), nullptr);
    script(stepUpPath, {challenge(QStringLiteral("chl_2"), QStringLiteral("totp"))});
    m_flow->chooseMethod(QStringLiteral("totp"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->method()->id(), QStringLiteral("totp"));
    QVERIFY(!m_flow->canResend()); // nothing is sent for an authenticator app
}

void TestSignOutFlow::validTokenIsReused()
{
    completeJourney();
    QCOMPARE(m_nam->count(verifyPath), 1);
    QVERIFY(m_stepUp->validToken().has_value());

    m_now = m_now.addSecs(120);
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    m_flow->start(Scope::selected({{QStringLiteral("dev_5"), QStringLiteral("Bedroom TV")}}));
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::Submitting);
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_nam->count(verifyPath), 1);
    QCOMPARE(m_nam->count(stepUpPath), 1);
    QCOMPARE(m_nam->count(signOutPath), 2);
    QCOMPARE(lastRequest(signOutPath).header("X-Step-Up"), QByteArray("vst_1"));
    QCOMPARE(lastRequest(signOutPath).json().value(QStringLiteral("ids")).toArray(),
             QJsonArray({QStringLiteral("dev_5")}));
    for (const auto& args : states)
        QVERIFY(args.constFirst().value<State>() != State::ChoosingMethod);
}

void TestSignOutFlow::tokenExpiresByClock()
{
    completeJourney();
    m_now = m_now.addSecs(301);
    QVERIFY(!m_stepUp->validToken().has_value());
    m_flow->start(threeDevices());
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_nam->count(signOutPath), 1);
}

void TestSignOutFlow::wrongCodeShowsAttemptsLeft()
{
    script(verifyPath, {codeError(401, "invalid_code", 4)});
    reachVerifying();
    QSignalSpy problems(m_flow.get(), &SignOutFlow::problemChanged);
    m_flow->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->attemptsLeft(), std::optional<int>(4));
    QCOMPARE(m_flow->problem().kind, Kind::WrongSecret);
    QCOMPARE(m_flow->problem().message, QStringLiteral("That code isn't right. 4 attempts left."));
    QVERIFY(!problems.isEmpty());
    QVERIFY(m_flow->canSubmit(QStringLiteral("111111")));
    QVERIFY(!m_stepUp->validToken().has_value());
}

void TestSignOutFlow::wrongPassword()
{
    script(verifyPath, {codeError(401, "invalid_credentials", 2)});
    reachVerifying(QStringLiteral("password"));
    QVERIFY(m_flow->method()->isSecretMasked());
    QVERIFY(!m_flow->canResend());
    QVERIFY(m_flow->canSubmit(QStringLiteral("not a code")));
    m_flow->submitSecret(QStringLiteral("wrong password"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(lastRequest(verifyPath).json().value(QStringLiteral("secret")).toString(),
             QStringLiteral("wrong password"));
    QCOMPARE(m_flow->problem().kind, Kind::WrongSecret);
    QCOMPARE(m_flow->problem().message, QStringLiteral("That password isn't right. 2 attempts left."));
}

void TestSignOutFlow::lastAttemptKillsChallenge()
{
    script(verifyPath, {codeError(401, "invalid_code", 0)});
    reachVerifying();
    m_flow->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->problem().kind, Kind::ChallengeDead);
    QVERIFY(!m_flow->canSubmit(QStringLiteral("111111")));
    QVERIFY(m_flow->canResend()); // a new challenge is allowed at once
    script(stepUpPath, {challenge(QStringLiteral("chl_2"))});
    m_flow->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_nam->count(stepUpPath), 2);
    QCOMPARE(m_nam->count(resendPath), 0);
    QCOMPARE(m_flow->problem().kind, Kind::None);
    QVERIFY(m_flow->canSubmit(QStringLiteral("111111")));
}

void TestSignOutFlow::fiveMissesLockWithCountdown()
{
    script(verifyPath,
           {codeError(401, "invalid_code", 4),
            codeError(401, "invalid_code", 3),
            codeError(401, "invalid_code", 2),
            codeError(401, "invalid_code", 1),
            codeError(429, "challenge_locked", std::nullopt, 300)});
    reachVerifying();
    for (int left = 4; left >= 1; --left) {
        m_flow->submitSecret(QStringLiteral("000000"));
        QTRY_VERIFY(!m_flow->isBusy());
        QCOMPARE(m_flow->attemptsLeft(), std::optional<int>(left));
    }
    m_flow->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_nam->count(verifyPath), 5);
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(m_flow->lockoutSecondsLeft(), 300);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 5:00."));
    QVERIFY(!m_flow->canSubmit(QStringLiteral("111111")));
    QVERIFY(!m_flow->canResend());
    m_flow->submitSecret(QStringLiteral("111111"));
    QCOMPARE(m_nam->count(verifyPath), 5);

    QSignalSpy ticks(m_flow.get(), &SignOutFlow::countdownsChanged);
    m_now = m_now.addSecs(1);
    m_flow->refreshCountdowns();
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 4:59."));

    m_now = m_now.addSecs(299);
    m_flow->refreshCountdowns();
    QCOMPARE(m_flow->lockoutSecondsLeft(), 0);
    QCOMPARE(m_flow->problem().kind, Kind::None);
    QVERIFY(!m_flow->canSubmit(QStringLiteral("111111"))); // the locked challenge stays dead
    QVERIFY(m_flow->canResend());
}

void TestSignOutFlow::resendCooldown()
{
    reachVerifying();
    QVERIFY(!m_flow->canResend());
    QCOMPARE(m_flow->resendSecondsLeft(), 30);
    m_flow->resend();
    QCOMPARE(m_nam->count(resendPath), 0);

    m_now = m_now.addSecs(10);
    m_flow->refreshCountdowns();
    QCOMPARE(m_flow->resendSecondsLeft(), 20);
    QVERIFY(!m_flow->canResend());

    m_now = m_now.addSecs(20);
    m_flow->refreshCountdowns();
    QCOMPARE(m_flow->resendSecondsLeft(), 0);
    QVERIFY(m_flow->canResend());
    script(resendPath, {challenge()});
    m_flow->resend();
    QVERIFY(m_flow->isBusy());
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_nam->count(resendPath), 1);
    QCOMPARE(lastRequest(resendPath).json().value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_1"));
    QCOMPARE(m_flow->resendSecondsLeft(), 30);
    QVERIFY(!m_flow->canResend());
}

void TestSignOutFlow::resendRateLimited()
{
    reachVerifying();
    m_now = m_now.addSecs(30);
    FakeResponse limited = codeError(429, "too_many_attempts", std::nullopt);
    limited.headers.append({QByteArray("Retry-After"), QByteArray("120")});
    script(resendPath, {limited});
    m_flow->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->problem().kind, Kind::ResendLimited);
    QCOMPARE(m_flow->resendSecondsLeft(), 120);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many codes sent — you can send another in 2:00."));
    // The code already sent still works.
    QVERIFY(m_flow->canSubmit(QStringLiteral("123456")));
    QCOMPARE(m_flow->lockoutSecondsLeft(), 0);
}

void TestSignOutFlow::codeExpiredOffersResend()
{
    script(verifyPath, {codeError(410, "challenge_expired", std::nullopt)});
    reachVerifying();
    m_flow->submitSecret(QStringLiteral("123456"));
    QTRY_VERIFY(!m_flow->isBusy());
    QVERIFY(m_flow->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::CodeExpired);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Code expired — send a new one."));
    QVERIFY(!m_flow->canSubmit(QStringLiteral("123456")));
    QVERIFY(m_flow->canResend()); // even inside the resend cooldown
    script(stepUpPath, {challenge(QStringLiteral("chl_2"))});
    m_flow->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_nam->count(stepUpPath), 2);
    QVERIFY(!m_flow->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::None);
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    m_flow->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(verifyPath).json().value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_2"));
}

void TestSignOutFlow::codeExpiresByClock()
{
    reachVerifying();
    m_now = m_now.addSecs(599);
    m_flow->refreshCountdowns();
    QVERIFY(!m_flow->isCodeExpired());
    m_now = m_now.addSecs(1);
    m_flow->refreshCountdowns();
    QVERIFY(m_flow->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::CodeExpired);
    QVERIFY(m_flow->canResend());
}

void TestSignOutFlow::rateLimitedChallengeCountsDown()
{
    FakeResponse limited = codeError(429, "too_many_attempts", std::nullopt);
    limited.headers.append({QByteArray("Retry-After"), QByteArray("90")});
    script(stepUpPath, {limited});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->chooseMethod(QStringLiteral("sms"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(m_flow->lockoutSecondsLeft(), 90);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 1:30."));
    m_flow->chooseMethod(QStringLiteral("sms"));
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_nam->count(stepUpPath), 1);

    m_now = m_now.addSecs(90);
    m_flow->refreshCountdowns();
    QCOMPARE(m_flow->problem().kind, Kind::None);
    script(stepUpPath, {challenge(QStringLiteral("chl_2"), QStringLiteral("sms"))});
    m_flow->chooseMethod(QStringLiteral("sms"));
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_nam->count(stepUpPath), 2);
}

void TestSignOutFlow::networkFailureDuringChallenge()
{
    script(stepUpPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError)});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->chooseMethod(QStringLiteral("email"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::NoConnection);
    QVERIFY(m_flow->problem().canRetry);
    QVERIFY(m_flow->problem().message.contains(QStringLiteral("can't reach the server")));
}

void TestSignOutFlow::networkFailureDuringSubmitRetries()
{
    script(verifyPath, {verified()});
    script(signOutPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError), threeResults()});
    reachVerifying();
    m_flow->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(m_flow->problem().kind, Kind::NoConnection);
    QVERIFY(m_flow->problem().canRetry);
    QVERIFY(!m_flow->problem().message.isEmpty());
    const QByteArray firstBody = lastRequest(signOutPath).body;

    m_flow->retry();
    QCOMPARE(m_flow->state(), State::Submitting);
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_nam->count(signOutPath), 2);
    QCOMPARE(m_nam->count(verifyPath), 1);
    QCOMPARE(lastRequest(signOutPath).body, firstBody);
    QCOMPARE(m_flow->problem().kind, Kind::None);
}

void TestSignOutFlow::stepUpRefusedOnSubmitAsksAgain()
{
    script(verifyPath, {verified()});
    script(signOutPath, {FakeResponse::error(403, "step_up_required")});
    reachVerifying();
    m_flow->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::StepUpRequired);
    QVERIFY(!m_stepUp->validToken().has_value());
}

void TestSignOutFlow::resultsPerDeviceAndLiveProgress()
{
    completeJourney();
    SignOutResultsModel* results = m_flow->results();
    QCOMPARE(results->rowCount(), 3);
    QCOMPARE(results->count(Result::SignedOut), 1);
    QCOMPARE(results->count(Result::Pending), 1);
    QCOMPARE(results->count(Result::Failed), 1);
    QCOMPARE(results->results().at(2).reason, QStringLiteral("Device not reachable"));
    QCOMPARE(results->summaryText(), QStringLiteral("1 signed out, 1 pending, 1 failed"));

    QSignalSpy summary(results, &SignOutResultsModel::summaryChanged);
    QVERIFY(!m_flow->applyProgress(QStringLiteral("req_other"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    QVERIFY(!m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_9"), QStringLiteral("signed_out")));
    QCOMPARE(results->count(Result::Pending), 1);
    QCOMPARE(summary.size(), 0);

    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Done);
    // The panel may be closed; the results keep following the events.
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    QCOMPARE(results->count(Result::Pending), 0);
    QCOMPARE(results->count(Result::SignedOut), 2);
    QCOMPARE(results->data(results->index(1), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Kid's Tablet: signed out"));
    QCOMPARE(summary.size(), 1);
}

void TestSignOutFlow::retryFailedResubmitsOnlyFailed()
{
    completeJourney();
    script(signOutPath,
           {signOutResults(QStringLiteral("req_2"),
                           {row(QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("pending"))})});
    m_flow->retryFailed();
    QCOMPARE(m_flow->state(), State::Submitting);
    QVERIFY(m_flow->results()->data(m_flow->results()->index(2), SignOutResultsModel::RetryingRole).toBool());
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    const QJsonObject body = lastRequest(signOutPath).json();
    QCOMPARE(body.value(QStringLiteral("ids")).toArray(), QJsonArray({QStringLiteral("dev_4")}));
    QVERIFY(!body.contains(QStringLiteral("scope")));
    QCOMPARE(m_nam->count(verifyPath), 1); // the token was still valid

    SignOutResultsModel* results = m_flow->results();
    QCOMPARE(results->rowCount(), 3);
    QCOMPARE(results->count(Result::Failed), 0);
    QCOMPARE(results->count(Result::Pending), 2);
    QVERIFY(!results->data(results->index(2), SignOutResultsModel::RetryingRole).toBool());
    // Events of both requests are followed.
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_2"), QStringLiteral("dev_4"), QStringLiteral("signed_out")));
    QCOMPARE(results->count(Result::SignedOut), 3);

    // Nothing failed any more: nothing to retry.
    m_flow->retryFailed();
    QCOMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_nam->count(signOutPath), 2);
}

void TestSignOutFlow::allIncludingThisDeviceReturnsToSignIn()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    script(signOutPath,
           {signOutResults(
               QStringLiteral("req_3"),
               {row(QStringLiteral("dev_1"), QStringLiteral("This Computer"), QStringLiteral("signed_out")),
                row(QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("signed_out"))})});
    m_flow->start(Scope::all());
    QVERIFY(m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::ReturnToSignIn);
    QCOMPARE(back.size(), 1);
    QCOMPARE(lastRequest(signOutPath).json(), QJsonObject({{QStringLiteral("scope"), QStringLiteral("all")}}));
    QCOMPARE(m_flow->results()->rowCount(), 2);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::ReturnToSignIn);
}

void TestSignOutFlow::othersKeepsThisDevice()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    m_flow->start(Scope::others());
    QVERIFY(!m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(signOutPath).json(), QJsonObject({{QStringLiteral("scope"), QStringLiteral("others")}}));
    QCOMPARE(back.size(), 0);
}

void TestSignOutFlow::selectedIncludingThisDevice()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    script(signOutPath,
           {signOutResults(
               QStringLiteral("req_4"),
               {row(QStringLiteral("dev_1"), QStringLiteral("This Computer"), QStringLiteral("signed_out"))})});
    m_flow->start(Scope::selected({{QStringLiteral("dev_1"), QStringLiteral("This Computer")}}));
    QVERIFY(m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::ReturnToSignIn);
    QCOMPARE(back.size(), 1);
}

void TestSignOutFlow::ignoredOutsideTheirStates()
{
    m_flow->confirm();
    m_flow->chooseMethod(QStringLiteral("email"));
    m_flow->submitSecret(QStringLiteral("123456"));
    m_flow->resend();
    m_flow->retry();
    m_flow->retryFailed();
    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(Scope::selected({}));
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->chooseMethod(QStringLiteral("carrier-pigeon"));
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    m_flow->start(threeDevices()); // no restart in the middle of a sign-out
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QVERIFY(m_nam->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestSignOutFlow)
#include "TestSignOutFlow.moc"
