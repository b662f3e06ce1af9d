#include "account/ActivityEntryWriter.h"

#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "http/JsonWriter.h"
#include "store/Store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

QString str(const AuditEntry& entry, const char* key)
{
    return entry.details.value(QLatin1StringView(key)).toString();
}

// "password+totp" → "totp": the strongest step names the method, as in the device history.
QString methodOf(const AuditEntry& entry)
{
    const QString last = str(entry, "method").section(QLatin1Char('+'), -1);
    static const QStringList known{QStringLiteral("password"),
                                   QStringLiteral("totp"),
                                   QStringLiteral("sms"),
                                   QStringLiteral("email"),
                                   QStringLiteral("recovery"),
                                   QStringLiteral("refresh")};
    return known.contains(last) ? last : QString();
}

// "Sun 7 Dec 11:00 UTC": activity details are English sentences; clients localise from the fields.
QString whenWords(const QString& rfc3339)
{
    const auto ms = TimeFormat::parseRfc3339(rfc3339);
    if (!ms)
        return rfc3339;
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC), QStringLiteral("ddd d MMM HH:mm 'UTC'"));
}

QString methodWords(const QString& method)
{
    if (method == QLatin1String("totp"))
        return QStringLiteral("authenticator app");
    if (method == QLatin1String("sms"))
        return QStringLiteral("text message code");
    if (method == QLatin1String("email"))
        return QStringLiteral("email code");
    if (method == QLatin1String("recovery"))
        return QStringLiteral("recovery code");
    return method;
}

} // namespace

ActivityEntryWriter::ActivityEntryWriter(const Store& store, const DeviceService& devices)
    : m_store(store), m_devices(devices)
{}

const QStringList& ActivityEntryWriter::types()
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

QString ActivityEntryWriter::typeOf(const AuditEntry& entry)
{
    const QString& t = entry.type;
    // A support sign-out is listed once, as support_signed_out (with the reason); the revocation
    // row SignOutRoutes writes for it stays in the audit log only.
    if (t == QLatin1String("devices_signed_out") && entry.actor == QLatin1String("support"))
        return {};
    if (t == QLatin1String("support_signed_out") || t == QLatin1String("support_code_created"))
        return t;
    if (t == QLatin1String("device_approved") || t == QLatin1String("device_denied") ||
        t == QLatin1String("device_code_failed") || t == QLatin1String("guest_changed") ||
        t == QLatin1String("guest_ended"))
        return t;
    if (t == QLatin1String("sign_in") || t == QLatin1String("sign_in_failed") || t == QLatin1String("sign_out") ||
        t == QLatin1String("password_changed"))
        return t;
    if (t == QLatin1String("refresh_token_reuse") || t == QLatin1String("devices_signed_out") ||
        t.endsWith(QLatin1String("auto_signed_out")))
        return QStringLiteral("revoked");
    // auto_sign_out_changed is a setting, not a sign-out: audited, not listed as activity.
    if (t == QLatin1String("step_up_failed"))
        return QStringLiteral("verification_failed");
    if (t.endsWith(QLatin1String("_throttled")))
        return QStringLiteral("throttled");
    if (t.startsWith(QLatin1String("two_step_")) || t.startsWith(QLatin1String("totp_")) ||
        t.startsWith(QLatin1String("recovery_codes_")) || t.startsWith(QLatin1String("sms_two_step")) ||
        t == QLatin1String("security_key_registered") || t == QLatin1String("security_key_removed"))
        return QStringLiteral("two_step_changed");
    if (t.startsWith(QLatin1String("support_view")) || t.startsWith(QLatin1String("support_lookup")))
        return QStringLiteral("support_viewed");
    return {};
}

bool ActivityEntryWriter::concerns(const AuditEntry& entry, const QString& deviceId)
{
    if (entry.deviceId == deviceId)
        return true;
    const QJsonValue id(deviceId);
    return entry.details.value(QLatin1StringView("devices")).toArray().contains(id) ||
           entry.details.value(QLatin1StringView("device_ids")).toArray().contains(id);
}

QString ActivityEntryWriter::deviceName(const QString& accountId, const QString& deviceId) const
{
    const Device* device = m_store.devices().byIdForAccount(deviceId, accountId);
    return device ? device->name : QString();
}

