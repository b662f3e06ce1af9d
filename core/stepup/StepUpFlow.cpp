#include "core/stepup/StepUpFlow.h"

#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpLog.h"
#include "core/stepup/StepUpService.h"

#include <algorithm>

namespace vigil {
StepUpFlow::StepUpFlow(StepUpService* stepUp, QObject* parent) : QObject(parent), m_stepUp(stepUp)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &StepUpFlow::refreshCountdowns);
    setAvailableMethods(VerificationMethod::knownIds());
    m_securityKeyMethod = VerificationMethod::create(QStringLiteral("security_key"));
    // The list of keys arrives after the dialog may have opened: offer the key as soon as it does.
    connect(m_stepUp, &StepUpService::securityKeysChanged, this, &StepUpFlow::verificationChanged);
}

StepUpFlow::~StepUpFlow() = default;

void StepUpFlow::setAvailableMethods(const QStringList& ids)
{
    m_methods.clear();
    for (const QString& id : ids) {
        if (id == QLatin1String("security_key"))
            continue; // offered by availableMethods() while the account has a key
        if (auto method = VerificationMethod::create(id))
            m_methods.push_back(std::move(method));
    }
}

QList<const VerificationMethod*> StepUpFlow::availableMethods() const
{
    QList<const VerificationMethod*> methods;
    const SecurityKeyService* keys = m_stepUp->securityKeys();
    if (keys && keys->hasKeys())
        methods.append(m_securityKeyMethod.get());
    for (const auto& method : m_methods)
        methods.append(method.get());
    return methods;
}

void StepUpFlow::start()
{
    ++m_generation;
    setBusy(false);
    if (m_stepUp->validToken()) {
        resetVerification();
        clearProblem();
        setState(State::Verified);
        Q_EMIT verified();
        return;
    }
    resetVerification();
    // A lockout outlives the step that caused it; say so instead of ignoring the user's choice.
    if (lockoutSecondsLeft() > 0 && m_problemKind == ProblemKind::None) {
        reportProblem(ProblemKind::Locked);
        startTicker();
    }
    setState(State::ChoosingMethod);
}

void StepUpFlow::restartAfterRefusal(const ApiError& error)
{
    ++m_generation;
    setBusy(false);
    m_stepUp->clearToken();
    resetVerification();
    reportProblem(ProblemKind::StepUpRequired, error);
    setState(State::ChoosingMethod);
}

void StepUpFlow::cancel()
{
    ++m_generation;
    resetVerification();
    clearProblem();
    setBusy(false);
    setState(State::Idle);
}

void StepUpFlow::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcStepUp) << "step-up flow:" << m_state << "->" << state;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void StepUpFlow::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT verificationChanged();
}

void StepUpFlow::chooseMethod(const QString& id)
{
    if (m_state != State::ChoosingMethod || m_busy || lockoutSecondsLeft() > 0)
        return;
    const auto offered = availableMethods();
    if (std::none_of(offered.cbegin(), offered.cend(), [&id](const auto* method) { return method->id() == id; }))
        return;
    resetVerification();
    m_method = VerificationMethod::create(id);
    clearProblem();
    setState(State::Verifying);
    requestChallenge();
}

void StepUpFlow::chooseAnotherMethod()
{
    if (m_state != State::Verifying)
        return;
    ++m_generation;
    setBusy(false);
    resetVerification();
    clearProblem();
    setState(State::ChoosingMethod);
}

void StepUpFlow::requestChallenge()
{
    setBusy(true);
    const quint64 generation = ++m_generation;
    m_stepUp->begin(m_method->id(), this, [this, generation](const Expected<StepUpChallenge, ApiError>& result) {
        if (generation == m_generation)
            onChallenge(result, false);
    });
}

void StepUpFlow::resend()
{
    if (m_state != State::Verifying || !canResend())
        return;
    clearProblem();
    // An expired or dead challenge cannot be resent: the service needs a new one.
    if (m_codeExpired || m_challengeDead || m_challenge.challenge.isEmpty()) {
        requestChallenge();
        return;
    }
    setBusy(true);
    const quint64 generation = ++m_generation;
    m_stepUp->resend(
        m_challenge.challenge, this, [this, generation](const Expected<StepUpChallenge, ApiError>& result) {
            if (generation == m_generation)
                onChallenge(result, true);
        });
}

