#pragma once

#include "auth/StepUp.h"

#include <QString>
#include <optional>

namespace mockd {

struct RequestContext;

// What only the owner's established devices may do, behind a step-up: the young-session guard
// answers first (a new or guest session learns why before it is asked to prove anything), then the
// caller's own X-Step-Up token. Fails `context` (403 session_too_new / guest_session, or 403
// step_up_required with `stepUpMessage`) and returns nothing when either refuses.
std::optional<StepUpGrant>
ownerStepUp(const RequestContext& context, const StepUp& stepUp, const QString& stepUpMessage);

} // namespace mockd
