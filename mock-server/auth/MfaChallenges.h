#pragma once

#include "store/Records.h"

#include <QStringList>
#include <optional>

namespace mockd {

class Clock;
class Database;

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

// Pending second-factor steps (they live five minutes), in the database only, so that a sign-in
// whose password went to one vigil-mockd finishes on another. The mfa_token handed to the client
// is a secret; only its hash is kept.
class MfaChallenges final
{
public:
    MfaChallenges(Database& database, const Clock& clock);

    // Stores the challenge and returns its token.
    QString create(MfaChallenge challenge);
    // A copy of the live challenge for a token; expired ones are deleted and not returned.
    std::optional<MfaChallenge> find(QStringView token);
    // Counts a wrong code in one statement (parallel tries on several instances all count);
    // returns the new count.
    int recordWrongCode(const QByteArray& tokenHash);
    // False when it was gone already (used by a parallel request, maybe on another instance).
    bool remove(const QByteArray& tokenHash);
    void clear();

private:
    void dropExpired();

    Database& m_database;
    const Clock& m_clock;
};

} // namespace mockd
