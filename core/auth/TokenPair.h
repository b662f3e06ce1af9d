#pragma once

#include "core/account/Account.h"

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

    static Expected<TokenPair, ApiError> fromJson(const QJsonObject& json);
};

} // namespace vigil
