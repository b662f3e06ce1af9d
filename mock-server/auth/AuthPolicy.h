#pragma once

#include <QtGlobal>

// The numbers of the service's authentication rules, in one place (documented in api/openapi.yaml).
namespace mockd::AuthPolicy {

inline constexpr qint64 accessTokenSeconds = 5 * 60;
// Counted from the sign-in: rotation hands the family's end on, it never extends it.
inline constexpr qint64 refreshTokenSeconds = 30 * 24 * 3600;
inline constexpr qint64 mfaChallengeSeconds = 5 * 60;
inline constexpr int mfaMaxAttempts = 5;

// Step-up verification (sign-out and other sensitive routes): a challenge and its one-time code
// live 10 minutes, 5 wrong secrets kill it, a code may be re-sent after 30 s and at most 5 times an
// hour per account; the step-up token lives 5 minutes and belongs to the session that earned it.
inline constexpr qint64 stepUpChallengeSeconds = 10 * 60;
inline constexpr int stepUpMaxAttempts = 5;
inline constexpr qint64 stepUpResendSeconds = 30;
inline constexpr int stepUpMaxSendsPerHour = 5;
inline constexpr qint64 stepUpTokenSeconds = 5 * 60;

// Step-up guessing budget, one per account and one per session, across every method and challenge
// (a new challenge does not reset it): from the 10th wrong secret on, every further try waits 30 s,
// doubling with each further wrong secret, capped at one hour; the right secret is refused while
// waiting. 15 quiet minutes after the last wait forget it; a verification clears it.
inline constexpr int stepUpFreeFailures = 9;
inline constexpr qint64 stepUpBaseDelaySeconds = 30;
inline constexpr qint64 stepUpMaxDelaySeconds = 3600;
inline constexpr qint64 stepUpWindowSeconds = 15 * 60;

// Challenges held in memory: at most 3 live per session and 10 per account (a new one replaces the
// oldest), 10000 in all (then new ones are refused for a minute); a session may open at most 10
// in 15 minutes.
inline constexpr int stepUpMaxChallengesPerSession = 3;
inline constexpr int stepUpMaxChallengesPerAccount = 10;
inline constexpr int stepUpMaxChallenges = 10000;
inline constexpr qint64 stepUpFullRetrySeconds = 60;
inline constexpr int stepUpMaxStartsPerWindow = 10;
inline constexpr qint64 stepUpStartWindowSeconds = 15 * 60;

// Sign-in throttling, per account and per client address: from the 5th consecutive failure on, a
// delay of 30 s that doubles with each further failure, capped at one hour. A quiet hour forgets.
inline constexpr int throttleFreeFailures = 5;
inline constexpr qint64 throttleBaseDelaySeconds = 30;
inline constexpr qint64 throttleMaxDelaySeconds = 3600;
inline constexpr qint64 throttleWindowSeconds = 3600;
// Refused (429) attempts are audited as one row per blocking counter and account per window, with
// a count, so a flood of refused requests cannot grow the database.
inline constexpr qint64 throttledAuditWindowSeconds = throttleWindowSeconds;

// Device cookies (OWASP): every sign-in hands the client a new one (vdc_…) that replaces the one it
// presented. With a valid cookie for the account, only the cookie's own failures count, on the
// schedule above. A cookie lives 180 days; an account keeps its 20 newest.
inline constexpr qint64 deviceCookieSeconds = 180 * 24 * 3600;
inline constexpr int deviceCookiesPerAccount = 20;

// Expired access tokens are remembered this long (answering `token_expired` rather than
// `token_invalid`), then forgotten.
inline constexpr qint64 expiredTokenMemorySeconds = 24 * 3600;

} // namespace mockd::AuthPolicy
