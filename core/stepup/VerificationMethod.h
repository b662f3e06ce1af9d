#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <memory>

namespace vigil {

// One way of proving "it's you" for a step-up (brief V3: a method is a strategy, not a switch).
// The flow and the dialog ask the method what it needs instead of testing its id.
class VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::VerificationMethod)

public:
    enum class CodeFormat
    {
        Digits,   // a fixed number of digits; spaces and dashes from a paste are dropped
        FreeText, // a password or a recovery code, sent as typed
    };

    virtual ~VerificationMethod() = default;

    // The contract's name: password, email, sms, totp, recovery, security_key.
    virtual QString id() const = 0;
    // For the method choice ("Email code").
    virtual QString label() const = 0;
    // The service sends something (email, text message), so "Resend code" makes sense.
    virtual bool needsChallengeSend() const = 0;
    virtual CodeFormat codeFormat() const = 0;
    // Digits only; 0 for free text.
    virtual int codeLength() const { return 0; }
    // Hides what is typed (a password).
    virtual bool isSecretMasked() const { return false; }

    // Proven by a security key's signature, not by typed text.
    virtual bool usesSecurityKey() const { return false; }

    // What to say when the service refuses the secret ("That code isn't right.").
    virtual QString rejectedText() const { return tr("That code isn't right."); }

    // What is sent to the service for `input` as typed or pasted.
    virtual QString normalized(const QString& input) const;
    // Whether `input` can be submitted ("Verify" enabled).
    virtual bool isComplete(const QString& input) const;

    // Every method the contract knows, in the order the dialog offers them (security_key is added by
    // StepUpFlow when the account has a key).
    static QStringList knownIds();
    // nullptr for an unknown id.
    static std::unique_ptr<VerificationMethod> create(const QString& id);
};

} // namespace vigil
