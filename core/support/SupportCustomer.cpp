#include "SupportCustomer.h"

#include "core/devices/Rfc3339.h"

#include <QCoreApplication>

namespace vigil {

std::optional<SupportCustomer> SupportCustomer::fromJson(const QJsonObject& json)
{
    SupportCustomer customer;
    customer.id = json.value(QLatin1String("id")).toString();
    if (customer.id.isEmpty())
        return std::nullopt;
    customer.maskedEmail = json.value(QLatin1String("email")).toString();
    customer.displayName = json.value(QLatin1String("display_name")).toString();
    customer.devicesCount = json.value(QLatin1String("devices_count")).toInt();
    // The summary's own fields; a search result has none of them.
    const QJsonValue twoStep = json.value(QLatin1String("two_step"));
    customer.hasSummary = twoStep.isObject() || json.contains(QLatin1String("profiles_count"));
    customer.maskedPhone = json.value(QLatin1String("phone")).toString();
    const QJsonObject methods = twoStep.toObject();
    customer.twoStep.totp = methods.value(QLatin1String("totp")).toBool();
    customer.twoStep.sms = methods.value(QLatin1String("sms")).toBool();
    customer.twoStep.email = methods.value(QLatin1String("email")).toBool();
    customer.profilesCount = json.value(QLatin1String("profiles_count")).toInt();
    customer.createdAt = Rfc3339::parse(json.value(QLatin1String("created_at")).toString());
    return customer;
}

QString SupportCustomer::title() const
{
    if (displayName.isEmpty())
        return maskedEmail.isEmpty() ? id : maskedEmail;
    if (maskedEmail.isEmpty())
        return displayName;
    return QCoreApplication::translate("vigil::SupportCustomer", "%1 (%2)").arg(displayName, maskedEmail);
}

} // namespace vigil
