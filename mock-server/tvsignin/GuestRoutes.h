#pragma once

#include <QObject>
#include <functional>

namespace mockd {

class Clock;
class DeviceService;
class Router;
class StepUp;
class Store;
struct RequestContext;

// PUT /v1/devices/{id}/guest: extends a guest's access or brings its end forward, behind the
// step-up and young-session guard of a sign-out (ending it now is a sign-out).
class GuestRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestRoutes)

public:
    GuestRoutes(Store& store,
                const Clock& clock,
                StepUp& stepUp,
                DeviceService& devices,
                std::function<void()> guestsChanged,
                QObject* parent = nullptr);
    ~GuestRoutes() override;

    void registerRoutes(Router& router);

private:
    void change(const RequestContext& context);

    Store& m_store;
    const Clock& m_clock;
    StepUp& m_stepUp;
    DeviceService& m_devices;
    std::function<void()> m_guestsChanged;
};

} // namespace mockd
