#include "core/stepup/VerificationMethod.h"

#include "core/stepup/OneTimeCodeMethod.h"
#include "core/stepup/PasswordMethod.h"
#include "core/stepup/RecoveryCodeMethod.h"
#include "core/stepup/SecurityKeyMethod.h"
#include "core/stepup/TotpMethod.h"

namespace vigil {

QString VerificationMethod::normalized(const QString& input) const
{
    if (codeFormat() == CodeFormat::FreeText)
        return input;
    // A pasted "123 456" or "123-456" is still the code.
    QString digits;
    for (const QChar c : input) {
        if (c.isDigit())
            digits.append(c);
        else if (!c.isSpace() && c != QLatin1Char('-'))
            return input; // not a code; isComplete() will say so
    }
    return digits;
}

bool VerificationMethod::isComplete(const QString& input) const
{
    const QString value = normalized(input);
    if (codeFormat() == CodeFormat::FreeText)
        return !value.trimmed().isEmpty();
    if (value.size() != codeLength())
        return false;
    for (const QChar c : value) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QStringList VerificationMethod::knownIds()
{
    return {QStringLiteral("password"),
            QStringLiteral("email"),
            QStringLiteral("sms"),
            QStringLiteral("totp"),
            QStringLiteral("recovery")};
}

std::unique_ptr<VerificationMethod> VerificationMethod::create(const QString& id)
{
    if (id == QLatin1String("password"))
        return std::make_unique<PasswordMethod>();
    if (id == QLatin1String("email"))
        return std::make_unique<OneTimeCodeMethod>(OneTimeCodeMethod::Channel::Email);
    if (id == QLatin1String("sms"))
        return std::make_unique<OneTimeCodeMethod>(OneTimeCodeMethod::Channel::Sms);
    if (id == QLatin1String("totp"))
        return std::make_unique<TotpMethod>();
    if (id == QLatin1String("recovery"))
        return std::make_unique<RecoveryCodeMethod>();
    if (id == QLatin1String("security_key"))
        return std::make_unique<SecurityKeyMethod>();
    return nullptr;
}

} // namespace vigil
