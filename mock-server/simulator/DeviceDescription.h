#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

class QRandomGenerator;

namespace mockd::sim {

// How a simulated device describes itself in the `device` object of POST /v1/auth/login.
struct DeviceDescription
{
    QString name;
    QString type; // tv, phone, tablet, computer, console, browser, settopbox
    QString os;
    QString osVersion;
    QString app;
    QString appVersion;

    QJsonObject toJson() const;

    // A plausible, varied device drawn from `random`; `takenNames` keeps names unique within one
    // simulator (a number is appended on a clash) and receives the new name.
    static DeviceDescription generate(QRandomGenerator& random, QSet<QString>& takenNames);
};

} // namespace mockd::sim
