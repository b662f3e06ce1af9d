#include "tvsignin/OAuthError.h"

namespace mockd::OAuthError {

ApiError make(const QString& code, const QString& description)
{
    ApiError error = ApiError::make(400, code, description);
    error.with(QStringLiteral("error_description"), description);
    return error;
}

ApiError authorizationPending(int interval)
{
    return make(QStringLiteral("authorization_pending"),
                QStringLiteral("Waiting for the code to be approved in Vigil."))
        .with(QStringLiteral("interval"), interval);
}

ApiError slowDown(int interval)
{
    return make(QStringLiteral("slow_down"),
                QStringLiteral("Polling too fast: wait %1 seconds between polls.").arg(interval))
        .with(QStringLiteral("interval"), interval);
}

ApiError expiredToken()
{
    return make(QStringLiteral("expired_token"), QStringLiteral("The code has expired. Ask for a new one."));
}

ApiError accessDenied()
{
    return make(QStringLiteral("access_denied"), QStringLiteral("The account holder refused this sign-in."));
}

ApiError invalidGrant()
{
    return make(QStringLiteral("invalid_grant"), QStringLiteral("The device code is not valid, or was used already."));
}

ApiError invalidRequest(const QString& description)
{
    return make(QStringLiteral("invalid_request"), description);
}

ApiError unsupportedGrantType()
{
    return make(QStringLiteral("unsupported_grant_type"),
                QStringLiteral("Use grant_type urn:ietf:params:oauth:grant-type:device_code."));
}

} // namespace mockd::OAuthError
