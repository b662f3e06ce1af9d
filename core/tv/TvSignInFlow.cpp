#include "core/tv/TvSignInFlow.h"

#include "core/tv/GuestEnd.h"
#include "core/tv/UserCode.h"

namespace vigil {

TvSignInFlow::TvSignInFlow(TvSignInService* service, QObject* parent) : QObject(parent), m_service(service)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &TvSignInFlow::refreshCountdown);
}

TvSignInFlow::~TvSignInFlow() = default;

void TvSignInFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TvSignInFlow::setProblem(ProblemKind kind, const std::optional<ApiError>& error)
{
    m_problem = kind;
    m_error = error;
    Q_EMIT problemChanged();
}

int TvSignInFlow::lockoutSecondsLeft() const
{
    if (!m_lockedUntil.isValid())
        return 0;
    return int(qMax<qint64>(0, (m_service->now().msecsTo(m_lockedUntil) + 999) / 1000));
}

void TvSignInFlow::refreshCountdown()
{
    if (m_lockedUntil.isValid() && lockoutSecondsLeft() == 0) {
        m_lockedUntil = {};
        m_ticker.stop();
        if (m_problem == ProblemKind::TooManyAttempts)
            setProblem(ProblemKind::None);
    }
    Q_EMIT countdownChanged();
}

QString TvSignInFlow::problemText() const
{
    switch (m_problem) {
    case ProblemKind::None:
        return {};
    case ProblemKind::IncompleteCode:
        return tr("Type the 8 letters and digits the TV shows, like WDJB-MJHT.");
    case ProblemKind::WrongCode:
        if (m_attemptsLeft)
            return tr("That code doesn't match a TV waiting to sign in. Check the code on the TV screen. "
                      "%n more attempt(s) before Vigil makes you wait.",
                      nullptr,
                      *m_attemptsLeft);
        return tr("That code doesn't match a TV waiting to sign in. Check the code on the TV screen.");
    case ProblemKind::CodeGone:
        return tr("That code has expired or was already used. Ask the TV for a new code and type that one.");
    case ProblemKind::TooManyAttempts:
        if (const int seconds = lockoutSecondsLeft(); seconds > 0)
            return tr("Too many wrong codes. Try again in %n second(s).", nullptr, seconds);
        return tr("Too many wrong codes. Try again in a moment.");
    case ProblemKind::StepUpRequired:
        return tr("Vigil needs to confirm it's you again before it signs the TV in.");
    case ProblemKind::Other:
        break;
    }
    return m_error ? m_error->userText() : tr("Something went wrong. Try again.");
}

QString TvSignInFlow::resultText() const
{
    const QString name = m_device.displayName();
    if (m_device.guestUntil.isValid())
        return tr("%1 is signed in as a guest until %2.")
            .arg(name, GuestEnd::whenText(m_device.guestUntil, m_approvedAt));
    return tr("%1 is signed in until you sign it out.").arg(name);
}

bool TvSignInFlow::isGone(const ApiError& error)
{
    return error.serverCode() == QLatin1String("user_code_expired");
}

void TvSignInFlow::lookUp(const QString& code)
{
    if (m_state != State::EnteringCode || lockoutSecondsLeft() > 0)
        return;
    if (!UserCode::isComplete(code)) {
        setProblem(ProblemKind::IncompleteCode);
        return;
    }
    setProblem(ProblemKind::None);
    setState(State::LookingUp);
    m_service->lookup(code, this, [this](const Expected<TvRequest, ApiError>& result) {
        if (m_state != State::LookingUp)
            return;
        if (!result) {
            onLookupFailed(result.error());
            return;
        }
        m_request = result.value();
        m_attemptsLeft.reset();
        setState(State::Reviewing);
    });
}

void TvSignInFlow::onLookupFailed(const ApiError& error)
{
    setState(State::EnteringCode);
    if (error.code() == ApiError::Code::TooManyAttempts) {
        m_lockedUntil = m_service->now().addSecs(qMax(1, error.retryAfterSeconds().value_or(30)));
        m_ticker.start();
        setProblem(ProblemKind::TooManyAttempts, error);
        return;
    }
    if (error.serverCode() == QLatin1String("user_code_invalid")) {
        m_attemptsLeft = error.attemptsLeft();
        setProblem(ProblemKind::WrongCode, error);
        return;
    }
    setProblem(isGone(error) ? ProblemKind::CodeGone : ProblemKind::Other, error);
}

void TvSignInFlow::approve(const TvSignInService::Approval& approval)
{
    if (m_state != State::Reviewing || !m_request)
        return;
    setProblem(ProblemKind::None);
    setState(State::Approving);
    m_service->approve(m_request->id, approval, this, [this](const Expected<Device, ApiError>& result) {
        if (m_state != State::Approving)
            return;
        if (!result) {
            onDecisionFailed(result.error());
            return;
        }
        m_device = result.value();
        m_approvedAt = m_service->now();
        setState(State::Approved);
    });
}

void TvSignInFlow::deny()
{
    if (m_state != State::Reviewing || !m_request)
        return;
    setProblem(ProblemKind::None);
    setState(State::Denying);
    m_service->deny(m_request->id, this, [this](const Expected<void, ApiError>& result) {
        if (m_state != State::Denying)
            return;
        if (!result) {
            onDecisionFailed(result.error());
            return;
        }
        setState(State::Denied);
    });
}

void TvSignInFlow::onDecisionFailed(const ApiError& error)
{
    if (isGone(error)) {
        m_request.reset();
        setState(State::EnteringCode);
        setProblem(ProblemKind::CodeGone, error);
        return;
    }
    setState(State::Reviewing);
    setProblem(error.code() == ApiError::Code::StepUpRequired ? ProblemKind::StepUpRequired : ProblemKind::Other,
               error);
}

void TvSignInFlow::restart()
{
    if (isBusy())
        return;
    m_request.reset();
    m_device = Device();
    if (m_problem != ProblemKind::TooManyAttempts)
        setProblem(ProblemKind::None);
    setState(State::EnteringCode);
}

} // namespace vigil
