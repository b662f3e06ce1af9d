#pragma once

#include "core/account/Account.h"

#include <QDateTime>
#include <QString>

namespace vigil {

// What a successful login, 2-step completion or refresh answers (`TokenPair` in the contract).
// Holds secrets: never log it, never persist it anywhere but the keychain.
struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    int expiresInSeconds = 0;
    QString sessionId;
    QString deviceId;
    Account account;
    // When the refresh token dies: for holders the end of the sign-in, after which the password is
    // needed again. Invalid when the service did not say.
    QDateTime refreshExpiresAt;
    // Sign-ins only: the service's new device cookie (CredentialStore::deviceCookieKey).
    QString deviceCookie;

    static Expected<TokenPair, ApiError> fromJson(const QJsonObject& json);
};

} // namespace vigil
