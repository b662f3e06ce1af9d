#pragma once

#include "core/securitykeys/Authenticator.h"

#include <functional>
#include <memory>

namespace vigil {

using AuthenticatorFactory = std::function<std::unique_ptr<Authenticator>()>;

// The whole of the vigil program: options, translations, keychain, demo service, then a
// Composition. `authenticators` makes what talks to security keys: the platform's in the shipped
// program (app/main.cpp); a test build's end-to-end program (tests/e2e) gives a software key.
int runVigil(int argc, char* argv[], const AuthenticatorFactory& authenticators);

} // namespace vigil
