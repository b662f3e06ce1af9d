#include "core/tv/TvRequest.h"

#include "core/tv/PlaceCheck.h"
#include "core/util/Json.h"

#include <algorithm>

namespace vigil {

std::optional<TvRequest> TvRequest::fromJson(const QJsonObject& json, const QDateTime& now)
{
    const auto id = Json::string(json, QLatin1String("id"));
    const auto described = Json::object(json, QLatin1String("device"));
    if (!id || id->isEmpty() || !described)
        return std::nullopt;
    // The device's own words read like any device of the list, address and place included.
    QJsonObject deviceJson = *described;
    deviceJson.insert(QStringLiteral("id"), *id);
    deviceJson.insert(QStringLiteral("ip"), json.value(QLatin1String("ip")));
    deviceJson.insert(QStringLiteral("location"), json.value(QLatin1String("location")));
    auto device = Device::fromJson(deviceJson);
    if (!device)
        return std::nullopt;

    TvRequest request;
    request.id = *id;
    request.userCode = Json::string(json, QLatin1String("user_code")).value_or(QString());
    request.device = *device;
    request.device.problems.clear(); // a waiting device has no status or sign-in dates yet
    if (const auto approver = Json::object(json, QLatin1String("approver"))) {
        const QJsonObject placed{{QStringLiteral("id"), QStringLiteral("approver")},
                                 {QStringLiteral("location"), approver->value(QLatin1String("location"))}};
        if (const auto here = Device::fromJson(placed))
            request.approverPlace = here->location;
    }
    if (const QJsonValue km = json.value(QLatin1String("distance_km")); km.isDouble())
        request.distanceKm = km.toDouble();
    request.far = Json::boolean(json, QLatin1String("far")).value_or(false);
    const qint64 expiresIn = std::clamp<qint64>(Json::integer(json, QLatin1String("expires_in")).value_or(0), 0, 3600);
    request.expiresAt = now.addSecs(expiresIn);
    return request;
}

QString TvRequest::placeWarning() const
{
    if (far)
        return PlaceCheck::farWarning(device.type, device.location, approverPlace);
    if (!device.location.isKnown())
        return PlaceCheck::unknownPlaceNote(device.type);
    return {};
}

} // namespace vigil
