#pragma once

#include "base/Role.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

// Plain rows of the store, as kept in memory. Times are milliseconds since the epoch (UTC), read
// from the service Clock. Secrets exist only as hashes, except the TOTP seed, which the server
// needs in clear to compute codes.
namespace mockd {

struct Account
{
    QString id;
    QString email;
    QString displayName;
    Role role = Role::Holder;
    QString passwordHash; // argon2id, libsodium's encoded form
    bool emailVerified = true;
    QString phone; // E.164 ("+447700900312"); empty when the account has none
    bool phoneVerified = false;
    QString totpSecret;       // base32; empty when the authenticator app is not set up
    qint64 totpLastStep = -1; // the last 30-second step accepted (each step only once)
    bool smsTwoStep = false;
    qint64 notBeforeMs = 0; // sessions issued before this are revoked ("sign out all" in one write)
    qint64 createdAtMs = 0;
    // Devices unused for this many days are signed out by the sweep; 0: never (the default).
    int autoSignOutDays = 0;

    bool hasTotp() const { return !totpSecret.isEmpty(); }
};

// One recovery code of an account (single use). Only its argon2id hash is kept; see
// StepUp::recoveryCodeHash for why a slow hash.
struct RecoveryCode
{
    QString accountId;
    QByteArray salt;     // per account: the same for all of its codes, so a guess costs one hash
    QByteArray hash;     // argon2id(normalized code, salt), 32 bytes
    qint64 usedAtMs = 0; // 0: not used yet

    bool isUsed() const { return usedAtMs != 0; }
};

struct Profile
{
    QString id;
    QString accountId;
    QString name;
    QString kind = QStringLiteral("adult"); // adult | kids
    QString avatar;
    int position = 0;
    qint64 createdAtMs = 0;
};

struct Device
{
    QString id;
    QString accountId;
    QString name;
    QString type; // tv | phone | tablet | computer | console | browser | settopbox
    QString os;
    QString osVersion;
    QString app;
    QString appVersion;
    QString ip;
    QString city;
    QString region;
    QString country;
    QString countryCode;
    std::optional<double> latitude;
    std::optional<double> longitude;
    qint64 firstSignInMs = 0;
    qint64 lastActiveMs = 0;
    QString lastProfileId;
    QString status = QStringLiteral("idle"); // streaming | paused | idle | offline
    QString statusTitle;

    static const QStringList& types();
    static const QStringList& statuses();
};

// One signed-in session of one device. Its refresh tokens form one family: reusing a rotated one
// revokes the session.
struct Session
{
    QString id;
    QString accountId;
    QString deviceId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0; // expiry of its newest refresh token
    QString authMethod;     // "password", "password+totp", "seeded"
    QString ip;
    qint64 lastSeenAtMs = 0;
    qint64 revokedAtMs = 0; // 0: not revoked
    QString revokedReason;

    bool isRevoked() const { return revokedAtMs != 0; }
};

struct AccessToken
{
    QByteArray hash; // SHA-256 of the token
    QString sessionId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
};

struct RefreshToken
{
    QByteArray hash;
    QString sessionId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 rotatedAtMs = 0; // 0: current; otherwise presenting it again is reuse
};

struct AuditEntry
{
    qint64 id = 0;
    QString accountId; // empty for attempts on unknown accounts
    QString deviceId;
    qint64 atMs = 0;
    QString type;
    QString actor = QStringLiteral("holder"); // holder | support | system | anonymous
    QString ip;
    QJsonObject details;
};

struct ThrottleState
{
    QString key; // "account:<email>", "address:<ip or /64>", "device:<cookie hash, hex>", "step-up-account:<id>",
                 // "step-up-session:<id>"
    int failures = 0;
    qint64 lastFailureMs = 0;
    qint64 blockedUntilMs = 0;
};

} // namespace mockd
