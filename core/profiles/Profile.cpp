#include "Profile.h"

#include "core/devices/Rfc3339.h"
#include "core/util/Json.h"

namespace vigil {

std::optional<Profile> Profile::fromJson(const QJsonObject& json)
{
    const auto id = Json::string(json, QLatin1String("id"));
    const auto name = Json::string(json, QLatin1String("name"));
    const auto kids = Json::boolean(json, QLatin1String("kids"));
    if (!id || id->isEmpty() || !name || !kids)
        return std::nullopt;
    Profile profile;
    profile.id = *id;
    profile.name = *name;
    profile.kids = *kids;
    profile.avatar = Json::string(json, QLatin1String("avatar")).value_or(QString());
    if (const auto device = Json::object(json, QLatin1String("last_device"))) {
        profile.lastDeviceId = Json::string(*device, QLatin1String("id")).value_or(QString());
        profile.lastDeviceName = Json::string(*device, QLatin1String("name")).value_or(QString());
    }
    if (const auto time = Json::string(json, QLatin1String("last_active")))
        profile.lastActive = Rfc3339::parse(*time);
    return profile;
}

} // namespace vigil
