#pragma once

#include <QObject>

namespace mockd {

class DeviceService;
class Router;
class Store;
struct RequestContext;

// GET /v1/activity: the account's security history from the audit log, newest first, filtered by
// time, type and device, with a keyset cursor.
class ActivityRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityRoutes)

public:
    ActivityRoutes(const Store& store, const DeviceService& devices, QObject* parent = nullptr);
    ~ActivityRoutes() override;

    void registerRoutes(Router& router);

    static constexpr int defaultLimit = 50;
    static constexpr int maxLimit = 200;

private:
    void list(const RequestContext& context);

    const Store& m_store;
    const DeviceService& m_devices;
};

} // namespace mockd
