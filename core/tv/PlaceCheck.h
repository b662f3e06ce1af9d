#pragma once

#include "core/devices/Device.h"

#include <QCoreApplication>

namespace vigil {

// The words for a device that asks to sign in far from the computer approving it. A person
// approving a code should be looking at the TV; one in another country or city is the sign of
// someone reading a code to them over the phone (the usual device-code phishing). Whether the two
// places are far apart is the service's call (`far` of the lookup: different countries, or more than
// 100 km apart by their GeoIP coordinates), so every client warns alike.
class PlaceCheck
{
    Q_DECLARE_TR_FUNCTIONS(vigil::PlaceCheck)

public:
    // "This TV is in Lisbon, Portugal. You are in London. Only approve a TV you can see in front of
    // you." Empty when not far.
    static QString farWarning(Device::Type type, const Device::Location& requester, const Device::Location& here);
    // Where the device is, when the service could not place it: "Vigil can't tell where this TV is.
    // Only approve a TV you can see in front of you."
    static QString unknownPlaceNote(Device::Type type);
};

} // namespace vigil
