// The step-up part of SignOutFlow: ChoosingMethod and Verifying, handed to its StepUpFlow, and the
// one problem line both share.
#include "core/flows/FlowsLog.h"
#include "core/flows/SignOutFlow.h"
#include "core/stepup/StepUpService.h"

namespace vigil {

void SignOutFlow::setAvailableMethods(const QStringList& ids)
{
    m_verification->setAvailableMethods(ids);
}

QList<const VerificationMethod*> SignOutFlow::availableMethods() const
{
    return m_verification->availableMethods();
}

const VerificationMethod* SignOutFlow::method() const
{
    return m_verification->method();
}

QString SignOutFlow::destination() const
{
    return m_verification->destination();
}

std::optional<int> SignOutFlow::attemptsLeft() const
{
    return m_verification->attemptsLeft();
}

int SignOutFlow::resendSecondsLeft() const
{
    return m_verification->resendSecondsLeft();
}

int SignOutFlow::lockoutSecondsLeft() const
{
    return m_verification->lockoutSecondsLeft();
}

bool SignOutFlow::canResend() const
{
    return m_state == State::Verifying && !m_busy && m_verification->canResend();
}

bool SignOutFlow::canSubmit(const QString& input) const
{
    return m_state == State::Verifying && !m_busy && m_verification->canSubmit(input);
}

bool SignOutFlow::isCodeExpired() const
{
    return m_verification->isCodeExpired();
}

bool SignOutFlow::isBusy() const
{
    return m_busy || m_verification->isBusy();
}

void SignOutFlow::chooseMethod(const QString& id)
{
    if (m_state == State::ChoosingMethod)
        m_verification->chooseMethod(id);
}

void SignOutFlow::chooseAnotherMethod()
{
    if (m_state == State::Verifying)
        m_verification->chooseAnotherMethod();
}

void SignOutFlow::submitSecret(const QString& input)
{
    if (m_state == State::Verifying)
        m_verification->submitSecret(input);
}

void SignOutFlow::resend()
{
    if (m_state == State::Verifying)
        m_verification->resend();
}

void SignOutFlow::refreshCountdowns()
{
    m_verification->refreshCountdowns();
}

void SignOutFlow::onStepUpState(StepUpFlow::State state)
{
    // The step-up moves between its own steps by itself (a refused challenge returns to the choice).
    if (state == StepUpFlow::State::ChoosingMethod)
        setState(State::ChoosingMethod);
    else if (state == StepUpFlow::State::Verifying)
        setState(State::Verifying);
}

void SignOutFlow::setProblem(ProblemKind kind, const std::optional<ApiError>& error)
{
    m_verification->reportProblem(kind, error);
}

void SignOutFlow::clearProblem()
{
    m_verification->clearProblem();
}

SignOutFlow::Problem SignOutFlow::problem() const
{
    Problem problem = m_verification->problem();
    // An answer that could not be read (empty, cut off, not JSON) leaves the sign-out unknown; asking
    // again is safe, because the service reports every device's state, so the dialog offers Retry.
    const bool unreadable = problem.error && problem.error->code() == ApiError::Code::InvalidResponse;
    if (m_state == State::Failed && problem.kind != ProblemKind::SessionEnded)
        problem.canRetry = problem.canRetry || problem.kind == ProblemKind::Locked || unreadable;
    // A refused support code: the service says why (expired, used, another account's); the same
    // code will not work again, so the next step is a new one from the customer.
    if (m_support && problem.error && problem.error->serverCode() == QLatin1String("support_code_invalid")) {
        problem.message = problem.error->serverMessage() + QLatin1Char(' ') +
                          tr("Ask the customer to create a new code in Vigil and read it to you.");
        problem.canRetry = false;
    }
    return problem;
}

} // namespace vigil
