#include "TestSignOutFlowFixture.h"
#include "core/util/EnglishPlurals.h"

// SignOutFlow while verifying: wrong secrets, lockout, resend, expiry, rate limits.
class TestSignOutFlowVerification final : public SignOutFlowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(new EnglishPlurals(this)); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void chooseAnotherMethod();
    void wrongCodeShowsAttemptsLeft();
    void wrongPassword();
    void lastAttemptKillsChallenge();
    void fiveMissesLockWithCountdown();
    void resendCooldown();
    void resendRateLimited();
    void codeExpiredOffersResend();
    void codeExpiresByClock();
    void rateLimitedChallengeCountsDown();
    void accountWaitKeepsTheChallenge();
    void methodTurnedOffIsNoLongerOffered();
    void networkFailureDuringChallenge();
};

void TestSignOutFlowVerification::chooseAnotherMethod()
{
    reachVerifying();
    m_flow->stepUpFlow()->chooseAnotherMethod();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->stepUpFlow()->method(), nullptr);
    script(stepUpPath, {challenge(QStringLiteral("chl_2"), QStringLiteral("totp"))});
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("totp"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->stepUpFlow()->method()->id(), QStringLiteral("totp"));
    QVERIFY(!m_flow->stepUpFlow()->canResend()); // nothing is sent for an authenticator app
}

void TestSignOutFlowVerification::wrongCodeShowsAttemptsLeft()
{
    script(verifyPath, {codeError(401, "invalid_code", 4)});
    reachVerifying();
    QSignalSpy problems(m_flow.get(), &SignOutFlow::problemChanged);
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->stepUpFlow()->attemptsLeft(), std::optional<int>(4));
    QCOMPARE(m_flow->problem().kind, Kind::WrongSecret);
    QCOMPARE(m_flow->problem().message, QStringLiteral("That code isn't right. 4 attempts left."));
    QVERIFY(!problems.isEmpty());
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("111111")));
    QVERIFY(!m_stack->stepUp->validToken().has_value());
}

void TestSignOutFlowVerification::wrongPassword()
{
    script(verifyPath, {codeError(401, "invalid_credentials", 2)});
    reachVerifying(QStringLiteral("password"));
    QVERIFY(m_flow->stepUpFlow()->method()->isSecretMasked());
    QVERIFY(!m_flow->stepUpFlow()->canResend());
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("not a code")));
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("wrong password"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(lastRequest(verifyPath).json().value(QStringLiteral("secret")).toString(),
             QStringLiteral("wrong password"));
    QCOMPARE(m_flow->problem().kind, Kind::WrongSecret);
    QCOMPARE(m_flow->problem().message, QStringLiteral("That password isn't right. 2 attempts left."));
}

void TestSignOutFlowVerification::lastAttemptKillsChallenge()
{
    script(verifyPath, {codeError(401, "invalid_code", 0)});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->problem().kind, Kind::ChallengeDead);
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("111111")));
    QVERIFY(m_flow->stepUpFlow()->canResend()); // a new challenge is allowed at once
    script(stepUpPath, {challenge(QStringLiteral("chl_2"))});
    m_flow->stepUpFlow()->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(stepUpPath), 2);
    QCOMPARE(m_stack->nam->count(resendPath), 0);
    QCOMPARE(m_flow->problem().kind, Kind::None);
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("111111")));
}

void TestSignOutFlowVerification::fiveMissesLockWithCountdown()
{
    script(verifyPath,
           {codeError(401, "invalid_code", 4),
            codeError(401, "invalid_code", 3),
            codeError(401, "invalid_code", 2),
            codeError(401, "invalid_code", 1),
            codeError(429, "challenge_locked", std::nullopt, 300)});
    reachVerifying();
    for (int left = 4; left >= 1; --left) {
        m_flow->stepUpFlow()->submitSecret(QStringLiteral("000000"));
        QTRY_VERIFY(!m_flow->isBusy());
        QCOMPARE(m_flow->stepUpFlow()->attemptsLeft(), std::optional<int>(left));
    }
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(verifyPath), 5);
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(m_flow->stepUpFlow()->lockoutSecondsLeft(), 300);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 5:00."));
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("111111")));
    QVERIFY(!m_flow->stepUpFlow()->canResend());
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("111111"));
    QCOMPARE(m_stack->nam->count(verifyPath), 5);

    QSignalSpy ticks(m_flow->stepUpFlow(), &StepUpFlow::countdownsChanged);
    m_stack->now = m_stack->now.addSecs(1);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 4:59."));

    m_stack->now = m_stack->now.addSecs(299);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->stepUpFlow()->lockoutSecondsLeft(), 0);
    QCOMPARE(m_flow->problem().kind, Kind::None);
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("111111"))); // the locked challenge stays dead
    QVERIFY(m_flow->stepUpFlow()->canResend());
}

void TestSignOutFlowVerification::resendCooldown()
{
    reachVerifying();
    QVERIFY(!m_flow->stepUpFlow()->canResend());
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 30);
    m_flow->stepUpFlow()->resend();
    QCOMPARE(m_stack->nam->count(resendPath), 0);

    m_stack->now = m_stack->now.addSecs(10);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 20);
    QVERIFY(!m_flow->stepUpFlow()->canResend());

    m_stack->now = m_stack->now.addSecs(20);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 0);
    QVERIFY(m_flow->stepUpFlow()->canResend());
    script(resendPath, {challenge()});
    m_flow->stepUpFlow()->resend();
    QVERIFY(m_flow->isBusy());
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(resendPath), 1);
    QCOMPARE(lastRequest(resendPath).json().value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_1"));
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 30);
    QVERIFY(!m_flow->stepUpFlow()->canResend());
}

