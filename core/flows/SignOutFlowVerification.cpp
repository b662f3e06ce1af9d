// The step-up part of SignOutFlow: following its StepUpFlow through ChoosingMethod and Verifying,
// and the one problem line both share.
#include "core/flows/FlowsLog.h"
#include "core/flows/SignOutFlow.h"
#include "core/stepup/StepUpService.h"

namespace vigil {

bool SignOutFlow::isBusy() const
{
    return m_busy || m_verification->isBusy();
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
    m_sender->explain(problem);
    return problem;
}

} // namespace vigil
