#pragma once

#include <QHash>
#include <QString>
#include <optional>

namespace mockd {

class Clock;

// A security-key registration in progress: the challenge the authenticator's client data must carry.
struct KeyRegistration
{
    QString accountId;
    QString sessionId;
    QString challenge; // base64url, as handed out
    qint64 expiresAtMs = 0;
    quint64 sequence = 0;
};

// Registrations in memory (they live five minutes): single use, bound to the session that started
// them, at most SecurityKeyPolicy::registrationsPerSession per session.
class KeyRegistrations final
{
public:
    explicit KeyRegistrations(const Clock& clock);

    // The new registration's id (skr_…), or empty when the service holds as many as it will.
    QString start(const QString& accountId, const QString& sessionId, const QString& challenge);
    // Removes and returns the registration when it is live and of `sessionId`; removes it anyway
    // when it is of that session, so a refused finish cannot be retried.
    std::optional<KeyRegistration> take(const QString& id, const QString& sessionId);
    void clear() { m_registrations.clear(); }

private:
    void dropExpired();

    const Clock& m_clock;
    QHash<QString, KeyRegistration> m_registrations;
    quint64 m_nextSequence = 0;
};

} // namespace mockd