void TestSignOutFlowVerification::resendRateLimited()
{
    reachVerifying();
    m_stack->now = m_stack->now.addSecs(30);
    FakeResponse limited = codeError(429, "too_many_attempts", std::nullopt);
    limited.headers.append({QByteArray("Retry-After"), QByteArray("120")});
    script(resendPath, {limited});
    m_flow->stepUpFlow()->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->problem().kind, Kind::ResendLimited);
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 120);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many codes sent — you can send another in 2:00."));
    // The code already sent still works.
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("123456")));
    QCOMPARE(m_flow->stepUpFlow()->lockoutSecondsLeft(), 0);
}

void TestSignOutFlowVerification::codeExpiredOffersResend()
{
    script(verifyPath, {codeError(410, "challenge_expired", std::nullopt)});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_VERIFY(!m_flow->isBusy());
    QVERIFY(m_flow->stepUpFlow()->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::CodeExpired);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Code expired — send a new one."));
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("123456")));
    QVERIFY(m_flow->stepUpFlow()->canResend()); // even inside the resend cooldown
    script(stepUpPath, {challenge(QStringLiteral("chl_2"))});
    m_flow->stepUpFlow()->resend();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(stepUpPath), 2);
    QVERIFY(!m_flow->stepUpFlow()->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::None);
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(verifyPath).json().value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_2"));
}

void TestSignOutFlowVerification::codeExpiresByClock()
{
    reachVerifying();
    m_stack->now = m_stack->now.addSecs(599);
    m_flow->stepUpFlow()->refreshCountdowns();
    QVERIFY(!m_flow->stepUpFlow()->isCodeExpired());
    m_stack->now = m_stack->now.addSecs(1);
    m_flow->stepUpFlow()->refreshCountdowns();
    QVERIFY(m_flow->stepUpFlow()->isCodeExpired());
    QCOMPARE(m_flow->problem().kind, Kind::CodeExpired);
    QVERIFY(m_flow->stepUpFlow()->canResend());
}

void TestSignOutFlowVerification::rateLimitedChallengeCountsDown()
{
    FakeResponse limited = codeError(429, "too_many_attempts", std::nullopt);
    limited.headers.append({QByteArray("Retry-After"), QByteArray("90")});
    script(stepUpPath, {limited});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("sms"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(m_flow->stepUpFlow()->lockoutSecondsLeft(), 90);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 1:30."));
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("sms"));
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_stack->nam->count(stepUpPath), 1);
    // Starting over does not hide the lockout.
    m_flow->cancel();
    m_flow->start(threeDevices());
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    m_stack->now = m_stack->now.addSecs(30);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 1:00."));
    m_stack->now = m_stack->now.addSecs(-30);

    m_stack->now = m_stack->now.addSecs(90);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->problem().kind, Kind::None);
    script(stepUpPath, {challenge(QStringLiteral("chl_2"), QStringLiteral("sms"))});
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("sms"));
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(stepUpPath), 2);
}

void TestSignOutFlowVerification::accountWaitKeepsTheChallenge()
{
    // The service's guessing budget (every method, every challenge) answers 429 with the tries
    // this challenge still has: a countdown, then the same challenge works again.
    FakeResponse wait = codeError(429, "too_many_attempts", 3, 30);
    wait.headers.append({QByteArray("Retry-After"), QByteArray("30")});
    script(verifyPath, {wait, verified()});
    script(signOutPath, {threeResults()});
    reachVerifying(QStringLiteral("password"));
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("not-the-password"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(m_flow->stepUpFlow()->lockoutSecondsLeft(), 30);
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 0:30."));
    QCOMPARE(m_flow->stepUpFlow()->attemptsLeft(), std::optional<int>(3));
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("the-right-password")));
    QVERIFY(!m_flow->stepUpFlow()->canResend());

    m_stack->now = m_stack->now.addSecs(29);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->problem().message, QStringLiteral("Too many attempts — try again in 0:01."));
    m_stack->now = m_stack->now.addSecs(1);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(m_flow->problem().kind, Kind::None);
    QCOMPARE(m_flow->stepUpFlow()->attemptsLeft(), std::optional<int>(3));
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("the-right-password")));
    QVERIFY(!m_flow->stepUpFlow()->canResend()); // nothing to start again: the challenge is still good
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("the-right-password"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_stack->nam->count(stepUpPath), 1);
    QCOMPARE(m_stack->nam->count(verifyPath), 2);
}

void TestSignOutFlowVerification::methodTurnedOffIsNoLongerOffered()
{
    // Text-message codes were turned off on another device after the method list was read.
    script(stepUpPath,
           {FakeResponse::json(422,
                               {{QStringLiteral("error"), QStringLiteral("invalid_field")},
                                {QStringLiteral("field"), QStringLiteral("method")},
                                {QStringLiteral("message"), QStringLiteral("Text message codes are turned off.")}})});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("sms"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::MethodUnavailable);
    QCOMPARE(m_flow->problem().message,
             QStringLiteral("That way to confirm isn't available for your account any more. Choose another one."));
    QStringList offered;
    for (const VerificationMethod* method : m_flow->stepUpFlow()->availableMethods())
        offered.append(method->id());
    QVERIFY(!offered.contains(QStringLiteral("sms")));
    QVERIFY(offered.contains(QStringLiteral("email")));
}

void TestSignOutFlowVerification::networkFailureDuringChallenge()
{
    script(stepUpPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError)});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::NoConnection);
    QVERIFY(m_flow->problem().canRetry);
    QVERIFY(m_flow->problem().message.contains(QStringLiteral("can't reach the server")));
}

QTEST_GUILESS_MAIN(TestSignOutFlowVerification)
#include "TestSignOutFlowVerification.moc"
