#include "auth/DeviceInfoReader.h"

#include "http/FieldReader.h"

namespace mockd {

Device readDeviceInfo(FieldReader& device)
{
    const StringRule text64{.required = false, .maxLength = 64, .trim = true, .visibleOnly = true};
    const StringRule text32{.required = false, .maxLength = 32, .trim = true, .visibleOnly = true};
    Device out;
    out.name = device.string(QStringLiteral("name"), text64);
    out.type = device.string(QStringLiteral("type"), {.required = false, .oneOf = Device::types()});
    out.os = device.string(QStringLiteral("os"), text64);
    out.osVersion = device.string(QStringLiteral("os_version"), text32);
    out.app = device.string(QStringLiteral("app"), text64);
    out.appVersion = device.string(QStringLiteral("app_version"), text32);
    return out;
}

} // namespace mockd
