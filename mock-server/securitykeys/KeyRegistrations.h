#pragma once

#include <QString>
#include <optional>

namespace mockd {

class Clock;
class Database;

// A security-key registration in progress: the challenge the authenticator's client data must carry.
struct KeyRegistration
{
    QString accountId;
    QString sessionId;
    QString challenge; // base64url, as handed out
    qint64 expiresAtMs = 0;
    quint64 sequence = 0;
};

// Registrations (they live five minutes) in the database only, so that a key added through one
// vigil-mockd is finished on another: single use, bound to the session that started them, at most
// SecurityKeyPolicy::registrationsPerSession per session.
class KeyRegistrations final
{
public:
    KeyRegistrations(Database& database, const Clock& clock);

    // The new registration's id (skr_…), or empty when the service holds as many as it will.
    QString start(const QString& accountId, const QString& sessionId, const QString& challenge);
    // Removes and returns the registration when it is live and of `sessionId`; removes it anyway
    // when it is of that session, so a refused finish cannot be retried.
    std::optional<KeyRegistration> take(const QString& id, const QString& sessionId);
    void clear();

private:
    void dropExpired();

    Database& m_database;
    const Clock& m_clock;
};

} // namespace mockd
