#pragma once

#include "auth/DeviceCookies.h"
#include "auth/LoginThrottle.h"
#include "auth/SessionIssuer.h"
#include "auth/ThrottledAudit.h"
#include "store/Records.h"

#include <QObject>

namespace mockd {

class Clock;
class MfaChallenges;
class PasswordHasher;
class Router;
class Store;
struct RequestContext;

// POST /v1/auth/login and POST /v1/auth/mfa.
//
// Unknown accounts and wrong passwords get the same answer at the same cost (the password is
// checked against a dummy hash). An attempt counts as a failure from the moment it starts, so
// parallel guesses cannot slip past the throttle; a success clears the counters. A client that
// presents a valid device cookie is throttled on that cookie alone, and every sign-in hands out a
// new cookie (DeviceCookies).
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
        QByteArray deviceCookieHash; // the valid device cookie presented, if any
    };

    void login(const RequestContext& context);
    void finishLogin(const RequestContext& context, const Attempt& attempt, bool passwordMatches);
    void completeMfa(const RequestContext& context);
    void audit(const QString& accountId, const QString& type, const QString& ip, const QJsonObject& details);
    // Answers 429 and audits it (coalesced).
    void refuse(const RequestContext& context,
                const QString& accountId,
                const LoginThrottle::Keys& keys,
                qint64 wait,
                const QJsonObject& details);
    LoginThrottle::Keys
    keysFor(const QString& email, const QByteArray& deviceCookieHash, const RequestContext& c) const;
    // The token pair with a fresh device cookie that replaces `presentedHash`.
    void respondSignedIn(const RequestContext& context,
                         const Expected<IssuedTokens, ApiError>& issued,
                         const QString& accountId,
                         const QByteArray& presentedHash);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    LoginThrottle& m_throttle;
    MfaChallenges& m_challenges;
    SessionIssuer& m_issuer;
    DeviceCookies m_deviceCookies;
    ThrottledAudit m_throttledAudit;
};

} // namespace mockd
