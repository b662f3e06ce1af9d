#pragma once

#include <QtGlobal>

// The numbers of the service's authentication rules, in one place (documented in api/openapi.yaml).
namespace mockd::AuthPolicy {

inline constexpr qint64 accessTokenSeconds = 5 * 60;
inline constexpr qint64 refreshTokenSeconds = 30 * 24 * 3600;
inline constexpr qint64 mfaChallengeSeconds = 5 * 60;
inline constexpr int mfaMaxAttempts = 5;

// Sign-in throttling, per account and per client address: from the 5th consecutive failure on, a
// delay of 30 s that doubles with each further failure, capped at one hour. A quiet hour forgets.
inline constexpr int throttleFreeFailures = 5;
inline constexpr qint64 throttleBaseDelaySeconds = 30;
inline constexpr qint64 throttleMaxDelaySeconds = 3600;
inline constexpr qint64 throttleWindowSeconds = 3600;

// Expired access tokens are remembered this long (answering `token_expired` rather than
// `token_invalid`), then forgotten.
inline constexpr qint64 expiredTokenMemorySeconds = 24 * 3600;

} // namespace mockd::AuthPolicy
