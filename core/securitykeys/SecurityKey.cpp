#include "core/securitykeys/SecurityKey.h"

#include "core/devices/Rfc3339.h"
#include "core/securitykeys/ClientData.h"
#include "core/util/Json.h"

#include <QJsonArray>
#include <algorithm>

namespace vigil {

Expected<SecurityKey, ApiError> SecurityKey::fromJson(const QJsonObject& json)
{
    const auto id = Json::string(json, QLatin1String("id"));
    const auto name = Json::string(json, QLatin1String("name"));
    if (!id || id->isEmpty() || !name)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    SecurityKey key;
    key.id = *id;
    key.name = *name;
    key.algorithm = Json::string(json, QLatin1String("algorithm")).value_or(QString());
    key.createdAt = Rfc3339::parse(json.value(QLatin1String("created_at")).toString());
    key.lastUsedAt = Rfc3339::parse(json.value(QLatin1String("last_used_at")).toString());
    return key;
}

QList<QByteArray> credentialIdsFromJson(const QJsonArray& array)
{
    // Each entry is the id itself or WebAuthn's {type, id}.
    QList<QByteArray> ids;
    for (const QJsonValue& value : array) {
        const QString text =
            value.isObject() ? value.toObject().value(QLatin1String("id")).toString() : value.toString();
        const QByteArray id = fromBase64Url(text);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

Expected<SecurityKeyRegistration, ApiError> SecurityKeyRegistration::fromJson(const QJsonObject& json)
{
    const auto registrationId = Json::string(json, QLatin1String("registration_id"));
    const auto challenge = Json::string(json, QLatin1String("challenge"));
    const auto rp = Json::object(json, QLatin1String("rp"));
    const auto user = Json::object(json, QLatin1String("user"));
    if (!registrationId || registrationId->isEmpty() || !challenge || challenge->isEmpty() || !rp || !user)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    SecurityKeyRegistration result;
    result.registrationId = *registrationId;
    result.challenge = *challenge;
    CredentialRequest& request = result.request;
    request.rpId = Json::string(*rp, QLatin1String("id")).value_or(ClientData::relyingPartyId());
    request.rpName = Json::string(*rp, QLatin1String("name")).value_or(QStringLiteral("Vigil"));
    request.userId = fromBase64Url(Json::string(*user, QLatin1String("id")).value_or(QString()));
    request.userName = Json::string(*user, QLatin1String("name")).value_or(QString());
    request.userDisplayName = Json::string(*user, QLatin1String("display_name")).value_or(request.userName);
    for (const QJsonValue& value : json.value(QLatin1String("algorithms")).toArray()) {
        if (value.isDouble())
            request.algorithms.append(value.toInt());
    }
    if (request.algorithms.isEmpty())
        request.algorithms = {-7, -8};
    request.excludeCredentials = credentialIdsFromJson(json.value(QLatin1String("exclude_credentials")).toArray());
    request.timeoutMs =
        int(std::clamp<qint64>(Json::integer(json, QLatin1String("timeout_ms")).value_or(60000), 5000, 600000));
    if (request.userId.isEmpty())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    return result;
}

} // namespace vigil
