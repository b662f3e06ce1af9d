#pragma once

#include "core/flows/SignOutSender.h"

#include <optional>

namespace vigil {

// Support staff sign a customer's devices out with the customer's one-time code instead of a
// step-up of their own: POST /v1/support/accounts/{accountId}/sign-out with code, scope (devices or
// all; a customer's devices never include this one, so there is no "others") and reason.
class SupportSignOutSender final : public SignOutSender
{
public:
    struct Authorization
    {
        QString accountId;
        QString reason;
        QString code; // "7KQ2M9XF"; never logged
    };

    // The customer, reason and code for the next sign-out the flow sends.
    void setAuthorization(const std::optional<Authorization>& authorization) { m_authorization = authorization; }
    const std::optional<Authorization>& authorization() const { return m_authorization; }

    bool needsStepUp() const override { return false; }
    bool isOwnAccount() const override { return false; }
    ApiRequest request(SignOutScopeKind kind, const QStringList& ids, const QString& stepUpToken) const override;
    void explain(StepUpFlow::Problem& problem) const override;

private:
    std::optional<Authorization> m_authorization;
};

} // namespace vigil
