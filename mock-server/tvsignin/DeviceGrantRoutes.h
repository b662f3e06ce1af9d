#pragma once

#include <QObject>

namespace mockd {

class AdminGuard;
class Clock;
class Router;
class SessionIssuer;
class Store;
struct DeviceGrant;
struct RequestContext;

// The TV's side of RFC 8628: POST /v1/auth/device hands out a device code and a user code, and
// POST /v1/auth/device/token answers its polls (authorization_pending, slow_down, expired_token,
// access_denied, invalid_grant) until the holder's decision, then the tokens, exactly once. Nothing
// waits in memory: the approved session has no tokens until a poll, on whichever instance it lands,
// wins the approved → delivered change in the database and makes the pair.
class DeviceGrantRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceGrantRoutes)

public:
    static inline const QString grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
    static inline const QString verificationUri = QStringLiteral("https://vigil.test/tv");

    DeviceGrantRoutes(
        Store& store, const Clock& clock, SessionIssuer& issuer, const AdminGuard& admin, QObject* parent = nullptr);
    ~DeviceGrantRoutes() override;

    void registerRoutes(Router& router);

private:
    void request(const RequestContext& context);
    void poll(const RequestContext& context);
    // The approved grant's tokens, for the one poll that marks it delivered.
    void deliver(const RequestContext& context, const DeviceGrant& grant, qint64 nowMs);
    // The address the code is asked from: the peer, or (QA, with the admin key) X-Simulated-Address.
    QString requestAddress(const RequestContext& context) const;

    Store& m_store;
    const Clock& m_clock;
    SessionIssuer& m_issuer;
    const AdminGuard& m_admin;
};

} // namespace mockd
