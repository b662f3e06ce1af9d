#pragma once

#include <QJsonObject>

namespace vigil {

// How this computer introduces itself when signing in (`DeviceInfo` in the contract), so the
// account's device list can name it.
class DeviceDescription final
{
public:
    DeviceDescription() = delete;

    static QJsonObject thisComputer();
};

} // namespace vigil
