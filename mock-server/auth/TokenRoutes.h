#pragma once

#include "auth/RefreshRetryGrace.h"

#include <QObject>
#include <functional>

namespace mockd {

class Clock;
class Router;
class SessionIssuer;
class Store;
struct RequestContext;

// POST /v1/auth/refresh (rotation with reuse detection) and POST /v1/auth/logout.
class TokenRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRoutes)

public:
    TokenRoutes(Store& store, const Clock& clock, SessionIssuer& issuer, QObject* parent = nullptr);
    ~TokenRoutes() override;

    void registerRoutes(Router& router);
    // Called with the session id when a revoked session's refresh token is presented.
    void setRevokedSeenHandler(std::function<void(const QString&)> handler) { m_revokedSeen = std::move(handler); }

Q_SIGNALS:
    // After the revocation is stored (sign-out or refresh-token reuse).
    void
    sessionRevoked(const QString& sessionId, const QString& accountId, const QString& deviceId, const QString& reason);

private:
    void refresh(const RequestContext& context);
    void logout(const RequestContext& context);
    void revokeSession(const QString& sessionId, const QString& reason, const QString& ip, const QString& actor);

    Store& m_store;
    const Clock& m_clock;
    SessionIssuer& m_issuer;
    std::function<void(const QString&)> m_revokedSeen;
    RefreshRetryGrace m_retryGrace;
};

} // namespace mockd
