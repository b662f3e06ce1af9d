#pragma once

#include "core/flows/SignOutSender.h"

namespace vigil {

// The account holder's own sign-out: POST /v1/devices/sign-out with the step-up token.
class HolderSignOutSender final : public SignOutSender
{
public:
    bool needsStepUp() const override { return true; }
    bool isOwnAccount() const override { return true; }
    ApiRequest request(SignOutScopeKind kind, const QStringList& ids, const QString& stepUpToken) const override;
};

} // namespace vigil
