#pragma once

#include "core/api/ApiRequest.h"
#include "core/stepup/StepUpFlow.h"

#include <QStringList>

namespace vigil {

// Which devices a sign-out asks for: exactly the listed ones, every device but this one, or all.
enum class SignOutScopeKind
{
    Devices,
    Others,
    All,
};

// How SignOutFlow's request is made, given to it at construction: the account holder signs their
// own devices out after a step-up (HolderSignOutSender); support staff sign a customer's devices out
// with the customer's one-time code (SupportSignOutSender). The flow's states are the same for both.
class SignOutSender
{
public:
    virtual ~SignOutSender() = default;

    // Whether the request carries the holder's step-up token, so the flow verifies first.
    virtual bool needsStepUp() const = 0;
    // Whether the devices are the signed-in account's own: then the computer Vigil runs on is one of
    // them and "every other device" means something. A customer's devices never include it.
    virtual bool isOwnAccount() const = 0;
    // The request for `kind` (with `ids` for Devices); `stepUpToken` is empty unless needsStepUp().
    virtual ApiRequest request(SignOutScopeKind kind, const QStringList& ids, const QString& stepUpToken) const = 0;
    // What this way of signing out knows about a refused request, added to the problem shown.
    virtual void explain(StepUpFlow::Problem& problem) const { Q_UNUSED(problem) }
};

} // namespace vigil