void StepUpFlow::onChallenge(const Expected<StepUpChallenge, ApiError>& result, bool isResend)
{
    setBusy(false);
    const QDateTime now = m_stepUp->now();
    if (!result) {
        const ApiError& error = result.error();
        const std::optional<int> wait = error.retryAfterSeconds();
        if (isResend && error.code() == ApiError::Code::TooManyAttempts && wait) {
            // Too many sends: the code already sent still works, only "Resend" waits.
            m_resendAvailableAt = now.addSecs(*wait);
            reportProblem(ProblemKind::ResendLimited, error);
            startTicker();
            return;
        }
        if ((error.code() == ApiError::Code::TooManyAttempts || isChallengeLocked(error)) && wait) {
            m_lockedUntil = now.addSecs(*wait);
            reportProblem(ProblemKind::Locked, error);
            startTicker();
        } else if (!isResend && error.code() == ApiError::Code::InvalidField &&
                   error.field() == QLatin1String("method")) {
            // Turned off since the list was read (text-message codes, on another device): stop
            // offering it rather than failing the same way again.
            const QString id = m_method ? m_method->id() : QString();
            std::erase_if(m_methods, [&id](const auto& method) { return method->id() == id; });
            reportProblem(ProblemKind::MethodUnavailable, error);
        } else if (error.code() == ApiError::Code::NoConnection || error.code() == ApiError::Code::Timeout) {
            reportProblem(ProblemKind::NoConnection, error);
        } else if (error.endsSession()) {
            reportProblem(ProblemKind::SessionEnded, error);
        } else {
            reportProblem(ProblemKind::Other, error);
        }
        // Without a challenge there is nothing to verify: back to the choice, with the reason.
        if (m_challenge.challenge.isEmpty() || !isResend) {
            m_challenge = {};
            setState(State::ChoosingMethod);
        }
        return;
    }
    m_challenge = result.value();
    m_attemptsLeft.reset();
    m_codeExpired = false;
    m_challengeDead = false;
    m_challengeExpiresAt = now.addSecs(m_challenge.expiresInSeconds > 0 ? m_challenge.expiresInSeconds : 600);
    m_resendAvailableAt = now.addSecs(m_challenge.resendAfterSeconds);
    Q_EMIT verificationChanged();
    startTicker();
    if (m_method->usesSecurityKey())
        startSecurityKey();
}

void StepUpFlow::startSecurityKey()
{
    stopSecurityKey();
    SecurityKeyService* keys = m_stepUp->securityKeys();
    if (!m_challenge.keyRequest || !keys || !(m_authenticator = keys->createAuthenticator())) {
        reportProblem(ProblemKind::Other, ApiError(ApiError::Code::InvalidResponse));
        return;
    }
    m_clientData = ClientData::make(ClientData::Type::Get, m_challenge.keyChallenge);
    AssertionRequest request = *m_challenge.keyRequest;
    request.clientDataHash = m_clientData.hash;
    connect(m_authenticator.get(), &Authenticator::stateChanged, this, &StepUpFlow::verificationChanged);
    connect(m_authenticator.get(), &Authenticator::assertionMade, this, &StepUpFlow::onAssertion);
    m_authenticator->getAssertion(request);
}

void StepUpFlow::onAssertion(const MadeAssertion& assertion)
{
    if (m_state != State::Verifying)
        return;
    setBusy(true);
    const quint64 generation = ++m_generation;
    m_stepUp->verifyAssertion(m_challenge.challenge,
                              m_clientData,
                              assertion,
                              this,
                              [this, generation](const Expected<void, ApiError>& result) {
                                  if (generation == m_generation)
                                      onVerified(result);
                              });
}

void StepUpFlow::stopSecurityKey()
{
    if (!m_authenticator)
        return;
    // Disconnected first: the cancel's own state change is not news for a step that is over.
    m_authenticator->disconnect(this);
    m_authenticator->cancel();
    m_authenticator.reset();
}

void StepUpFlow::providePin(const QString& pin)
{
    if (m_state == State::Verifying && m_authenticator)
        m_authenticator->providePin(pin);
}

void StepUpFlow::retrySecurityKey()
{
    if (m_state != State::Verifying || !m_method || !m_method->usesSecurityKey() || m_busy || lockoutSecondsLeft() > 0)
        return;
    clearProblem();
    if (m_codeExpired || m_challengeDead || m_challenge.challenge.isEmpty())
        requestChallenge();
    else
        startSecurityKey();
}

void StepUpFlow::submitSecret(const QString& input)
{
    if (m_state != State::Verifying || !canSubmit(input))
        return;
    clearProblem();
    setBusy(true);
    const quint64 generation = ++m_generation;
    m_stepUp->verify(m_challenge.challenge,
                     m_method->normalized(input),
                     this,
                     [this, generation](const Expected<void, ApiError>& result) {
                         if (generation == m_generation)
                             onVerified(result);
                     });
}

