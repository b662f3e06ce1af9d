#include "core/flows/DeviceSignOutResult.h"

#include "core/util/Json.h"

#include <QJsonArray>

namespace vigil {

std::optional<DeviceSignOutResult::Result> DeviceSignOutResult::resultFromString(QStringView value)
{
    if (value == QLatin1String("signed_out"))
        return Result::SignedOut;
    if (value == QLatin1String("pending"))
        return Result::Pending;
    if (value == QLatin1String("failed"))
        return Result::Failed;
    return std::nullopt;
}

Expected<DeviceSignOutResult, ApiError> DeviceSignOutResult::fromJson(const QJsonObject& json)
{
    const auto id = Json::string(json, QLatin1String("device_id"));
    const auto resultText = Json::string(json, QLatin1String("result"));
    if (!id || id->isEmpty() || !resultText)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    const auto result = resultFromString(*resultText);
    if (!result)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    DeviceSignOutResult entry;
    entry.deviceId = *id;
    entry.name = Json::string(json, QLatin1String("name")).value_or(QString());
    entry.result = *result;
    entry.reason = Json::string(json, QLatin1String("reason")).value_or(QString());
    return entry;
}

Expected<DeviceSignOutResult::Response, ApiError> DeviceSignOutResult::responseFromJson(const QJsonObject& json)
{
    const QJsonValue results = json.value(QLatin1String("results"));
    if (!results.isArray())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    Response response;
    response.requestId = Json::string(json, QLatin1String("request_id")).value_or(QString());
    const QJsonArray array = results.toArray();
    for (const QJsonValue& value : array) {
        auto entry = fromJson(value.toObject());
        if (!entry)
            return Unexpected{entry.error()};
        response.results.append(std::move(entry).value());
    }
    return response;
}

} // namespace vigil
