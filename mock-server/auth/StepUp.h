#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace mockd {

class Clock;
class Database;

// A step-up verification in progress: the caller's session asked to prove it is the account holder
// again. One-time codes exist only as a salted SHA-256.
struct StepUpChallenge
{
    QByteArray idHash;
    QString accountId;
    QString sessionId;
    QString method;      // password | email | sms | totp | recovery | security_key
    QString destination; // masked, as shown to the caller
    // step_up (earns a step-up token) | shorten_wait (shortens the session's new-session wait,
    // YoungSessions): a code never does the other's job.
    QString purpose = QStringLiteral("step_up");
    // security_key: the random challenge (base64url) the assertion's client data must carry.
    QString keyChallenge;
    QByteArray codeSalt;
    QByteArray codeHash;
    quint64 sequence = 0; // creation order: the oldest is evicted first
    qint64 expiresAtMs = 0;
    qint64 lastSentMs = 0;
    int failedAttempts = 0;
    bool locked = false; // too many wrong secrets: nothing will verify any more
};

// A message the service "sent" (there is no mail or SMS gateway): read through GET /__admin/outbox.
struct OutboxMessage
{
    QString to;
    QString channel; // email | sms
    QString code;
    QString purpose;
    QString subject;
    QString text;
    qint64 sentAtMs = 0;
};

// A step-up token that passed verification: bound to the session that earned it.
struct StepUpGrant
{
    QString accountId;
    QString sessionId;
    QString method;
    qint64 expiresAtMs = 0;
};

// Step-up state (everything here lives minutes): challenges, the outbox, the per-account send log
// and per-session start log (rate limits) and the granted tokens (hashes only). Every read goes to
// the database, nothing is kept in memory, so several vigil-mockd on one database share it: a
// challenge started on one is answered on another. The wrong-secret budget: StepUpBudget.
class StepUp final
{
public:
    StepUp(Database& database, const Clock& clock);

    // Returns the challenge handle, or an empty string when the service holds as many challenges as
    // it will (AuthPolicy::stepUpMaxChallenges). A session's or account's oldest challenge makes
    // room for its new one (AuthPolicy::stepUpMaxChallengesPerSession, ...PerAccount).
    QString create(StepUpChallenge challenge);
    // Seconds until the session may open another challenge (0 = now).
    qint64 startWait(const QString& sessionId) const;
    // A copy of the challenge as stored: change it, then save() it.
    std::optional<StepUpChallenge> find(QStringView handle) const;
    void save(const StepUpChallenge& challenge);
    // Counts a wrong secret in one statement (parallel tries on several instances all count) and
    // locks the challenge at `maxAttempts`; updates `challenge` to the stored count and lock.
    void recordWrongSecret(StepUpChallenge& challenge, int maxAttempts);
    // False when it was gone already (another request, maybe on another instance, used it).
    bool remove(const QByteArray& idHash);

    // A fresh 6-digit code for the challenge (CSPRNG), stored hashed; returns it for the outbox.
    QString newCode(StepUpChallenge& challenge);
    static bool codeMatches(const StepUpChallenge& challenge, QStringView code);

    // Recovery codes ("abcd-efgh-jk12"): case-insensitive, dashes and spaces optional. Returns the
    // canonical form (lower case, no separators), or an empty string when it cannot be one.
    static QString normalizeRecoveryCode(QStringView code);
    static QByteArray newRecoverySalt();
    // argon2id of the canonical code; empty on failure. Slow on purpose (see StepUp.cpp): run it on
    // a worker thread when answering a request.
    static QByteArray recoveryCodeHash(const QByteArray& salt, const QString& normalizedCode);
    // The stored hash among `hashes` equal to `candidate` (constant-time per comparison), or empty.
    static QByteArray matchingHash(const QList<QByteArray>& hashes, const QByteArray& candidate);

    // E.164 ("+447700900312") from a number written with spaces, dashes or brackets; empty when it
    // is not one.
    static QString normalizePhone(QStringView phone);

    // Seconds until the account may be sent another code (0 = now): at most maxSendsPerHour.
    qint64 sendWait(const QString& accountId) const;
    void recordSend(const OutboxMessage& message, const QString& accountId);
    QList<OutboxMessage> outbox(const QString& to) const;

    QString grant(const StepUpGrant& grant);
    // The grant behind a token, when it is live and belongs to `sessionId`.
    std::optional<StepUpGrant> check(QStringView token, const QString& sessionId) const;

    void clear();
    // Challenges stored, expired ones included.
    qsizetype challengeCount() const;

private:
    void dropExpired();
    // Removes the oldest challenges whose `column` is `value` until fewer than `cap` are left.
    void evictOldest(const char* column, const QString& value, int cap);
    QList<qint64> log(const char* kind, const QString& owner) const;
    void addToLog(const char* kind, const QString& owner, qint64 atMs);

    Database& m_database;
    const Clock& m_clock;
};

} // namespace mockd
