#include "auth/OwnerStepUp.h"

#include "auth/YoungSessions.h"
#include "http/RequestContext.h"

namespace mockd {

std::optional<StepUpGrant>
ownerStepUp(const RequestContext& context, const StepUp& stepUp, const QString& stepUpMessage)
{
    const Principal& who = *context.principal;
    if (const auto refused = YoungSessions::refusal(who)) {
        context.fail(*refused);
        return std::nullopt;
    }
    auto grant = stepUp.check(QString::fromLatin1(context.request.header("x-step-up")), who.sessionId);
    if (!grant)
        context.fail(ApiError::forbidden(QStringLiteral("step_up_required"), stepUpMessage));
    return grant;
}

} // namespace mockd