void StepUpFlow::onVerified(const Expected<void, ApiError>& result)
{
    setBusy(false);
    if (result) {
        // The key's "last used" moved on the service; the Security Keys list shows it.
        if (m_method && m_method->usesSecurityKey() && m_stepUp->securityKeys())
            m_stepUp->securityKeys()->reload();
        clearProblem();
        setState(State::Verified);
        Q_EMIT verified();
        return;
    }
    const ApiError& error = result.error();
    const QDateTime now = m_stepUp->now();
    if (error.code() == ApiError::Code::InvalidCode || error.code() == ApiError::Code::InvalidCredentials) {
        m_attemptsLeft = error.attemptsLeft();
        if (m_attemptsLeft == 0) {
            m_challengeDead = true;
            reportProblem(ProblemKind::ChallengeDead, error);
        } else {
            reportProblem(ProblemKind::WrongSecret, error);
        }
        Q_EMIT verificationChanged();
        return;
    }
    if (isChallengeExpired(error)) {
        m_codeExpired = true;
        reportProblem(ProblemKind::CodeExpired, error);
        Q_EMIT verificationChanged();
        return;
    }
    if (isChallengeLocked(error) || error.code() == ApiError::Code::TooManyAttempts) {
        // A 429 is the account's wait across every challenge, not this challenge's end: it keeps
        // the tries it has left and can be used once the countdown ends.
        if (isChallengeLocked(error))
            m_attemptsLeft = 0;
        else if (const std::optional<int> left = error.attemptsLeft())
            m_attemptsLeft = left;
        m_challengeDead = m_challengeDead || isChallengeLocked(error) || m_attemptsLeft == 0;
        m_lockedUntil = now.addSecs(error.retryAfterSeconds().value_or(0));
        reportProblem(ProblemKind::Locked, error);
        Q_EMIT verificationChanged();
        startTicker();
        return;
    }
    if (error.code() == ApiError::Code::NoConnection || error.code() == ApiError::Code::Timeout)
        reportProblem(ProblemKind::NoConnection, error);
    else if (error.endsSession())
        reportProblem(ProblemKind::SessionEnded, error);
    else
        reportProblem(ProblemKind::Other, error);
}

bool StepUpFlow::canSubmit(const QString& input) const
{
    return m_state == State::Verifying && !m_busy && m_method && !m_challenge.challenge.isEmpty() && !m_codeExpired &&
           !m_challengeDead && lockoutSecondsLeft() == 0 && m_method->isComplete(input);
}

bool StepUpFlow::canResend() const
{
    if (m_state != State::Verifying || m_busy || !m_method || lockoutSecondsLeft() > 0)
        return false;
    // A method that sends nothing only "resends" to replace a challenge that can no longer be used.
    if (!m_method->needsChallengeSend() && !m_codeExpired && !m_challengeDead && !m_challenge.challenge.isEmpty())
        return false;
    return resendSecondsLeft() == 0 || m_codeExpired || m_challengeDead;
}

int StepUpFlow::secondsUntil(const QDateTime& when) const
{
    if (!when.isValid())
        return 0;
    return int(qMax<qint64>(0, m_stepUp->now().secsTo(when)));
}

int StepUpFlow::resendSecondsLeft() const
{
    return secondsUntil(m_resendAvailableAt);
}

int StepUpFlow::lockoutSecondsLeft() const
{
    return secondsUntil(m_lockedUntil);
}

void StepUpFlow::startTicker()
{
    if (!m_ticker.isActive())
        m_ticker.start();
}

void StepUpFlow::refreshCountdowns()
{
    const bool verifying = m_state == State::Verifying;
    if (verifying && !m_codeExpired && m_challengeExpiresAt.isValid() && secondsUntil(m_challengeExpiresAt) == 0) {
        m_codeExpired = true;
        reportProblem(ProblemKind::CodeExpired);
        Q_EMIT verificationChanged();
    }
    if (m_problemKind == ProblemKind::Locked && lockoutSecondsLeft() == 0)
        clearProblem();
    if (m_problemKind == ProblemKind::ResendLimited && resendSecondsLeft() == 0)
        clearProblem();
    Q_EMIT countdownsChanged();
    const bool waiting = lockoutSecondsLeft() > 0 || resendSecondsLeft() > 0 ||
                         (verifying && !m_codeExpired && m_challengeExpiresAt.isValid());
    if (!waiting)
        m_ticker.stop();
}

void StepUpFlow::resetVerification()
{
    stopSecurityKey();
    m_method.reset();
    m_challenge = {};
    m_attemptsLeft.reset();
    m_codeExpired = false;
    m_challengeDead = false;
    m_challengeExpiresAt = {};
    m_resendAvailableAt = {};
    Q_EMIT verificationChanged();
}

} // namespace vigil
