#pragma once

#include <QByteArray>
#include <QString>

// Opaque bearer secrets: 32 random bytes from libsodium, base64url without padding, behind a
// prefix that names the kind (so a grep of any log finds a leak). The service keeps only their
// SHA-256.
namespace mockd::Tokens {

enum class Kind
{
    Access,
    Refresh,
    Mfa,
    StepUp,
    StepUpChallenge,
    DeviceCookie,
    DeviceGrant // RFC 8628 device_code
};

QLatin1StringView prefix(Kind kind);
QString generate(Kind kind);
// True when `token` has the prefix and length of that kind (checked before any lookup).
bool hasShape(Kind kind, QStringView token);
QByteArray hash(QStringView token);
// Constant-time comparison of two hashes.
bool sameHash(const QByteArray& a, const QByteArray& b);

} // namespace mockd::Tokens
