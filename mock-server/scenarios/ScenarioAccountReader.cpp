#include "scenarios/ScenarioAccountReader.h"

#include "auth/Base32.h"
#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "auth/Tokens.h"
#include "base/VisibleText.h"
#include "scenarios/ScenarioReader.h"
#include "scenarios/SnapshotAccountReader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace mockd::ScenarioAccountReader {

namespace {

constexpr qsizetype maxRecoveryCodes = 10;
constexpr int maxSessionsPerDevice = 100000;
constexpr int maxGeneratedDevices = 10000;
constexpr int maxThrottleFailures = 100;

QString at(const QString& path, const QString& key, qsizetype index)
{
    return QStringLiteral("%1.%2[%3]").arg(path, key).arg(index);
}

QStringList strings(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& key)
{
    QStringList list;
    const QJsonArray array = r.array(o, path, key);
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            r.fail(at(path, key, i), QStringLiteral("must be a string"));
        list.append(array.at(i).toString());
    }
    return list;
}

void readLocation(ScenarioReader& r, const QJsonObject& o, const QString& path, Device& device)
{
    if (!o.contains(QStringLiteral("location")))
        return;
    const QString where = path + QStringLiteral(".location");
    const QJsonObject location = r.child(o, path, QStringLiteral("location"));
    r.knownKeys(location,
                where,
                {QStringLiteral("city"),
                 QStringLiteral("region"),
                 QStringLiteral("country"),
                 QStringLiteral("country_code"),
                 QStringLiteral("latitude"),
                 QStringLiteral("longitude")});
    device.city = r.string(location, where, QStringLiteral("city"), false);
    device.region = r.string(location, where, QStringLiteral("region"), false);
    device.country = r.string(location, where, QStringLiteral("country"), false);
    device.countryCode = r.string(location, where, QStringLiteral("country_code"), false);
    device.latitude = r.number(location, where, QStringLiteral("latitude"));
    device.longitude = r.number(location, where, QStringLiteral("longitude"));
}

QList<ScenarioSignIn> readHistory(ScenarioReader& r, const QJsonObject& o, const QString& path)
{
    QList<ScenarioSignIn> history;
    const QJsonArray entries = r.array(o, path, QStringLiteral("history"));
    for (qsizetype i = 0; i < entries.size() && r.ok(); ++i) {
        const QString where = at(path, QStringLiteral("history"), i);
        const QJsonObject e = r.object(entries.at(i), where);
        r.knownKeys(
            e, where, {QStringLiteral("at"), QStringLiteral("ip"), QStringLiteral("method"), QStringLiteral("result")});
        ScenarioSignIn entry;
        entry.at = r.string(e, where, QStringLiteral("at"), true);
        r.time(entry.at, where + QStringLiteral(".at"));
        entry.ip = r.string(e, where, QStringLiteral("ip"), false);
        const QString method = r.string(e, where, QStringLiteral("method"), false);
        if (!method.isEmpty()) {
            r.oneOf(method,
                    {QStringLiteral("password"),
                     QStringLiteral("totp"),
                     QStringLiteral("sms"),
                     QStringLiteral("email"),
                     QStringLiteral("recovery")},
                    where + QStringLiteral(".method"));
            entry.method = method;
        }
        const QString result = r.string(e, where, QStringLiteral("result"), false);
        if (!result.isEmpty())
            r.oneOf(result, {QStringLiteral("success"), QStringLiteral("failed")}, where + QStringLiteral(".result"));
        entry.success = result != QLatin1String("failed");
        history.append(entry);
    }
    return history;
}

const QStringList deviceKeys{QStringLiteral("id"),
                             QStringLiteral("name"),
                             QStringLiteral("type"),
                             QStringLiteral("os"),
                             QStringLiteral("os_version"),
                             QStringLiteral("app"),
                             QStringLiteral("app_version"),
                             QStringLiteral("ip"),
                             QStringLiteral("location"),
                             QStringLiteral("first_sign_in"),
                             QStringLiteral("signed_in_at"),
                             QStringLiteral("last_active"),
                             QStringLiteral("last_profile"),
                             QStringLiteral("status"),
                             QStringLiteral("status_title"),
                             QStringLiteral("signed_in"),
                             QStringLiteral("sessions"),
                             QStringLiteral("history")};

