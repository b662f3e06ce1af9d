#pragma once

#include <QString>

namespace mockd::WebAuthnText {

// The origin the client data must name for a relying party id.
inline QString origin(const QString& rpId)
{
    return QStringLiteral("https://") + rpId;
}

inline QString notBase64Url()
{
    return QStringLiteral("must be base64url without padding.");
}

} // namespace mockd::WebAuthnText
