#pragma once

#include "auth/StepUpBudget.h"
#include "auth/WaitShortening.h"

#include <QJsonObject>
#include <QObject>
#include <functional>
#include <optional>

namespace mockd {

class Clock;
class LoginThrottle;
class PasswordHasher;
class Router;
class StepUp;
class Store;
class YoungSessions;
struct Account;
struct AssertionCheck;
struct RequestContext;
struct StepUpChallenge;

// POST /v1/step-up, /v1/step-up/resend, /v1/step-up/verify and the admin outbox
// (GET /__admin/outbox). Methods: password, email and sms (a 6-digit code sent to the outbox), totp
// and recovery (a single-use recovery code, checked on the HashingPool: its hash is argon2id), and
// security_key (a FIDO2 assertion of one of the account's keys, securitykeys/AssertionCheck). Every
// wrong secret counts against the account's and the session's StepUpBudget; a wrong password also
// counts as a failed sign-in of the account. An email challenge with purpose shorten_wait shortens
// the caller's new-session wait instead of earning a token (WaitShortening).
class StepUpRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepUpRoutes)

public:
    StepUpRoutes(Store& store,
                 const Clock& clock,
                 PasswordHasher& hasher,
                 LoginThrottle& loginThrottle,
                 StepUp& stepUp,
                 QObject* parent = nullptr);
    ~StepUpRoutes() override;

    void registerRoutes(Router& router);
    // Without it, shorten_wait is refused as a method that is not set up.
    void setYoungSessions(YoungSessions* young) { m_shortening.setYoungSessions(young); }
    // The WebAuthn relying party id security-key assertions must be for (--rp-id).
    void setRelyingParty(const QString& rpId) { m_rpId = rpId; }
    // Runs after a session's wait was shortened (the device list shows the new end).
    void setWaitShortenedHandler(std::function<void(const QString& accountId, const QString& deviceId)> handler)
    {
        m_shortening.setShortenedHandler(std::move(handler));
    }
    // "d***@vigil.test"
    static QString maskEmail(const QString& email);
    // "+44 •••• ••12": the country code and the last two digits of an E.164 number.
    static QString maskPhone(const QString& phone);

private:
    void start(const RequestContext& context);
    void resend(const RequestContext& context);
    void verify(const RequestContext& context);
    void outbox(const RequestContext& context);

    void sendCode(StepUpChallenge& challenge, const Account& account);
    void verifyRecoveryCode(const RequestContext& context, const QString& handle, const QString& secret);
    void finishRecovery(const RequestContext& context, const QString& handle, const QByteArray& matchedHash);
    void answerChallenge(const RequestContext& context, const QString& handle, const StepUpChallenge& challenge);
    // `key`: what checking a security key's assertion found (security_key challenges only).
    void finishVerify(const RequestContext& context,
                      const QString& handle,
                      bool matches,
                      qint64 totpStep,
                      const AssertionCheck* key = nullptr);
    void auditKeyFailure(const RequestContext& context, const AssertionCheck& key, QJsonObject& details);
    // What the caller is told when a security key's assertion is refused.
    static QString keyRefusalText(const AssertionCheck& key);
    void recordKeyUse(const AssertionCheck& key, QJsonObject& details);
    void audit(const RequestContext& context, const QString& type, const QJsonObject& details);
    // Answers 429 (and returns true) while the challenge's account or session has to wait.
    bool refuseWhileThrottled(const RequestContext& context, const StepUpChallenge& challenge);
    // The challenge behind `handle` when an answer to it may still be judged; otherwise `context` is
    // answered (expired, locked, or 429 while its account or session has to wait).
    std::optional<StepUpChallenge> judgeableChallenge(const RequestContext& context, const QString& handle);
    void countAsFailedSignIn(const RequestContext& context, const StepUpChallenge& challenge);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    LoginThrottle& m_loginThrottle;
    StepUp& m_stepUp;
    StepUpBudget m_budget;
    QString m_rpId = QStringLiteral("vigil.test");
    WaitShortening m_shortening;
};

} // namespace mockd