ScenarioDevice readDevice(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& accountId)
{
    ScenarioDevice d;
    Device& device = d.device;
    r.knownKeys(o, path, deviceKeys);
    device.id = r.string(o, path, QStringLiteral("id"), true);
    device.accountId = accountId;
    device.name = VisibleText::strip(r.string(o, path, QStringLiteral("name"), true));
    device.type = r.string(o, path, QStringLiteral("type"), true);
    if (!device.type.isEmpty())
        r.oneOf(device.type, Device::types(), path + QStringLiteral(".type"));
    device.os = r.string(o, path, QStringLiteral("os"), false);
    device.osVersion = r.string(o, path, QStringLiteral("os_version"), false);
    device.app = r.string(o, path, QStringLiteral("app"), false);
    device.appVersion = r.string(o, path, QStringLiteral("app_version"), false);
    device.ip = r.string(o, path, QStringLiteral("ip"), false);
    readLocation(r, o, path, device);
    d.firstSignIn = r.string(o, path, QStringLiteral("first_sign_in"), true);
    d.signedInAt = r.string(o, path, QStringLiteral("signed_in_at"), false);
    d.lastActive = r.string(o, path, QStringLiteral("last_active"), true);
    r.time(d.firstSignIn, path + QStringLiteral(".first_sign_in"));
    r.time(d.signedInAt, path + QStringLiteral(".signed_in_at"));
    r.time(d.lastActive, path + QStringLiteral(".last_active"));
    device.lastProfileId = r.string(o, path, QStringLiteral("last_profile"), false);
    device.status = r.string(o, path, QStringLiteral("status"), false);
    if (device.status.isEmpty())
        device.status = QStringLiteral("offline");
    r.oneOf(device.status, Device::statuses(), path + QStringLiteral(".status"));
    device.statusTitle = r.string(o, path, QStringLiteral("status_title"), false);
    d.signedIn = r.boolean(o, path, QStringLiteral("signed_in"), true);
    d.sessions = r.integer(o, path, QStringLiteral("sessions"), 1, maxSessionsPerDevice).value_or(1);
    d.history = readHistory(r, o, path);
    return d;
}

// "device_generator": many similar devices from a few lines, for load scenarios.
QList<ScenarioDevice>
generateDevices(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& accountId)
{
    const QString where = path + QStringLiteral(".device_generator");
    const QJsonObject g = r.child(o, path, QStringLiteral("device_generator"));
    r.knownKeys(g,
                where,
                {QStringLiteral("count"),
                 QStringLiteral("id_prefix"),
                 QStringLiteral("name"),
                 QStringLiteral("types"),
                 QStringLiteral("statuses"),
                 QStringLiteral("ips"),
                 QStringLiteral("profiles"),
                 QStringLiteral("os"),
                 QStringLiteral("app"),
                 QStringLiteral("first_sign_in"),
                 QStringLiteral("last_active"),
                 QStringLiteral("signed_in")});
    if (r.ok() && !g.contains(QStringLiteral("count")))
        r.fail(where + QStringLiteral(".count"), QStringLiteral("is required"));
    const int count = r.integer(g, where, QStringLiteral("count"), 1, maxGeneratedDevices).value_or(0);
    const QString prefix = r.string(g, where, QStringLiteral("id_prefix"), true);
    const QString name = VisibleText::strip(r.string(g, where, QStringLiteral("name"), true));
    QStringList types = strings(r, g, where, QStringLiteral("types"));
    for (qsizetype i = 0; i < types.size(); ++i)
        r.oneOf(types.at(i), Device::types(), at(where, QStringLiteral("types"), i));
    if (types.isEmpty())
        types = Device::types();
    QStringList statuses = strings(r, g, where, QStringLiteral("statuses"));
    for (qsizetype i = 0; i < statuses.size(); ++i)
        r.oneOf(statuses.at(i), Device::statuses(), at(where, QStringLiteral("statuses"), i));
    if (statuses.isEmpty())
        statuses = {QStringLiteral("offline")};
    const QStringList ips = strings(r, g, where, QStringLiteral("ips"));
    const QStringList profiles = strings(r, g, where, QStringLiteral("profiles"));
    const QString os = r.string(g, where, QStringLiteral("os"), false);
    const QString app = r.string(g, where, QStringLiteral("app"), false);
    const QString firstSignIn = r.string(g, where, QStringLiteral("first_sign_in"), false);
    const QString lastActive = r.string(g, where, QStringLiteral("last_active"), false);
    r.time(firstSignIn, where + QStringLiteral(".first_sign_in"));
    r.time(lastActive, where + QStringLiteral(".last_active"));
    const bool signedIn = r.boolean(g, where, QStringLiteral("signed_in"), true);

    QList<ScenarioDevice> devices;
    if (!r.ok())
        return devices;
    devices.reserve(count);
    for (int n = 1; n <= count; ++n) {
        const auto cycle = [n](const QStringList& list) {
            return list.isEmpty() ? QString() : list.at((n - 1) % list.size());
        };
        ScenarioDevice d;
        d.device.id = prefix + QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0'));
        d.device.accountId = accountId;
        d.device.name = QString(name).replace(QStringLiteral("{n}"), QString::number(n));
        d.device.type = cycle(types);
        d.device.status = cycle(statuses);
        d.device.ip = cycle(ips);
        d.device.lastProfileId = cycle(profiles);
        d.device.os = os;
        d.device.app = app;
        d.firstSignIn = firstSignIn.isEmpty() ? QStringLiteral("-30d") : firstSignIn;
        d.lastActive = lastActive.isEmpty() ? QStringLiteral("-1h") : lastActive;
        d.signedIn = signedIn;
        devices.append(d);
    }
    return devices;
}

