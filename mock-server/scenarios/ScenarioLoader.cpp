#include "scenarios/ScenarioLoader.h"

#include "auth/Base32.h"
#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "base/TimeFormat.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace mockd {

namespace {

constexpr qsizetype maxRecoveryCodes = 10;
constexpr int maxSessionsPerDevice = 100000;

// Collects the first problem with its JSON path.
class Reader
{
public:
    explicit Reader(QString source) : m_source(std::move(source)) {}

    QString string(const QJsonObject& object, const QString& path, const QString& key, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + key, QStringLiteral("is required"));
            return {};
        }
        if (!value.isString()) {
            fail(path + QLatin1Char('.') + key, QStringLiteral("must be a string"));
            return {};
        }
        return value.toString();
    }

    bool boolean(const QJsonObject& object, const QString& path, const QString& key, bool fallback)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isBool())
            fail(path + QLatin1Char('.') + key, QStringLiteral("must be true or false"));
        return value.toBool();
    }

    std::optional<double> number(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isDouble()) {
            fail(path + QLatin1Char('.') + key, QStringLiteral("must be a number"));
            return std::nullopt;
        }
        return value.toDouble();
    }

    QJsonArray array(const QJsonObject& object, const QString& path, const QString& key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(path + QLatin1Char('.') + key, QStringLiteral("must be an array"));
        return value.toArray();
    }

    QJsonObject object(const QJsonValue& value, const QString& path)
    {
        if (!value.isObject())
            fail(path, QStringLiteral("must be an object"));
        return value.toObject();
    }

    void oneOf(const QString& value, const QStringList& allowed, const QString& path)
    {
        if (!allowed.contains(value))
            fail(path, QStringLiteral("'%1' is not one of %2").arg(value, allowed.join(QStringLiteral(", "))));
    }

    void time(const QString& value, const QString& path)
    {
        if (!value.isEmpty() && !TimeFormat::parseRelativeOrAbsolute(value, 0))
            fail(path, QStringLiteral("'%1' is neither a relative time like -3d nor an RFC 3339 time").arg(value));
    }

    void fail(const QString& path, const QString& message)
    {
        if (m_error.isEmpty())
            m_error = m_source + QStringLiteral(": ") + path + QStringLiteral(": ") + message;
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QString m_source;
    QString m_error;
};

ScenarioDevice readDevice(Reader& r, const QJsonObject& o, const QString& path, const QString& accountId)
{
    ScenarioDevice d;
    Device& device = d.device;
    device.id = r.string(o, path, QStringLiteral("id"), true);
    device.accountId = accountId;
    device.name = r.string(o, path, QStringLiteral("name"), true);
    device.type = r.string(o, path, QStringLiteral("type"), true);
    if (!device.type.isEmpty())
        r.oneOf(device.type, Device::types(), path + QStringLiteral(".type"));
    device.os = r.string(o, path, QStringLiteral("os"), false);
    device.osVersion = r.string(o, path, QStringLiteral("os_version"), false);
    device.app = r.string(o, path, QStringLiteral("app"), false);
    device.appVersion = r.string(o, path, QStringLiteral("app_version"), false);
    device.ip = r.string(o, path, QStringLiteral("ip"), false);
    if (o.contains(QStringLiteral("location"))) {
        const QString where = path + QStringLiteral(".location");
        const QJsonObject location = r.object(o.value(QStringLiteral("location")), where);
        device.city = r.string(location, where, QStringLiteral("city"), false);
        device.region = r.string(location, where, QStringLiteral("region"), false);
        device.country = r.string(location, where, QStringLiteral("country"), false);
        device.countryCode = r.string(location, where, QStringLiteral("country_code"), false);
        device.latitude = r.number(location, where, QStringLiteral("latitude"));
        device.longitude = r.number(location, where, QStringLiteral("longitude"));
    }
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
    if (const auto sessions = r.number(o, path, QStringLiteral("sessions")); sessions) {
        if (*sessions < 1 || *sessions > maxSessionsPerDevice || *sessions != double(int(*sessions)))
            r.fail(path + QStringLiteral(".sessions"),
                   QStringLiteral("must be a whole number from 1 to %1").arg(maxSessionsPerDevice));
        else
            d.sessions = int(*sessions);
    }
    return d;
}

