#include "core/stepup/StepUpChallenge.h"

#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKey.h"
#include "core/util/Json.h"

#include <algorithm>

namespace vigil {

Expected<StepUpChallenge, ApiError> StepUpChallenge::fromJson(const QJsonObject& json)
{
    const auto challenge = Json::string(json, QLatin1String("challenge"));
    if (!challenge || challenge->isEmpty())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    StepUpChallenge result;
    result.challenge = *challenge;
    result.method = Json::string(json, QLatin1String("method")).value_or(QString());
    result.destination = Json::string(json, QLatin1String("destination")).value_or(QString());
    result.expiresInSeconds =
        int(std::clamp<qint64>(Json::integer(json, QLatin1String("expires_in")).value_or(600), 0, 86400));
    result.resendAfterSeconds =
        int(std::clamp<qint64>(Json::integer(json, QLatin1String("resend_after")).value_or(0), 0, 86400));
    if (const auto key = Json::object(json, QLatin1String("security_key"))) {
        const auto keyChallenge = Json::string(*key, QLatin1String("challenge"));
        if (!keyChallenge || keyChallenge->isEmpty())
            return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
        result.keyChallenge = *keyChallenge;
        AssertionRequest request;
        request.rpId = Json::string(*key, QLatin1String("rp_id")).value_or(ClientData::relyingPartyId());
        request.allowCredentials = credentialIdsFromJson(key->value(QLatin1String("allow_credentials")).toArray());
        request.timeoutMs =
            int(std::clamp<qint64>(Json::integer(*key, QLatin1String("timeout_ms")).value_or(60000), 5000, 600000));
        result.keyRequest = request;
    }
    return result;
}

} // namespace vigil
