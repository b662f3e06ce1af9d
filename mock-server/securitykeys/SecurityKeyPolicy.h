#pragma once

namespace mockd::SecurityKeyPolicy {

// How long a registration may take to finish (the contract: 5 minutes).
constexpr int registrationSeconds = 300;
// A session's newest registrations kept; a new one replaces the oldest.
constexpr int registrationsPerSession = 3;
// Registrations held in all, so nobody can fill memory with them.
constexpr int maxRegistrations = 10000;
// Keys per account: enough for a spare or two of every kind.
constexpr int maxKeysPerAccount = 10;
// What the app should wait for a touch (WebAuthn's recommended range is 5–10 minutes for
// registration; a minute keeps a forgotten dialog from hanging on).
constexpr int touchTimeoutMs = 60000;
// Random bytes in a challenge (WebAuthn asks for at least 16).
constexpr int challengeBytes = 32;
// Bytes of the decoded fields the service reads (client data, authenticator data, signatures).
constexpr int maxClientDataBytes = 2048;
constexpr int maxAuthenticatorDataBytes = 2048;
constexpr int maxSignatureBytes = 256;

} // namespace mockd::SecurityKeyPolicy
