#pragma once

#include <QtGlobal>

// The numbers of signing a TV in (RFC 8628) and of guest access, as api/openapi.yaml states them.
namespace mockd::TvSignInPolicy {

inline constexpr qint64 codeSeconds = 10 * 60;                 // expires_in of both codes
inline constexpr int intervalSeconds = 5;                      // the first polling interval
inline constexpr int slowDownStepSeconds = 5;                  // RFC 8628 §3.5: each slow_down adds 5 s
inline constexpr int maxWaitingPerAddress = 20;                // undecided codes one client address may hold
inline constexpr int maxWaiting = 10000;                       // undecided codes the service holds
inline constexpr qint64 keepExpiredSeconds = 24 * 60 * 60;     // then an expired code is forgotten
inline constexpr qint64 guestMinSeconds = 60 * 60;             // a guest stays at least an hour…
inline constexpr qint64 guestMaxSeconds = 30LL * 24 * 60 * 60; // …and at most 30 days from now
inline constexpr double farKilometres = 100;                   // beyond this (or another country) a place is "far"

} // namespace mockd::TvSignInPolicy
