#pragma once

#include "core/securitykeys/Authenticator.h"

#include <memory>

namespace vigil {

// The authenticator this system offers (PlatformAuthenticator_<system>.cpp): libfido2 on Linux.
// docs/platforms.md says what Windows and macOS use and what was compiled where.
std::unique_ptr<Authenticator> createPlatformAuthenticator();

} // namespace vigil
