#pragma once

#include <QJsonObject>
#include <QObject>

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
// (GET /__admin/outbox). Methods: password, email (a 6-digit code sent to the outbox) and totp.
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

private:
    void start(const RequestContext& context);
    void resend(const RequestContext& context);
    void verify(const RequestContext& context);
    void outbox(const RequestContext& context);

    void sendCode(StepUpChallenge& challenge, const Account& account);
    void answerChallenge(const RequestContext& context, const QString& handle, const StepUpChallenge& challenge);
    void finishVerify(const RequestContext& context, const QString& handle, bool matches, qint64 totpStep);
    void audit(const RequestContext& context, const QString& type, const QJsonObject& details);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    StepUp& m_stepUp;
};

} // namespace mockd
