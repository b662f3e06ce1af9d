#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace mockd {

class Clock;

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

// Step-up state, in memory only (everything here lives minutes): challenges, the outbox, the
// per-account send log and per-session start log (rate limits) and the granted tokens (hashes
// only). The wrong-secret budget is persisted: StepUpBudget.
class StepUp final
{
public:
    explicit StepUp(const Clock& clock);

    // Returns the challenge handle, or an empty string when the service holds as many challenges as
    // it will (AuthPolicy::stepUpMaxChallenges). A session's or account's oldest challenge makes
    // room for its new one (AuthPolicy::stepUpMaxChallengesPerSession, ...PerAccount).
    QString create(StepUpChallenge challenge);
    // Seconds until the session may open another challenge (0 = now).
    qint64 startWait(const QString& sessionId) const;
    StepUpChallenge* find(QStringView handle);
    void remove(const QByteArray& idHash);

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
    // Challenges held in memory, expired ones included.
    qsizetype challengeCount() const { return m_challenges.size(); }

private:
    void dropExpired();
    // Removes the oldest challenges matching `same` until fewer than `cap` are left.
    template <typename Predicate>
    void evictOldest(Predicate same, int cap);

    const Clock& m_clock;
    QHash<QByteArray, StepUpChallenge> m_challenges;
    QHash<QByteArray, StepUpGrant> m_grants;
    QHash<QString, QList<qint64>> m_sendsByAccount;
    QHash<QString, QList<qint64>> m_startsBySession;
    QList<OutboxMessage> m_outbox;
    quint64 m_nextSequence = 0;
};

} // namespace mockd
