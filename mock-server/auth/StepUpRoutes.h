#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

namespace mockd {

class Clock;
class PasswordHasher;
class Router;
class StepUp;
class Store;
struct Account;
struct RequestContext;
struct StepUpChallenge;

// POST /v1/step-up, /v1/step-up/resend, /v1/step-up/verify and the admin outbox
// (GET /__admin/outbox). Methods: password, email and sms (a 6-digit code sent to the outbox), totp
// and recovery (a single-use recovery code, checked on a worker thread: its hash is argon2id).
class StepUpRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepUpRoutes)

public:
    StepUpRoutes(Store& store, const Clock& clock, PasswordHasher& hasher, StepUp& stepUp, QObject* parent = nullptr);
    ~StepUpRoutes() override;

    void registerRoutes(Router& router);
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
    void finishVerify(const RequestContext& context, const QString& handle, bool matches, qint64 totpStep);
    void audit(const RequestContext& context, const QString& type, const QJsonObject& details);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    StepUp& m_stepUp;
    // Last member: destroyed (waiting for running hashes) before anything a result would touch.
    QThreadPool m_pool;
};

} // namespace mockd
