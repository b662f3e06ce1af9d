#pragma once

#include <QList>
#include <QObject>

namespace mockd {

class AutoSignOutSweep;
class Clock;
class DeviceService;
class Router;
class StepUp;
class Store;
struct RequestContext;

// GET and PUT /v1/account/settings: the account's own rules, today the auto sign-out of unused
// devices ({"auto_sign_out_days": 30|60|90|180|365|null}). A PUT needs a step-up token like every
// other sensitive change (it decides when devices lose access). A change is audited
// (`auto_sign_out_changed`, with the step-up method), re-announces the devices (their
// auto_signout_at moved) and applies at once.
class SettingsRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsRoutes)

public:
    SettingsRoutes(Store& store,
                   const Clock& clock,
                   StepUp& stepUp,
                   DeviceService& devices,
                   AutoSignOutSweep& sweep,
                   QObject* parent = nullptr);
    ~SettingsRoutes() override;

    void registerRoutes(Router& router);

    static const QList<int>& allowedDays();

private:
    void get(const RequestContext& context);
    void put(const RequestContext& context);
    void respond(const RequestContext& context, int days);

    Store& m_store;
    const Clock& m_clock;
    StepUp& m_stepUp;
    DeviceService& m_devices;
    AutoSignOutSweep& m_sweep;
};

} // namespace mockd
