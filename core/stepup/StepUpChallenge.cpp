#include "core/stepup/StepUpChallenge.h"

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
    return result;
}

} // namespace vigil
