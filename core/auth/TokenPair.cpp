#include "TokenPair.h"

#include "core/util/Json.h"

namespace vigil {

Expected<TokenPair, ApiError> TokenPair::fromJson(const QJsonObject& json)
{
    const auto access = Json::string(json, QLatin1String("access_token"));
    const auto refresh = Json::string(json, QLatin1String("refresh_token"));
    const auto expiresIn = Json::integer(json, QLatin1String("expires_in"));
    const auto session = Json::string(json, QLatin1String("session_id"));
    const auto accountJson = Json::object(json, QLatin1String("account"));
    if (!access || !refresh || !expiresIn || !session || !accountJson || access->isEmpty() || refresh->isEmpty())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    auto account = Account::fromJson(*accountJson);
    if (!account)
        return Unexpected{account.error()};

    TokenPair pair;
    pair.accessToken = *access;
    pair.refreshToken = *refresh;
    pair.expiresInSeconds = int(qBound(qint64(0), *expiresIn, qint64(24 * 3600)));
    pair.sessionId = *session;
    pair.deviceId = Json::string(json, QLatin1String("device_id")).value_or(QString());
    pair.account = std::move(account).value();
    if (const auto at = Json::string(json, QLatin1String("refresh_expires_at")))
        pair.refreshExpiresAt = QDateTime::fromString(*at, Qt::ISODate);
    if (const auto in = Json::integer(json, QLatin1String("refresh_expires_in"));
        !pair.refreshExpiresAt.isValid() && in && *in > 0)
        pair.refreshExpiresAt = QDateTime::currentDateTimeUtc().addSecs(*in);
    // Opaque; a bounded size is all the keychain needs to know about it.
    if (const auto cookie = Json::string(json, QLatin1String("device_cookie")); cookie && cookie->size() <= 512)
        pair.deviceCookie = *cookie;
    return pair;
}

} // namespace vigil
