#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigil {

// One desktop alert about new sign-ins: for one device ("Was this you?": "Yes, It Was Me" confirms
// it, "No, Sign It Out" signs it out), or for a burst of them (the action opens the device list).
struct SignInAlert
{
    QStringList deviceIds;
    QString title;
    QString body;
    // This Vigil is new itself: the service lets it neither confirm nor sign out another device,
    // so the alert offers neither.
    bool thisDeviceIsNew = false;

    bool isSingle() const { return deviceIds.size() == 1; }
    bool canAnswer() const { return isSingle() && !thisDeviceIsNew; }
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::SignInAlert)