QString ActivityEntryWriter::detailOf(const AuditEntry& entry, const QString& type) const
{
    const QString method = methodWords(methodOf(entry));
    if (type == QLatin1String("sign_in"))
        return method.isEmpty() ? QStringLiteral("Signed in") : QStringLiteral("Signed in with ") + method;
    if (type == QLatin1String("sign_in_failed")) {
        const QString reason = str(entry, "reason");
        if (reason == QLatin1String("invalid_code"))
            return QStringLiteral("Sign-in failed: wrong verification code");
        return QStringLiteral("Sign-in failed: wrong password");
    }
    if (type == QLatin1String("sign_out"))
        return QStringLiteral("Signed out");
    if (type == QLatin1String("revoked")) {
        if (entry.type == QLatin1String("refresh_token_reuse"))
            return QStringLiteral("Session ended: its sign-in was used twice (a possible copy)");
        const QString scope = str(entry, "scope");
        if (scope == QLatin1String("all"))
            return QStringLiteral("Signed out of all devices");
        const QJsonArray ids = entry.details.value(QLatin1StringView("devices")).toArray();
        if (scope == QLatin1String("others"))
            return QStringLiteral("Signed out of all other devices (%1)").arg(ids.size());
        if (entry.type == QLatin1String("devices_signed_out")) {
            QStringList names;
            for (const auto& id : ids) {
                const QString name = deviceName(entry.accountId, id.toString());
                names.append(name.isEmpty() ? QStringLiteral("a removed device") : name);
            }
            return QStringLiteral("Signed out: ") + names.join(QStringLiteral(", "));
        }
        if (const int days = entry.details.value(QLatin1StringView("days")).toInt(); days > 0)
            return QStringLiteral("Signed out automatically: unused for %1 days").arg(days);
        return QStringLiteral("Signed out automatically after a long time unused");
    }
    if (type == QLatin1String("verification_failed"))
        return method.isEmpty() ? QStringLiteral("Verification failed")
                                : QStringLiteral("Verification failed (") + method + QLatin1Char(')');
    if (type == QLatin1String("throttled"))
        return QStringLiteral("Too many attempts: blocked for a while");
    if (type == QLatin1String("password_changed"))
        return QStringLiteral("Password changed");
    if (type == QLatin1String("two_step_changed"))
        return QStringLiteral("2-step verification changed");
    if (type == QLatin1String("support_viewed")) {
        const QString viewed = str(entry, "viewed");
        QString what = QStringLiteral("your account");
        if (viewed == QLatin1String("devices"))
            what = QStringLiteral("your devices");
        else if (viewed == QLatin1String("history"))
            what = QStringLiteral("your sign-in history");
        else if (viewed == QLatin1String("activity"))
            what = QStringLiteral("your activity");
        else if (viewed == QLatin1String("search"))
            return QStringLiteral("Support found your account in a search \u2014 reason: ") + str(entry, "reason");
        return QStringLiteral("Support viewed ") + what + QStringLiteral(" \u2014 reason: ") + str(entry, "reason");
    }
    if (type == QLatin1String("support_signed_out")) {
        const int devices = entry.details.value(QLatin1StringView("devices")).toInt();
        return QStringLiteral("Support signed out %1 with your support code \u2014 reason: ")
                   .arg(devices == 1 ? QStringLiteral("1 device") : QStringLiteral("%1 devices").arg(devices)) +
               str(entry, "reason");
    }
    if (type == QLatin1String("support_code_created"))
        return QStringLiteral("You created a support code");
    const QString device = str(entry, "device_name");
    if (type == QLatin1String("device_approved")) {
        if (str(entry, "access") == QLatin1String("guest"))
            return QStringLiteral("You signed in %1 as a guest until %2")
                .arg(device, whenWords(str(entry, "guest_until")));
        return QStringLiteral("You signed in %1 until you sign it out").arg(device);
    }
    if (type == QLatin1String("device_denied")) {
        const QString from = str(entry, "requested_from");
        return from.isEmpty() ? QStringLiteral("You refused to sign in %1").arg(device)
                              : QStringLiteral("You refused to sign in %1 from %2").arg(device, from);
    }
    if (type == QLatin1String("device_code_failed"))
        return QStringLiteral("A TV code was entered that did not match any TV");
    if (type == QLatin1String("guest_changed"))
        return QStringLiteral("Guest access for %1 now ends %2").arg(device, whenWords(str(entry, "to")));
    if (type == QLatin1String("guest_ended"))
        return QStringLiteral("Guest access for %1 ended").arg(device);
    return {};
}

void ActivityEntryWriter::write(JsonWriter& json, const AuditEntry& entry, const QString& type) const
{
    json.beginObject()
        .field(l1("id"), QString::number(entry.id))
        .field(l1("time"), TimeFormat::toRfc3339(entry.atMs))
        .field(l1("type"), type);
    const Device* device =
        entry.deviceId.isEmpty() ? nullptr : m_store.devices().byIdForAccount(entry.deviceId, entry.accountId);
    json.key(l1("device"));
    if (entry.deviceId.isEmpty()) {
        json.null();
    } else {
        QString name = device ? device->name : str(entry, "device_name");
        json.beginObject().field(l1("id"), entry.deviceId).field(l1("name"), name).endObject();
    }
    json.key(l1("ip"));
    entry.ip.isEmpty() ? json.null() : json.value(QStringView(entry.ip));

    GeoLocation location = m_devices.locate(entry.ip);
    if (!location.isKnown() && device && device->ip == entry.ip) {
        // No GeoIP answer (no database, or a documentation address): the device's own place.
        location.city = device->city;
        location.region = device->region;
        location.country = device->country;
        location.countryCode = device->countryCode;
    }
    json.key(l1("location"));
    if (location.isKnown())
        json.beginObject()
            .field(l1("city"), location.city)
            .field(l1("region"), location.region)
            .field(l1("country"), location.country)
            .field(l1("country_code"), location.countryCode)
            .endObject();
    else
        json.null();
    json.field(l1("detail"), detailOf(entry, type));
    if (const QString method = methodOf(entry); !method.isEmpty())
        json.field(l1("method"), method);
    if (type == QLatin1String("device_approved"))
        json.field(l1("access"), str(entry, "access"));
    if (const QString until = str(entry, "guest_until"); !until.isEmpty())
        json.field(l1("guest_until"), until);
    if (type == QLatin1String("support_viewed") || type == QLatin1String("support_signed_out")) {
        // Who, what and why; never the support member's account id, address or the code itself.
        json.field(l1("reason"), str(entry, "reason"));
        json.key(l1("details"))
            .beginObject()
            .field(l1("support_name"), str(entry, "support_name"))
            .field(l1("reason"), str(entry, "reason"));
        if (type == QLatin1String("support_viewed"))
            json.field(l1("viewed"),
                       entry.details.contains(QLatin1StringView("viewed")) ? str(entry, "viewed")
                                                                           : QStringLiteral("account"));
        else
            json.field(l1("devices"), qint64(entry.details.value(QLatin1StringView("devices")).toInteger()))
                .field(l1("code_used"), entry.details.value(QLatin1StringView("code_used")).toBool());
        json.endObject();
    }
    json.endObject();
}

} // namespace mockd
