#pragma once

#include "core/stepup/VerificationMethod.h"

namespace vigil {

// The current 6-digit code of an authenticator app (RFC 6238); nothing is sent.
class TotpMethod final : public VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::TotpMethod)

public:
    QString id() const override { return QStringLiteral("totp"); }
    QString label() const override { return tr("Authenticator app"); }
    bool needsChallengeSend() const override { return false; }
    CodeFormat codeFormat() const override { return CodeFormat::Digits; }
    int codeLength() const override { return 6; }
};

} // namespace vigil
