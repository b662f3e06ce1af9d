#pragma once

#include <QtGlobal>

// The numbers of the support console's rules, in one place (documented in api/openapi.yaml, tag
// `support`).
namespace mockd::SupportPolicy {

// A holder's support code: 8 characters, valid 10 minutes by the service clock, single use. Five
// wrong codes for one account kill its current code (31^8 guesses are many, but not for ever).
inline constexpr qint64 codeSeconds = 10 * 60;
inline constexpr int codeLength = 8;
inline constexpr int codeMaxFailures = 5;

// Support sessions: the refresh token lives 30 minutes from its last use, and never past 8 hours
// after the sign-in (NIST AAL2 reauthentication limits).
inline constexpr qint64 refreshIdleSeconds = 30 * 60;
inline constexpr qint64 refreshAbsoluteSeconds = 8 * 3600;

// Every support request states why (characters after trimming).
inline constexpr int reasonMinLength = 10;
inline constexpr int reasonMaxLength = 500;

// Account search: at least this many characters, at most this many results.
inline constexpr int queryMinLength = 3;
inline constexpr int maxSearchResults = 20;

} // namespace mockd::SupportPolicy