QList<ScenarioAuditEntry> readAudit(ScenarioReader& r, const QJsonObject& o, const QString& path)
{
    static const QRegularExpression typePattern(QStringLiteral("^[a-z][a-z0-9_.]{0,63}$"));
    QList<ScenarioAuditEntry> audit;
    const QJsonArray entries = r.array(o, path, QStringLiteral("audit"));
    for (qsizetype i = 0; i < entries.size() && r.ok(); ++i) {
        const QString where = at(path, QStringLiteral("audit"), i);
        const QJsonObject e = r.object(entries.at(i), where);
        r.knownKeys(e,
                    where,
                    {QStringLiteral("at"),
                     QStringLiteral("type"),
                     QStringLiteral("actor"),
                     QStringLiteral("device"),
                     QStringLiteral("ip"),
                     QStringLiteral("details")});
        ScenarioAuditEntry entry;
        entry.at = r.string(e, where, QStringLiteral("at"), true);
        r.time(entry.at, where + QStringLiteral(".at"));
        entry.type = r.string(e, where, QStringLiteral("type"), true);
        if (r.ok() && !typePattern.match(entry.type).hasMatch())
            r.fail(where + QStringLiteral(".type"),
                   QStringLiteral("'%1' must be lower case letters, digits, _ and . like password_changed")
                       .arg(entry.type));
        const QString actor = r.string(e, where, QStringLiteral("actor"), false);
        if (!actor.isEmpty()) {
            r.oneOf(actor,
                    {QStringLiteral("holder"),
                     QStringLiteral("support"),
                     QStringLiteral("system"),
                     QStringLiteral("anonymous")},
                    where + QStringLiteral(".actor"));
            entry.actor = actor;
        }
        entry.deviceId = r.string(e, where, QStringLiteral("device"), false);
        entry.ip = r.string(e, where, QStringLiteral("ip"), false);
        entry.details = r.child(e, where, QStringLiteral("details"));
        audit.append(entry);
    }
    return audit;
}

