#include "core/devices/DevicesLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcDevices, "vigil.core.devices", QtInfoMsg)
} // namespace vigil
