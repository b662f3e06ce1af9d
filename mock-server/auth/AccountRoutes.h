#pragma once

#include <QObject>

namespace mockd {

class Clock;
class Router;
class Store;
struct RequestContext;

// GET /v1/me: the signed-in account at a glance.
class AccountRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountRoutes)

public:
    AccountRoutes(const Store& store, const Clock& clock, QObject* parent = nullptr);
    ~AccountRoutes() override;

    void registerRoutes(Router& router);
    // Devices with at least one live session (not revoked, not cut off, not expired).
    qsizetype signedInDevices(const QString& accountId) const;

private:
    void me(const RequestContext& context);

    const Store& m_store;
    const Clock& m_clock;
};

} // namespace mockd
