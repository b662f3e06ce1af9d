#pragma once

#include "core/account/Account.h"

#include <QDateTime>
#include <limits>

namespace vigil {

// The account at a glance (`GET /v1/me`): who is signed in, how many profiles and devices it has,
// and this app's own session.
struct AccountOverview
{
    Account account;
    int profilesCount = 0;
    int devicesCount = 0;
    QString sessionId;
    QString deviceId;
    QDateTime signedInAt; // invalid when the service did not say

    static Expected<AccountOverview, ApiError> fromJson(const QJsonObject& json);
};

} // namespace vigil
