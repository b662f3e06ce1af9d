#include "core/securitykeys/Fido2Authenticator.h"
#include "core/securitykeys/PlatformAuthenticator.h"

namespace vigil {

std::unique_ptr<Authenticator> createPlatformAuthenticator()
{
    // Since Windows 10 1903 only administrators may open a FIDO key's HID device; everyone else
    // goes through webauthn.dll (WebAuthNAuthenticatorMakeCredential/GetAssertion), which also
    // offers Windows Hello. libfido2 itself uses webauthn.dll on Windows when it was built with it
    // (its "windows://hello" device in fido_dev_info_manifest), so the same Fido2Authenticator is
    // the door; a native WebAuthn class is not written yet (docs/platforms.md).
    return std::make_unique<Fido2Authenticator>();
}

} // namespace vigil