ScenarioAccount readAccount(Reader& r, const QJsonObject& o, const QString& path)
{
    ScenarioAccount a;
    Account& account = a.account;
    account.id = r.string(o, path, QStringLiteral("id"), true);
    account.email = r.string(o, path, QStringLiteral("email"), true);
    if (!account.email.isEmpty() && !account.email.contains(QLatin1Char('@')))
        r.fail(path + QStringLiteral(".email"), QStringLiteral("'%1' is not an email address").arg(account.email));
    a.password = r.string(o, path, QStringLiteral("password"), true);
    if (PasswordHasher::isTooLong(a.password))
        r.fail(path + QStringLiteral(".password"), QStringLiteral("is longer than 128 characters"));
    account.displayName = r.string(o, path, QStringLiteral("display_name"), true);
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
    if (o.contains(QStringLiteral("two_step"))) {
        const QString where = path + QStringLiteral(".two_step");
        const QJsonObject twoStep = r.object(o.value(QStringLiteral("two_step")), where);
        account.totpSecret = r.string(twoStep, where, QStringLiteral("totp_secret"), false).toUpper();
        const auto key = Base32::decode(account.totpSecret);
        if (!account.totpSecret.isEmpty() && (!key || key->size() < 10))
            r.fail(where + QStringLiteral(".totp_secret"), QStringLiteral("must be base32 of at least 80 bits"));
        account.smsTwoStep = r.boolean(twoStep, where, QStringLiteral("sms"), false);
    }

    const QJsonArray codes = r.array(o, path, QStringLiteral("recovery_codes"));
    if (codes.size() > maxRecoveryCodes)
        r.fail(path + QStringLiteral(".recovery_codes"),
               QStringLiteral("has more than %1 codes").arg(maxRecoveryCodes));
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString where = path + QStringLiteral(".recovery_codes[%1]").arg(i);
        const QString code = StepUp::normalizeRecoveryCode(codes.at(i).toString());
        if (code.isEmpty())
            r.fail(where, QStringLiteral("must be 10 to 32 letters and digits (dashes allowed), like abcd-efgh-jk12"));
        else if (a.recoveryCodes.contains(code))
            r.fail(where, QStringLiteral("is used twice"));
        a.recoveryCodes.append(code);
    }

    QSet<QString> profileIds;
    const QJsonArray profiles = r.array(o, path, QStringLiteral("profiles"));
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QString where = path + QStringLiteral(".profiles[%1]").arg(i);
        const QJsonObject p = r.object(profiles.at(i), where);
        Profile profile;
        profile.id = r.string(p, where, QStringLiteral("id"), true);
        profile.accountId = account.id;
        profile.name = r.string(p, where, QStringLiteral("name"), true);
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
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const QString where = path + QStringLiteral(".devices[%1]").arg(i);
        ScenarioDevice device = readDevice(r, r.object(devices.at(i), where), where, account.id);
        if (!device.device.lastProfileId.isEmpty() && !profileIds.contains(device.device.lastProfileId))
            r.fail(where + QStringLiteral(".last_profile"),
                   QStringLiteral("'%1' is not a profile of this account").arg(device.device.lastProfileId));
        a.devices.append(device);
    }
    return a;
}

} // namespace

Expected<Scenario, QString> ScenarioLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QString source = path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).fileName();
    return parse(file.readAll(), source);
}

Expected<Scenario, QString> ScenarioLoader::parse(const QByteArray& json, const QString& source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return unexpected(QStringLiteral("%1: not valid JSON at offset %2: %3")
                              .arg(source)
                              .arg(parseError.offset)
                              .arg(parseError.errorString()));
    Reader r(source);
    const QJsonObject root = r.object(document.object(), QStringLiteral("$"));
    if (!document.isObject())
        r.fail(QStringLiteral("$"), QStringLiteral("must be an object"));
    Scenario scenario;
    scenario.source = source;
    scenario.digest = QCryptographicHash::hash(json, QCryptographicHash::Sha256);
    scenario.name = r.string(root, QStringLiteral("$"), QStringLiteral("name"), true);
    scenario.description = r.string(root, QStringLiteral("$"), QStringLiteral("description"), false);
    const QJsonArray accounts = r.array(root, QStringLiteral("$"), QStringLiteral("accounts"));
    QSet<QString> ids;
    QSet<QString> emails;
    for (qsizetype i = 0; i < accounts.size() && r.ok(); ++i) {
        const QString path = QStringLiteral("accounts[%1]").arg(i);
        ScenarioAccount account = readAccount(r, r.object(accounts.at(i), path), path);
        if (!r.ok())
            break;
        const QString email = account.account.email.trimmed().toLower();
        if (emails.contains(email))
            r.fail(path + QStringLiteral(".email"), QStringLiteral("'%1' is used by another account").arg(email));
        emails.insert(email);
        QStringList own{account.account.id};
        for (const Profile& profile : std::as_const(account.profiles))
            own.append(profile.id);
        for (const ScenarioDevice& device : std::as_const(account.devices))
            own.append(device.device.id);
        for (const QString& id : std::as_const(own)) {
            if (ids.contains(id))
                r.fail(path, QStringLiteral("the id '%1' is used twice").arg(id));
            ids.insert(id);
        }
        scenario.accounts.append(account);
    }
    if (!r.ok())
        return unexpected(r.error());
    return scenario;
}

Expected<Ok, QString> ScenarioLoader::hashPasswords(Scenario& scenario)
{
    for (ScenarioAccount& account : scenario.accounts) {
        if (!account.recoveryCodes.isEmpty()) {
            const QByteArray codesKey = QCryptographicHash::hash(
                (account.account.id + QLatin1Char('\n') + account.recoveryCodes.join(QLatin1Char('\n'))).toUtf8(),
                QCryptographicHash::Sha256);
            auto cached = m_recoveryCache.constFind(codesKey);
            if (cached == m_recoveryCache.constEnd()) {
                const QByteArray salt = StepUp::newRecoverySalt();
                QList<RecoveryCode> hashed;
                for (const QString& code : std::as_const(account.recoveryCodes)) {
                    const QByteArray hash = StepUp::recoveryCodeHash(salt, code);
                    if (hash.isEmpty())
                        return unexpected(QStringLiteral("%1: cannot hash a recovery code of %2")
                                              .arg(scenario.source, account.account.email));
                    hashed.append({account.account.id, salt, hash, 0});
                }
                cached = m_recoveryCache.insert(codesKey, hashed);
            }
            account.hashedRecoveryCodes = cached.value();
        }
        const QByteArray key = QCryptographicHash::hash(account.password.toUtf8(), QCryptographicHash::Sha256);
        if (const auto cached = m_hashCache.constFind(key); cached != m_hashCache.constEnd()) {
            account.account.passwordHash = cached.value();
            continue;
        }
        const auto hashed = PasswordHasher::hash(account.password);
        if (!hashed)
            return unexpected(
                QStringLiteral("%1: cannot hash the password of %2").arg(scenario.source, account.account.email));
        account.account.passwordHash = QString::fromLatin1(*hashed);
        m_hashCache.insert(key, account.account.passwordHash);
    }
    return Ok{};
}

} // namespace mockd
