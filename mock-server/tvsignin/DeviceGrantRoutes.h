#pragma once

#include <QObject>

namespace mockd {

class AdminGuard;
class Clock;
class Router;
class Store;
class TokenHandoff;
struct RequestContext;

// The TV's side of RFC 8628: POST /v1/auth/device hands out a device code and a user code, and
// POST /v1/auth/device/token answers its polls (authorization_pending, slow_down, expired_token,
// access_denied, invalid_grant) until the holder's decision, then the tokens, exactly once.
class DeviceGrantRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceGrantRoutes)

public:
    static inline const QString grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
    static inline const QString verificationUri = QStringLiteral("https://vigil.test/tv");

    DeviceGrantRoutes(
        Store& store, const Clock& clock, TokenHandoff& handoff, const AdminGuard& admin, QObject* parent = nullptr);
    ~DeviceGrantRoutes() override;

    void registerRoutes(Router& router);

private:
    void request(const RequestContext& context);
    void poll(const RequestContext& context);
    // The address the code is asked from: the peer, or (QA, with the admin key) X-Simulated-Address.
    QString requestAddress(const RequestContext& context) const;

    Store& m_store;
    const Clock& m_clock;
    TokenHandoff& m_handoff;
    const AdminGuard& m_admin;
};

} // namespace mockd
