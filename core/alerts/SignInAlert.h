#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigil {

// One desktop alert about new sign-ins: for one device ("This wasn't me" signs that one out), or
// for a burst of them (the action opens the device list).
struct SignInAlert
{
    QStringList deviceIds;
    QString title;
    QString body;

    bool isSingle() const { return deviceIds.size() == 1; }
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::SignInAlert)