void readTwoStep(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    Account& account = a.account;
    if (!o.contains(QStringLiteral("two_step")))
        return;
    const QString where = path + QStringLiteral(".two_step");
    const QJsonObject twoStep = r.child(o, path, QStringLiteral("two_step"));
    r.knownKeys(
        twoStep, where, {QStringLiteral("totp_secret"), QStringLiteral("sms"), QStringLiteral("totp_withheld")});
    account.totpSecret = r.string(twoStep, where, QStringLiteral("totp_secret"), false).toUpper();
    const auto key = Base32::decode(account.totpSecret);
    if (!account.totpSecret.isEmpty() && (!key || key->size() < 10))
        r.fail(where + QStringLiteral(".totp_secret"), QStringLiteral("must be base32 of at least 80 bits"));
    account.smsTwoStep = r.boolean(twoStep, where, QStringLiteral("sms"), false);
    a.totpWithheld = r.boolean(twoStep, where, QStringLiteral("totp_withheld"), false);
    if (r.ok() && a.totpWithheld && !account.totpSecret.isEmpty())
        r.fail(where + QStringLiteral(".totp_withheld"), QStringLiteral("cannot go with a totp_secret"));
    if (r.ok() && account.smsTwoStep && account.phone.isEmpty())
        r.fail(where + QStringLiteral(".sms"), QStringLiteral("needs a phone number on the account"));
}

void readRecoveryCodes(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    const QJsonArray codes = r.array(o, path, QStringLiteral("recovery_codes"));
    if (codes.size() > maxRecoveryCodes)
        r.fail(path + QStringLiteral(".recovery_codes"),
               QStringLiteral("has more than %1 codes").arg(maxRecoveryCodes));
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString where = at(path, QStringLiteral("recovery_codes"), i);
        const QString code = StepUp::normalizeRecoveryCode(codes.at(i).toString());
        if (code.isEmpty())
            r.fail(where, QStringLiteral("must be 10 to 32 letters and digits (dashes allowed), like abcd-efgh-jk12"));
        else if (a.recoveryCodes.contains(code))
            r.fail(where, QStringLiteral("is used twice"));
        a.recoveryCodes.append(code);
    }
}

} // namespace

const QStringList& simulatorProfiles()
{
    static const QStringList list{QStringLiteral("steady"), QStringLiteral("flaky"), QStringLiteral("binge")};
    return list;
}

