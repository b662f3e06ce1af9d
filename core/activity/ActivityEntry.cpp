#include "ActivityEntry.h"

#include "core/devices/DeviceService.h"
#include "core/devices/Rfc3339.h"
#include "core/util/Json.h"

namespace vigil {

std::optional<ActivityEntry> ActivityEntry::fromJson(const QJsonObject& json)
{
    const auto id = Json::string(json, QLatin1String("id"));
    const auto time = Json::string(json, QLatin1String("time"));
    const auto type = Json::string(json, QLatin1String("type"));
    if (!id || !time || !type || type->isEmpty())
        return std::nullopt;
    ActivityEntry entry;
    entry.id = *id;
    entry.time = Rfc3339::parse(*time);
    if (!entry.time.isValid())
        return std::nullopt;
    entry.type = *type;
    if (const auto device = Json::object(json, QLatin1String("device"))) {
        entry.deviceId = Json::string(*device, QLatin1String("id")).value_or(QString());
        entry.deviceName = Json::string(*device, QLatin1String("name")).value_or(QString());
    }
    entry.ip = Json::string(json, QLatin1String("ip")).value_or(QString());
    if (const auto location = Json::object(json, QLatin1String("location"))) {
        entry.city = Json::string(*location, QLatin1String("city")).value_or(QString());
        entry.country = Json::string(*location, QLatin1String("country")).value_or(QString());
        entry.countryCode = Json::string(*location, QLatin1String("country_code")).value_or(QString());
    }
    entry.detail = Json::string(json, QLatin1String("detail")).value_or(QString());
    entry.method = Json::string(json, QLatin1String("method")).value_or(QString());
    entry.reason = Json::string(json, QLatin1String("reason")).value_or(QString());
    entry.guestUntil = Rfc3339::parse(Json::string(json, QLatin1String("guest_until")).value_or(QString()));
    if (const auto details = Json::object(json, QLatin1String("details"))) {
        entry.supportName = Json::string(*details, QLatin1String("support_name")).value_or(QString());
        entry.viewed = Json::string(*details, QLatin1String("viewed")).value_or(QString());
        entry.devicesSignedOut = details->value(QLatin1String("devices")).toInt();
    }
    return entry;
}

const QStringList& ActivityEntry::types()
{
    static const QStringList all{QStringLiteral("sign_in"),
                                 QStringLiteral("sign_in_failed"),
                                 QStringLiteral("sign_out"),
                                 QStringLiteral("revoked"),
                                 QStringLiteral("password_changed"),
                                 QStringLiteral("two_step_changed"),
                                 QStringLiteral("verification_failed"),
                                 QStringLiteral("throttled"),
                                 QStringLiteral("support_viewed"),
                                 QStringLiteral("support_signed_out"),
                                 QStringLiteral("support_code_created"),
                                 QStringLiteral("device_approved"),
                                 QStringLiteral("device_denied"),
                                 QStringLiteral("device_code_failed"),
                                 QStringLiteral("guest_changed"),
                                 QStringLiteral("guest_ended")};
    return all;
}

QString ActivityEntry::typeText(const QString& type)
{
    if (type == QLatin1String("sign_in"))
        return tr("Sign-in");
    if (type == QLatin1String("sign_in_failed"))
        return tr("Failed sign-in");
    if (type == QLatin1String("sign_out"))
        return tr("Sign-out");
    if (type == QLatin1String("revoked"))
        return tr("Devices signed out");
    if (type == QLatin1String("password_changed"))
        return tr("Password changed");
    if (type == QLatin1String("two_step_changed"))
        return tr("2-step verification changed");
    if (type == QLatin1String("verification_failed"))
        return tr("Failed verification");
    if (type == QLatin1String("throttled"))
        return tr("Too many attempts");
    if (type == QLatin1String("support_viewed"))
        return tr("Support viewed your account");
    if (type == QLatin1String("support_signed_out"))
        return tr("Support signed devices out");
    if (type == QLatin1String("support_code_created"))
        return tr("Support code created");
    if (QString tv = tvTypeText(type); !tv.isEmpty())
        return tv;
    return type;
}

QString ActivityEntry::description() const
{
    const QString how = method.isEmpty() ? QString() : DeviceService::HistoryEntry::methodText(method);
    if (type == QLatin1String("sign_in"))
        return how.isEmpty() ? tr("Signed in") : tr("Signed in (%1)").arg(how);
    if (type == QLatin1String("sign_in_failed"))
        return how.isEmpty() ? tr("A sign-in failed") : tr("A sign-in failed (%1)").arg(how);
    if (type == QLatin1String("verification_failed"))
        return how.isEmpty() ? tr("A verification failed") : tr("A verification failed (%1)").arg(how);
    if (type == QLatin1String("support_viewed") || type == QLatin1String("support_signed_out"))
        return supportDescription();
    if (type == QLatin1String("support_code_created"))
        return tr("You created a code for support");
    if (type == QLatin1String("sign_out"))
        return tr("Signed out");
    if (type == QLatin1String("password_changed"))
        return tr("Your password was changed");
    if (type == QLatin1String("two_step_changed"))
        return tr("Your 2-step verification settings were changed");
    if (type == QLatin1String("throttled"))
        return tr("Too many attempts; further tries were blocked for a while");
    if (QString tv = tvDescription(); !tv.isEmpty())
        return tv;
    // Sign-outs name their devices, which only the service's text has.
    return detail.isEmpty() ? typeText() : detail;
}

QString ActivityEntry::supportDescription() const
{
    const QString who = supportName.isEmpty() ? tr("Support") : supportName;
    const QString why = reason.isEmpty() ? tr("none given") : reason;
    if (type == QLatin1String("support_signed_out"))
        return tr("%1 signed out %n device(s) with your support code \u2014 reason: %2", nullptr, devicesSignedOut)
            .arg(who, why);
    if (viewed == QLatin1String("search"))
        return tr("%1 found your account in a search \u2014 reason: %2").arg(who, why);
    if (viewed == QLatin1String("account"))
        return tr("%1 viewed your account \u2014 reason: %2").arg(who, why);
    if (viewed == QLatin1String("history"))
        return tr("%1 viewed your sign-in history \u2014 reason: %2").arg(who, why);
    if (viewed == QLatin1String("activity"))
        return tr("%1 viewed your activity \u2014 reason: %2").arg(who, why);
    return tr("%1 viewed your devices \u2014 reason: %2").arg(who, why);
}

QString ActivityEntry::place() const
{
    if (!city.isEmpty() && !country.isEmpty())
        return tr("%1, %2").arg(city, country);
    if (!country.isEmpty())
        return country;
    if (!city.isEmpty())
        return city;
    return tr("Unknown location");
}

QString ActivityEntry::countryOrUnknown() const
{
    return country.isEmpty() ? tr("Unknown location") : country;
}

} // namespace vigil
