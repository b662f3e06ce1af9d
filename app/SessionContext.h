#pragma once

#include "core/securitykeys/Authenticator.h"

#include <functional>
#include <memory>

namespace vigil {

class ApiClient;
class AppSettings;
class DemoOutbox;
class Session;
class SignInFlow;
class SignInWindow;

// What a signed-in session borrows from the composition: the objects that outlive every sign-in.
struct SessionContext
{
    ApiClient* api = nullptr;
    Session* session = nullptr;
    SignInFlow* flow = nullptr;
    AppSettings* settings = nullptr;
    SignInWindow* signInWindow = nullptr; // for the notice after a sign-out that ends this sign-in
    DemoOutbox* demoOutbox = nullptr;     // demo mode only
    // What talks to security keys; empty: the platform's (createPlatformAuthenticator).
    std::function<std::unique_ptr<Authenticator>()> authenticators;
};

} // namespace vigil
