#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QObject>
#include <functional>

namespace vigil {

class ApiClient;
class DeviceListModel;
class StepUpService;

// "Yes, it was me": confirms a new device (POST /v1/devices/{id}/confirm), so its sessions stop
// being new. Like a sign-out it needs a valid step-up token (StepUpService); without one the
// callback gets StepUpRequired at once, and a token the service refuses is dropped. The answer (the
// device, now established) updates its row at once; the service's device.updated follows.
class DeviceConfirmService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceConfirmService)

public:
    using Callback = std::function<void(const Expected<void, ApiError>&)>;

    DeviceConfirmService(ApiClient* api, StepUpService* stepUp, DeviceListModel* model, QObject* parent = nullptr);
    ~DeviceConfirmService() override;

    StepUpService* stepUp() const { return m_stepUp; }
    // The callback runs once, unless `context` is gone by then.
    void confirm(const QString& deviceId, QObject* context, Callback done);

private:
    ApiClient* m_api;
    StepUpService* m_stepUp;
    DeviceListModel* m_model;
};

} // namespace vigil
