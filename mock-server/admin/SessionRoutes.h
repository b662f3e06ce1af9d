#pragma once

#include <QObject>

namespace mockd {

class Router;
class SessionIssuer;
class Store;
struct RequestContext;

// POST /__admin/sessions: signs many devices in to one account without checking a password, so a
// benchmark gets thousands of signed-in devices without thousands of argon2id verifications (a
// fixed cost it measures apart). Everything else is what a password sign-in records.
class SessionRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionRoutes)

public:
    static constexpr int maxDevices = 100000;

    SessionRoutes(Store& store, SessionIssuer& issuer, QObject* parent = nullptr);
    ~SessionRoutes() override;

    void registerRoutes(Router& router);

private:
    void issue(const RequestContext& context);

    Store& m_store;
    SessionIssuer& m_issuer;
};

} // namespace mockd
