// StepUpFlow's problems: which kind an answer of the service is, and how each is said to the person
// (what went wrong, what is left, whether trying again can help).
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"

namespace vigil {
namespace {

QString clockText(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

bool StepUpFlow::isChallengeExpired(const ApiError& error)
{
    return error.httpStatus() == 410 || error.serverCode() == QLatin1String("challenge_expired");
}

bool StepUpFlow::isChallengeLocked(const ApiError& error)
{
    return error.httpStatus() == 423 || error.serverCode() == QLatin1String("challenge_locked");
}

void StepUpFlow::reportProblem(ProblemKind kind, const std::optional<ApiError>& error)
{
    m_problemKind = kind;
    m_problemError = error;
    Q_EMIT problemChanged();
}

void StepUpFlow::lockOut(int seconds, const ApiError& error)
{
    m_lockedUntil = m_stepUp->now().addSecs(seconds);
    reportProblem(ProblemKind::Locked, error);
    startTicker();
}

void StepUpFlow::clearProblem()
{
    if (m_problemKind == ProblemKind::None)
        return;
    m_problemKind = ProblemKind::None;
    m_problemError.reset();
    Q_EMIT problemChanged();
}

StepUpFlow::Problem StepUpFlow::problem() const
{
    Problem problem{m_problemKind, {}, m_problemError, false};
    const bool sends = m_method && m_method->needsChallengeSend();
    switch (m_problemKind) {
    case ProblemKind::None:
        break;
    case ProblemKind::NoConnection:
        problem.message = m_problemError ? m_problemError->userText() : QString();
        problem.canRetry = true;
        break;
    case ProblemKind::WrongSecret: {
        QString rejected = m_method ? m_method->rejectedText() : tr("That code isn't right.");
        // A key's answer is refused for a reason worth telling apart.
        const QString reason = m_problemError ? m_problemError->reason() : QString();
        if (reason == QLatin1String("unknown_credential"))
            rejected = tr("This security key isn't one of your account's keys.");
        else if (reason == QLatin1String("counter_regressed"))
            rejected = tr("This security key may have been copied (its counter went backwards). Use another way "
                          "to confirm, and remove the key if you don't know why.");
        problem.message = m_attemptsLeft ? tr("%1 %n attempt(s) left.", nullptr, *m_attemptsLeft).arg(rejected)
                                         : tr("%1 Try again.").arg(rejected);
        problem.canRetry = true;
        break;
    }
    case ProblemKind::ChallengeDead:
        problem.message = sends ? tr("No attempts are left for this code. Send a new one.")
                                : tr("No attempts are left. Start again.");
        break;
    case ProblemKind::CodeExpired:
        problem.message = sends ? tr("Code expired — send a new one.") : tr("This took too long. Start again.");
        break;
    case ProblemKind::Locked:
        if (const int seconds = lockoutSecondsLeft(); seconds > 0)
            problem.message = tr("Too many attempts — try again in %1.").arg(clockText(seconds));
        else
            problem.message = m_problemError ? m_problemError->userText() : tr("Too many attempts.");
        break;
    case ProblemKind::ResendLimited:
        problem.message = tr("Too many codes sent — you can send another in %1.").arg(clockText(resendSecondsLeft()));
        break;
    case ProblemKind::StepUpRequired:
        problem.message = tr("Your verification has expired. Confirm it's you again.");
        break;
    case ProblemKind::MethodUnavailable:
        problem.message = tr("That way to confirm isn't available for your account any more. Choose another one.");
        break;
    case ProblemKind::SessionEnded:
    case ProblemKind::Other:
        problem.message = m_problemError ? m_problemError->userText() : tr("Something went wrong.");
        problem.canRetry = m_problemError && m_problemError->isTransient();
        break;
    }
    return problem;
}

} // namespace vigil
