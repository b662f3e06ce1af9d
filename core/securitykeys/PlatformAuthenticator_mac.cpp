#include "core/securitykeys/Fido2Authenticator.h"
#include "core/securitykeys/PlatformAuthenticator.h"

namespace vigil {

std::unique_ptr<Authenticator> createPlatformAuthenticator()
{
    // macOS lets any program open a USB security key (IOKit HID), so libfido2 works as on Linux.
    // Touch ID through AuthenticationServices (ASAuthorizationPlatformPublicKeyCredentialProvider)
    // needs an associated-domains entitlement for the relying party id and a signed app bundle: not
    // built yet (docs/platforms.md).
    return std::make_unique<Fido2Authenticator>();
}

} // namespace vigil
