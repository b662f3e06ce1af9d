#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QJsonObject>
#include <QString>

namespace vigil {

// Which second factors an account has switched on.
struct TwoStepMethods
{
    bool totp = false;
    bool sms = false;
    bool email = false;

    bool any() const { return totp || sms || email; }
};

// The account a session belongs to, as the service describes it (`Account` in the contract).
struct Account
{
    enum class Role
    {
        Holder,
        Support,
    };

    QString id;
    QString email;
    QString displayName;
    Role role = Role::Holder;
    TwoStepMethods twoStep;

    // ApiError::Code::InvalidResponse when a required field is missing or has the wrong type.
    static Expected<Account, ApiError> fromJson(const QJsonObject& json);
};

} // namespace vigil
