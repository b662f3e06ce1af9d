#pragma once

#include "core/stepup/VerificationMethod.h"

namespace vigil {

// Re-entering the account password.
class PasswordMethod final : public VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::PasswordMethod)

public:
    QString id() const override { return QStringLiteral("password"); }
    QString label() const override { return tr("Password"); }
    bool needsChallengeSend() const override { return false; }
    CodeFormat codeFormat() const override { return CodeFormat::FreeText; }
    bool isSecretMasked() const override { return true; }
    QString rejectedText() const override { return tr("That password isn't right."); }
};

} // namespace vigil