ScenarioAccount read(ScenarioReader& r, const QJsonObject& o, const QString& path)
{
    ScenarioAccount a;
    Account& account = a.account;
    r.knownKeys(o,
                path,
                QStringList{QStringLiteral("id"),
                            QStringLiteral("email"),
                            QStringLiteral("password"),
                            QStringLiteral("display_name"),
                            QStringLiteral("role"),
                            QStringLiteral("created_at"),
                            QStringLiteral("phone"),
                            QStringLiteral("phone_verified"),
                            QStringLiteral("email_verified"),
                            QStringLiteral("two_step"),
                            QStringLiteral("recovery_codes"),
                            QStringLiteral("profiles"),
                            QStringLiteral("devices"),
                            QStringLiteral("device_generator"),
                            QStringLiteral("audit"),
                            QStringLiteral("throttle"),
                            QStringLiteral("established_device_cookie")} +
                    SnapshotAccountReader::keys());
    account.id = r.string(o, path, QStringLiteral("id"), true);
    account.email = r.string(o, path, QStringLiteral("email"), true);
    if (!account.email.isEmpty() && !account.email.contains(QLatin1Char('@')))
        r.fail(path + QStringLiteral(".email"), QStringLiteral("'%1' is not an email address").arg(account.email));
    // A snapshot carries the password's hash instead of the password.
    a.password = r.string(o, path, QStringLiteral("password"), !o.contains(QStringLiteral("password_hash")));
    if (PasswordHasher::isTooLong(a.password))
        r.fail(path + QStringLiteral(".password"), QStringLiteral("is longer than 128 characters"));
    account.displayName = VisibleText::strip(r.string(o, path, QStringLiteral("display_name"), true));
    const QString role = r.string(o, path, QStringLiteral("role"), false);
    if (!role.isEmpty()) {
        r.oneOf(role, {QStringLiteral("holder"), QStringLiteral("support")}, path + QStringLiteral(".role"));
        account.role = roleFromName(role).value_or(Role::Holder);
    }
    a.createdAt = r.string(o, path, QStringLiteral("created_at"), false);
    r.time(a.createdAt, path + QStringLiteral(".created_at"));
    const QString phone = r.string(o, path, QStringLiteral("phone"), false);
    account.phone = StepUp::normalizePhone(phone);
    if (!phone.isEmpty() && account.phone.isEmpty())
        r.fail(path + QStringLiteral(".phone"),
               QStringLiteral("'%1' is not an international number like +447700900312").arg(phone));
    account.phoneVerified = r.boolean(o, path, QStringLiteral("phone_verified"), false);
    account.emailVerified = r.boolean(o, path, QStringLiteral("email_verified"), true);
    readTwoStep(r, o, path, a);
    readRecoveryCodes(r, o, path, a);
    a.establishedDeviceCookie = r.string(o, path, QStringLiteral("established_device_cookie"), false);
    if (!a.establishedDeviceCookie.isEmpty() &&
        !Tokens::hasShape(Tokens::Kind::DeviceCookie, a.establishedDeviceCookie))
        r.fail(path + QStringLiteral(".established_device_cookie"),
               QStringLiteral("is not a device cookie (vdc_ and 43 base64url characters)"));
    if (o.contains(QStringLiteral("throttle"))) {
        const QString where = path + QStringLiteral(".throttle");
        const QJsonObject throttle = r.child(o, path, QStringLiteral("throttle"));
        r.knownKeys(throttle, where, {QStringLiteral("failures")});
        if (r.ok() && !throttle.contains(QStringLiteral("failures")))
            r.fail(where + QStringLiteral(".failures"), QStringLiteral("is required"));
        a.throttleFailures = r.integer(throttle, where, QStringLiteral("failures"), 1, maxThrottleFailures).value_or(0);
    }

    QSet<QString> profileIds;
    const QJsonArray profiles = r.array(o, path, QStringLiteral("profiles"));
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QString where = at(path, QStringLiteral("profiles"), i);
        const QJsonObject p = r.object(profiles.at(i), where);
        r.knownKeys(
            p, where, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("avatar")});
        Profile profile;
        profile.id = r.string(p, where, QStringLiteral("id"), true);
        profile.accountId = account.id;
        profile.name = VisibleText::strip(r.string(p, where, QStringLiteral("name"), true));
        profile.kind = r.string(p, where, QStringLiteral("kind"), false);
        if (profile.kind.isEmpty())
            profile.kind = QStringLiteral("adult");
        r.oneOf(profile.kind, {QStringLiteral("adult"), QStringLiteral("kids")}, where + QStringLiteral(".kind"));
        profile.avatar = r.string(p, where, QStringLiteral("avatar"), false);
        profile.position = int(i);
        profileIds.insert(profile.id);
        a.profiles.append(profile);
    }
    const QJsonArray devices = r.array(o, path, QStringLiteral("devices"));
    for (qsizetype i = 0; i < devices.size() && r.ok(); ++i) {
        const QString where = at(path, QStringLiteral("devices"), i);
        ScenarioDevice device = readDevice(r, r.object(devices.at(i), where), where, account.id);
        if (r.ok() && !device.device.lastProfileId.isEmpty() && !profileIds.contains(device.device.lastProfileId))
            r.fail(where + QStringLiteral(".last_profile"),
                   QStringLiteral("'%1' is not a profile of this account").arg(device.device.lastProfileId));
        a.devices.append(device);
    }
    if (r.ok() && o.contains(QStringLiteral("device_generator"))) {
        const QList<ScenarioDevice> generated = generateDevices(r, o, path, account.id);
        for (const ScenarioDevice& device : generated) {
            if (!device.device.lastProfileId.isEmpty() && !profileIds.contains(device.device.lastProfileId)) {
                r.fail(path + QStringLiteral(".device_generator.profiles"),
                       QStringLiteral("'%1' is not a profile of this account").arg(device.device.lastProfileId));
                break;
            }
        }
        a.devices.append(generated);
    }
    if (r.ok())
        SnapshotAccountReader::read(r, o, path, a);
    a.audit = readAudit(r, o, path);
    QSet<QString> deviceIds;
    for (const ScenarioDevice& device : std::as_const(a.devices))
        deviceIds.insert(device.device.id);
    for (qsizetype i = 0; i < a.audit.size() && r.ok(); ++i) {
        const QString& deviceId = a.audit.at(i).deviceId;
        if (!deviceId.isEmpty() && !deviceIds.contains(deviceId))
            r.fail(at(path, QStringLiteral("audit"), i) + QStringLiteral(".device"),
                   QStringLiteral("'%1' is not a device of this account").arg(deviceId));
    }
    return a;
}

} // namespace mockd::ScenarioAccountReader
