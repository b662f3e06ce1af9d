#pragma once

#include "core/stepup/VerificationMethod.h"

namespace vigil {

// One of the account's single-use recovery codes; its format is the service's business.
class RecoveryCodeMethod final : public VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RecoveryCodeMethod)

public:
    QString id() const override { return QStringLiteral("recovery"); }
    QString label() const override { return tr("Recovery code"); }
    bool needsChallengeSend() const override { return false; }
    CodeFormat codeFormat() const override { return CodeFormat::FreeText; }
    QString normalized(const QString& input) const override { return input.trimmed(); }
};

} // namespace vigil
