#pragma once

#include "core/stepup/VerificationMethod.h"

namespace vigil {

// A security key (FIDO2) signs the service's challenge: nothing is typed, except the key's own PIN
// when it asks for it, and that goes to the key, never to the service.
class SecurityKeyMethod final : public VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::SecurityKeyMethod)

public:
    QString id() const override { return QStringLiteral("security_key"); }
    QString label() const override { return tr("Use a security key"); }
    bool needsChallengeSend() const override { return false; }
    CodeFormat codeFormat() const override { return CodeFormat::FreeText; }
    bool usesSecurityKey() const override { return true; }
    QString rejectedText() const override { return tr("Vigil didn't accept your security key's answer."); }
    bool isComplete(const QString&) const override { return false; }
};

} // namespace vigil
