#pragma once

#include "core/stepup/VerificationMethod.h"

namespace vigil {

// A 6-digit code the service sends by email or text message; the two differ only in channel.
class OneTimeCodeMethod final : public VerificationMethod
{
    Q_DECLARE_TR_FUNCTIONS(vigil::OneTimeCodeMethod)

public:
    enum class Channel
    {
        Email,
        Sms,
    };

    explicit OneTimeCodeMethod(Channel channel) : m_channel(channel) {}

    Channel channel() const { return m_channel; }
    QString id() const override;
    QString label() const override;
    bool needsChallengeSend() const override { return true; }
    CodeFormat codeFormat() const override { return CodeFormat::Digits; }
    int codeLength() const override { return 6; }

private:
    Channel m_channel;
};

} // namespace vigil
