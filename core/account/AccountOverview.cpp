#include "AccountOverview.h"

#include "core/util/Json.h"

namespace vigil {

Expected<AccountOverview, ApiError> AccountOverview::fromJson(const QJsonObject& json)
{
    const auto accountJson = Json::object(json, QLatin1String("account"));
    const auto profiles = Json::integer(json, QLatin1String("profiles_count"));
    const auto devices = Json::integer(json, QLatin1String("devices_count"));
    const auto session = Json::object(json, QLatin1String("session"));
    if (!accountJson || !profiles || !devices || !session || *profiles < 0 || *devices < 0)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    auto account = Account::fromJson(*accountJson);
    if (!account)
        return Unexpected{account.error()};

    AccountOverview overview;
    overview.account = std::move(account).value();
    overview.profilesCount = int(qMin<qint64>(*profiles, std::numeric_limits<int>::max()));
    overview.devicesCount = int(qMin<qint64>(*devices, std::numeric_limits<int>::max()));
    overview.sessionId = Json::string(*session, QLatin1String("id")).value_or(QString());
    overview.deviceId = Json::string(*session, QLatin1String("device_id")).value_or(QString());
    overview.signedInAt = QDateTime::fromString(
        Json::string(*session, QLatin1String("signed_in_at")).value_or(QString()), Qt::ISODateWithMs);
    return overview;
}

} // namespace vigil
