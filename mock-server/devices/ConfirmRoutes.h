#pragma once

#include <QObject>

namespace mockd {

class Clock;
class DeviceService;
class Router;
class StepUp;
class Store;
class YoungSessions;
struct Device;
struct RequestContext;

// "Yes, it was me": POST /v1/devices/{id}/confirm ends a device's new-session restriction, behind
// the same step-up as a sign-out and only from an established session. With the admin API, QA
// lists an account's devices with their state and confirms or ages one without a step-up
// (/__admin/devices, /__admin/devices/{id}/confirm, .../age).
class ConfirmRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmRoutes)

public:
    ConfirmRoutes(Store& store,
                  const Clock& clock,
                  DeviceService& devices,
                  StepUp& stepUp,
                  YoungSessions& young,
                  QObject* parent = nullptr);
    ~ConfirmRoutes() override;

    void registerRoutes(Router& router);
    // Only with the admin API.
    void registerAdminRoutes(Router& router);

private:
    void confirm(const RequestContext& context);
    void adminConfirm(const RequestContext& context);
    void adminAge(const RequestContext& context);
    void adminList(const RequestContext& context);
    // Confirms and audits; false when the answer was already sent (an error).
    bool confirmAudited(const RequestContext& context,
                        const Device& device,
                        const QString& by,
                        const QString& actor,
                        const QString& verification);
    void respondState(const RequestContext& context, const Device& device);

    Store& m_store;
    const Clock& m_clock;
    DeviceService& m_devices;
    StepUp& m_stepUp;
    YoungSessions& m_young;
};

} // namespace mockd
