#pragma once

#include "store/Records.h"

#include <QHash>
#include <QStringList>

namespace mockd {

class Clock;

// A sign-in that passed the password and waits for its second factor.
struct MfaChallenge
{
    QByteArray tokenHash;
    QString accountId;
    QString email;
    Device device;           // what the client said about itself at login
    QString requestedDevice; // a device id the client asked to continue
    QString ip;
    QByteArray deviceCookieHash; // the valid device cookie presented with the password, if any
    QStringList methods;
    qint64 expiresAtMs = 0;
    int failedAttempts = 0;
};

// Pending second-factor steps, in memory only (they live five minutes). The mfa_token handed to
// the client is a secret; only its hash is kept.
class MfaChallenges final
{
public:
    explicit MfaChallenges(const Clock& clock);

    // Stores the challenge and returns its token.
    QString create(MfaChallenge challenge);
    // The live challenge for a token; expired ones are forgotten and not returned.
    MfaChallenge* find(QStringView token);
    void remove(const QByteArray& tokenHash);
    void clear() { m_challenges.clear(); }

private:
    void dropExpired();

    const Clock& m_clock;
    QHash<QByteArray, MfaChallenge> m_challenges;
};

} // namespace mockd
