#include "Account.h"

#include "core/util/Json.h"

namespace vigil {

Expected<Account, ApiError> Account::fromJson(const QJsonObject& json)
{
    const auto id = Json::string(json, QLatin1String("id"));
    const auto email = Json::string(json, QLatin1String("email"));
    const auto displayName = Json::string(json, QLatin1String("display_name"));
    const auto role = Json::string(json, QLatin1String("role"));
    if (!id || !email || !displayName || !role)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};

    Account account;
    account.id = *id;
    account.email = *email;
    account.displayName = *displayName;
    account.role = *role == QLatin1String("support") ? Role::Support : Role::Holder;
    if (const auto twoStep = Json::object(json, QLatin1String("two_step"))) {
        account.twoStep.totp = Json::boolean(*twoStep, QLatin1String("totp")).value_or(false);
        account.twoStep.sms = Json::boolean(*twoStep, QLatin1String("sms")).value_or(false);
        account.twoStep.email = Json::boolean(*twoStep, QLatin1String("email")).value_or(false);
    }
    return account;
}

} // namespace vigil
