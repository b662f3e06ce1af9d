#pragma once

#include <QString>
#include <optional>

namespace mockd {

class Clock;
class Database;

// Authenticator-app enrolments waiting for their first code (they live minutes), in the database
// only, so that a set-up started on one vigil-mockd is confirmed on another. The secret is kept as
// the account keeps it once confirmed (accounts.totp_secret); one per account.
class PendingEnrolments final
{
public:
    struct Pending
    {
        QString accountId;
        QString sessionId;
        QString secret; // base32
        qint64 expiresAtMs = 0;
        int failedAttempts = 0;
    };

    PendingEnrolments(Database& database, const Clock& clock);

    // Stores the enrolment under a new id (tse_…), replacing the account's unfinished one; empty
    // when it could not be stored.
    QString start(const Pending& pending);
    // A live enrolment; expired ones are deleted and not returned.
    std::optional<Pending> find(const QString& id);
    // Counts a wrong code in one statement; returns the new count.
    int recordWrongCode(const QString& id, int whenGone);
    void remove(const QString& id);

private:
    void dropExpired();

    Database& m_database;
    const Clock& m_clock;
};

} // namespace mockd
