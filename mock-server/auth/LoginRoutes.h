#pragma once

#include "auth/LoginThrottle.h"
#include "store/Records.h"

#include <QObject>

namespace mockd {

class Clock;
class MfaChallenges;
class PasswordHasher;
class Router;
class SessionIssuer;
class Store;
struct RequestContext;

// POST /v1/auth/login and POST /v1/auth/mfa.
//
// Unknown accounts and wrong passwords get the same answer at the same cost (the password is
// checked against a dummy hash). An attempt counts as a failure from the moment it starts, so
// parallel guesses cannot slip past the throttle; a success clears the counters.
class LoginRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginRoutes)

public:
    LoginRoutes(Store& store,
                const Clock& clock,
                PasswordHasher& hasher,
                LoginThrottle& throttle,
                MfaChallenges& challenges,
                SessionIssuer& issuer,
                QObject* parent = nullptr);
    ~LoginRoutes() override;

    void registerRoutes(Router& router);

private:
    struct Attempt
    {
        QString email;
        LoginThrottle::Keys keys;
        Device device;
        QString requestedDeviceId;
        QString ip;
    };

    void login(const RequestContext& context);
    void finishLogin(const RequestContext& context, const Attempt& attempt, bool passwordMatches);
    void completeMfa(const RequestContext& context);
    void audit(const QString& accountId, const QString& type, const QString& ip, const QJsonObject& details);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    LoginThrottle& m_throttle;
    MfaChallenges& m_challenges;
    SessionIssuer& m_issuer;
};

} // namespace mockd
