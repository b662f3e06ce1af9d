#include "DeviceFilterPreset.h"

#include "core/devices/DeviceFilterModel.h"

namespace vigil {

QList<DeviceFilterPreset::Kind> DeviceFilterPreset::all()
{
    return {All, Active, Streaming, Idle, Offline, Inactive, Unfamiliar, New};
}

QString DeviceFilterPreset::text(Kind kind)
{
    switch (kind) {
    case All:
        return tr("All");
    case Active:
        return tr("Active now");
    case Streaming:
        return tr("Streaming");
    case Idle:
        return tr("Idle");
    case Offline:
        return tr("Offline");
    case Inactive:
        return tr("Inactive 90+ days");
    case Unfamiliar:
        return tr("Unfamiliar location");
    case New:
        return tr("New, not confirmed");
    }
    return {};
}

QString DeviceFilterPreset::description(Kind kind)
{
    switch (kind) {
    case All:
        return tr("Every device that is signed in.");
    case Active:
        return tr("Devices connected right now: streaming, paused or idle.");
    case Streaming:
        return tr("Devices playing something right now.");
    case Idle:
        return tr("Devices connected but not playing anything.");
    case Offline:
        return tr("Devices still signed in but not connected now.");
    case Inactive:
        return tr("Devices nobody has used for 90 days or more. Consider signing them out.");
    case Unfamiliar:
        return tr("Devices in countries your account doesn't usually use.");
    case New:
        return tr("Devices that signed in recently and that you haven't confirmed. Confirm the ones you know; "
                  "sign out the others.");
    }
    return {};
}

QString DeviceFilterPreset::emptyText(Kind kind)
{
    switch (kind) {
    case All:
        return tr("No devices match");
    case Active:
        return tr("No devices are active now");
    case Streaming:
        return tr("No devices are streaming");
    case Idle:
        return tr("No idle devices");
    case Offline:
        return tr("No offline devices");
    case Inactive:
        return tr("No devices inactive for 90+ days");
    case Unfamiliar:
        return tr("No devices in unfamiliar locations");
    case New:
        return tr("No new devices to confirm");
    }
    return {};
}

void DeviceFilterPreset::apply(Kind kind, DeviceFilterModel& model)
{
    QList<Device::Status> statuses;
    if (kind == Active)
        statuses = {Device::Status::Streaming, Device::Status::Paused, Device::Status::Idle};
    else if (kind == Streaming)
        statuses = {Device::Status::Streaming};
    else if (kind == Idle)
        statuses = {Device::Status::Idle};
    else if (kind == Offline)
        statuses = {Device::Status::Offline};
    model.setStatusFilter(statuses);
    model.setInactiveOnly(kind == Inactive);
    model.setUnfamiliarOnly(kind == Unfamiliar);
    model.setNewOnly(kind == New);
}

} // namespace vigil
