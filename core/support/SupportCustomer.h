#pragma once

#include "core/account/Account.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace vigil {

// A customer as support staff see them: masked by the service (`d***@vigil.test`,
// `+44 •••• ••12`), never a secret. A search result fills the first four fields; the account
// summary (`GET /v1/support/accounts/{id}`) fills the rest (`hasSummary`).
struct SupportCustomer
{
    QString id;
    QString maskedEmail;
    QString displayName;
    int devicesCount = 0;

    bool hasSummary = false;
    QString maskedPhone; // empty: no phone on the account
    TwoStepMethods twoStep;
    int profilesCount = 0;
    QDateTime createdAt; // UTC; invalid when unknown

    // Nothing when `id` is missing; the other fields fall back to empty.
    static std::optional<SupportCustomer> fromJson(const QJsonObject& json);
    // "Demo Household (d***@vigil.test)".
    QString title() const;
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::SupportCustomer)
