#include "core/securitykeys/Fido2Authenticator.h"
#include "core/securitykeys/PlatformAuthenticator.h"

namespace vigil {

std::unique_ptr<Authenticator> createPlatformAuthenticator()
{
    // Linux has no platform authenticator of its own: keys over USB HID (hidraw, with the udev
    // rules libfido2's package installs).
    return std::make_unique<Fido2Authenticator>();
}

} // namespace vigil
