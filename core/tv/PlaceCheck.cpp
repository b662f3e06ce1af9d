#include "core/tv/PlaceCheck.h"

namespace vigil {
namespace {

Device placed(const Device::Location& location)
{
    Device device;
    device.location = location;
    return device;
}

} // namespace

QString PlaceCheck::farWarning(Device::Type type, const Device::Location& requester, const Device::Location& here)
{
    // "Lisbon, Portugal" for the far place; the nearest name ("London") for where the person is.
    const QString there = placed(requester).locationText();
    const QString own = placed(here).placeText();
    if (type == Device::Type::Tv)
        return tr("This TV is in %1. You are in %2. Only approve a TV you can see in front of you.").arg(there, own);
    return tr("This device is in %1. You are in %2. Only approve a device you can see in front of you.")
        .arg(there, own);
}

QString PlaceCheck::unknownPlaceNote(Device::Type type)
{
    if (type == Device::Type::Tv)
        return tr("Vigil can't tell where this TV is. Only approve a TV you can see in front of you.");
    return tr("Vigil can't tell where this device is. Only approve a device you can see in front of you.");
}

} // namespace vigil
