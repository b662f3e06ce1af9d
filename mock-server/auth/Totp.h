#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// Time-based one-time passwords, RFC 6238 with HMAC-SHA-1 (RFC 4226 truncation).
namespace mockd::Totp {

inline constexpr qint64 stepSeconds = 30;
inline constexpr int defaultDigits = 6;
// Steps accepted either side of the current one (RFC 6238 §5.2 recommends at most one).
inline constexpr int driftSteps = 1;

qint64 stepAt(qint64 unixSeconds);
// The code for one counter value, zero-padded to `digits`.
QString code(const QByteArray& key, qint64 counter, int digits = defaultDigits);
// The step whose code matches, when it is within ±driftSteps of `unixSeconds` and newer than
// `lastAcceptedStep` (each step is accepted once). Compares in constant time.
std::optional<qint64> verify(const QByteArray& key, QStringView code, qint64 unixSeconds, qint64 lastAcceptedStep);

} // namespace mockd::Totp
