#include "core/devices/Device.h"

#include "core/devices/DevicesLog.h"
#include "core/devices/Rfc3339.h"
#include "core/util/DisplayText.h"

#include <QHash>
#include <QJsonValue>
#include <array>
#include <utility>

namespace vigil {

namespace {

enum class Field : quint8
{
    Id,
    Name,
    Type,
    Os,
    OsVersion,
    App,
    AppVersion,
    Ip,
    Location,
    FirstSignIn,
    LastActive,
    LastProfile,
    Status,
    StatusProfile,
    StatusTitle,
    IsCurrent,
    AutoSignOutAt,
    NewUntil,
    GuestUntil
};

constexpr std::array<std::pair<QLatin1String, Field>, 19> fieldNames{{
    {QLatin1String("id"), Field::Id},
    {QLatin1String("name"), Field::Name},
    {QLatin1String("type"), Field::Type},
    {QLatin1String("os"), Field::Os},
    {QLatin1String("os_version"), Field::OsVersion},
    {QLatin1String("app"), Field::App},
    {QLatin1String("app_version"), Field::AppVersion},
    {QLatin1String("ip"), Field::Ip},
    {QLatin1String("location"), Field::Location},
    {QLatin1String("first_sign_in"), Field::FirstSignIn},
    {QLatin1String("last_active"), Field::LastActive},
    {QLatin1String("last_profile"), Field::LastProfile},
    {QLatin1String("status"), Field::Status},
    {QLatin1String("status_profile"), Field::StatusProfile},
    {QLatin1String("status_title"), Field::StatusTitle},
    {QLatin1String("is_current"), Field::IsCurrent},
    {QLatin1String("auto_signout_at"), Field::AutoSignOutAt},
    {QLatin1String("new_until"), Field::NewUntil},
    {QLatin1String("guest_until"), Field::GuestUntil},
}};

// A full device must carry these; "last_active" may be null (never active) but must be present.
constexpr std::array<QLatin1String, 5> requiredFields{QLatin1String("name"),
                                                      QLatin1String("type"),
                                                      QLatin1String("status"),
                                                      QLatin1String("first_sign_in"),
                                                      QLatin1String("last_active")};

void setProblem(QStringList& problems, QLatin1String field, bool bad)
{
    if (!bad && problems.isEmpty()) {
        return; // the usual case, kept cheap
    }
    const qsizetype at = problems.indexOf(field);
    if (bad && at < 0) {
        problems.append(field);
    } else if (!bad && at >= 0) {
        problems.removeAt(at);
    }
}

// Optional text: a string or null. Anything else is a problem and leaves the value alone.
bool readText(const QJsonValue& value, QString& out)
{
    if (value.isString()) {
        out = DisplayText::withoutControls(value.toString());
        return true;
    }
    if (value.isNull()) {
        out.clear();
        return true;
    }
    return false;
}

// RFC 3339 in UTC (any offset is accepted and converted). Null clears the value.
bool readTime(const QJsonValue& value, QDateTime& out)
{
    if (value.isNull()) {
        out = QDateTime();
        return true;
    }
    if (!value.isString()) {
        return false;
    }
    const QString text = value.toString();
    if (QDateTime fast = Rfc3339::parse(text); fast.isValid()) {
        out = fast;
        return true;
    }
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        return false;
    }
    if (parsed.timeSpec() == Qt::LocalTime) {
        // RFC 3339 requires an offset; a server that leaves it out means UTC, never our local zone.
        parsed.setTimeSpec(Qt::UTC);
    }
    out = parsed.toUTC();
    return true;
}

bool readCoordinate(const QJsonValue& value, std::optional<double>& out, double limit)
{
    if (value.isNull()) {
        out.reset();
        return true;
    }
    if (!value.isDouble() || value.toDouble() < -limit || value.toDouble() > limit) {
        return false;
    }
    out = value.toDouble();
    return true;
}

void readLocation(const QJsonValue& value, Device::Location& location, QStringList& problems)
{
    const QLatin1String field("location");
    if (value.isNull()) {
        location = {};
        setProblem(problems, field, false);
        return;
    }
    if (!value.isObject()) {
        setProblem(problems, field, true);
        return;
    }
    const QJsonObject object = value.toObject();
    Device::Location parsed;
    bool ok = readText(object.value(QLatin1String("city")), parsed.city);
    ok = readText(object.value(QLatin1String("region")), parsed.region) && ok;
    ok = readText(object.value(QLatin1String("country")), parsed.country) && ok;
    ok = readText(object.value(QLatin1String("country_code")), parsed.countryCode) && ok;
    ok = readCoordinate(object.value(QLatin1String("lat")), parsed.latitude, 90.0) && ok;
    ok = readCoordinate(object.value(QLatin1String("lon")), parsed.longitude, 180.0) && ok;
    parsed.countryCode = parsed.countryCode.trimmed().toUpper();
    location = parsed;
    setProblem(problems, field, !ok);
}

QString timeToJson(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

} // namespace

std::optional<Device> Device::fromJson(const QJsonObject& json)
{
    const QJsonValue idValue = json.value(QLatin1String("id"));
    if (!idValue.isString() || idValue.toString().trimmed().isEmpty()) {
        return std::nullopt;
    }
    Device device;
    device.id = idValue.toString();
    device.mergeJson(json);
    for (const QLatin1String& required : requiredFields) {
        if (!json.contains(required)) {
            setProblem(device.problems, required, true);
        }
    }
    return device;
}

void Device::mergeJson(const QJsonObject& json)
{
    // Look up each known field (keys stay Latin-1, nothing is allocated for them) rather than
    // walking the object's keys; unknown fields are never even looked at.
    for (const auto& [key, field] : fieldNames) {
        const auto it = json.constFind(key);
        if (it == json.constEnd()) {
            continue;
        }
        const QJsonValue value = it.value();
        bool ok = true;
        switch (field) {
        case Field::Id:
            continue; // never changes
        case Field::Name:
            ok = value.isString();
            if (ok) {
                name = DisplayText::withoutControls(value.toString());
            }
            break;
        case Field::Type:
            ok = value.isString();
            if (ok) {
                type = typeFromString(value.toString());
            }
            break;
        case Field::Status:
            ok = value.isString();
            if (ok) {
                status = statusFromString(value.toString());
            }
            break;
        case Field::Os:
            ok = readText(value, os);
            break;
        case Field::OsVersion:
            ok = readText(value, osVersion);
            break;
        case Field::App:
            ok = readText(value, app);
            break;
        case Field::AppVersion:
            ok = readText(value, appVersion);
            break;
        case Field::Ip:
            ok = readText(value, ip);
            break;
        case Field::LastProfile:
            ok = readText(value, lastProfile);
            break;
        case Field::StatusProfile:
            ok = readText(value, statusProfile);
            break;
        case Field::StatusTitle:
            ok = readText(value, statusTitle);
            break;
        case Field::Location:
            readLocation(value, location, problems);
            continue;
        case Field::FirstSignIn:
            ok = readTime(value, firstSignIn) && firstSignIn.isValid();
            break;
        case Field::LastActive:
            ok = readTime(value, lastActive);
            break;
        case Field::AutoSignOutAt:
            ok = readTime(value, autoSignOutAt);
            break;
        case Field::NewUntil:
            ok = readTime(value, newUntil);
            break;
        case Field::GuestUntil:
            ok = readTime(value, guestUntil);
            break;
        case Field::IsCurrent:
            ok = value.isBool() || value.isNull();
            if (ok) {
                isCurrent = value.toBool(false);
            }
            break;
        }
        setProblem(problems, key, !ok);
    }
}

QJsonObject Device::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), typeToString(type)},
        {QStringLiteral("os"), os},
        {QStringLiteral("os_version"), osVersion},
        {QStringLiteral("app"), app},
        {QStringLiteral("app_version"), appVersion},
        {QStringLiteral("ip"), ip},
        {QStringLiteral("first_sign_in"), firstSignIn.isValid() ? QJsonValue(timeToJson(firstSignIn)) : QJsonValue()},
        {QStringLiteral("last_active"), lastActive.isValid() ? QJsonValue(timeToJson(lastActive)) : QJsonValue()},
        {QStringLiteral("last_profile"), lastProfile.isEmpty() ? QJsonValue() : QJsonValue(lastProfile)},
        {QStringLiteral("status"), statusToString(status)},
        {QStringLiteral("is_current"), isCurrent},
    };
    if (location.isKnown()) {
        QJsonObject place{{QStringLiteral("city"), location.city},
                          {QStringLiteral("region"), location.region},
                          {QStringLiteral("country"), location.country},
                          {QStringLiteral("country_code"), location.countryCode}};
        if (location.latitude && location.longitude) {
            place.insert(QStringLiteral("lat"), *location.latitude);
            place.insert(QStringLiteral("lon"), *location.longitude);
        }
        json.insert(QStringLiteral("location"), place);
    } else {
        json.insert(QStringLiteral("location"), QJsonValue());
    }
    if (status == Status::Streaming || status == Status::Paused) {
        json.insert(QStringLiteral("status_profile"), statusProfile);
        json.insert(QStringLiteral("status_title"), statusTitle);
    }
    if (autoSignOutAt.isValid()) {
        json.insert(QStringLiteral("auto_signout_at"), timeToJson(autoSignOutAt));
    }
    if (newUntil.isValid()) {
        json.insert(QStringLiteral("new_until"), timeToJson(newUntil));
    }
    if (guestUntil.isValid()) {
        json.insert(QStringLiteral("access"), QStringLiteral("guest"));
        json.insert(QStringLiteral("guest_until"), timeToJson(guestUntil));
    }
    return json;
}

Device::Type Device::typeFromString(QStringView text)
{
    static constexpr std::array<std::pair<QLatin1String, Type>, 7> names{{
        {QLatin1String("tv"), Type::Tv},
        {QLatin1String("phone"), Type::Phone},
        {QLatin1String("tablet"), Type::Tablet},
        {QLatin1String("computer"), Type::Computer},
        {QLatin1String("console"), Type::Console},
        {QLatin1String("browser"), Type::Browser},
        {QLatin1String("settopbox"), Type::SetTopBox},
    }};
    for (const auto& [name, type] : names) {
        if (text == name) {
            return type;
        }
    }
    return Type::Unknown;
}

QString Device::typeToString(Type type)
{
    switch (type) {
    case Type::Tv:
        return QStringLiteral("tv");
    case Type::Phone:
        return QStringLiteral("phone");
    case Type::Tablet:
        return QStringLiteral("tablet");
    case Type::Computer:
        return QStringLiteral("computer");
    case Type::Console:
        return QStringLiteral("console");
    case Type::Browser:
        return QStringLiteral("browser");
    case Type::SetTopBox:
        return QStringLiteral("settopbox");
    case Type::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Device::Status Device::statusFromString(QStringView text)
{
    if (text == QLatin1String("streaming")) {
        return Status::Streaming;
    }
    if (text == QLatin1String("paused")) {
        return Status::Paused;
    }
    if (text == QLatin1String("idle")) {
        return Status::Idle;
    }
    if (text == QLatin1String("offline")) {
        return Status::Offline;
    }
    return Status::Unknown;
}

QString Device::statusToString(Status status)
{
    switch (status) {
    case Status::Streaming:
        return QStringLiteral("streaming");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Idle:
        return QStringLiteral("idle");
    case Status::Offline:
        return QStringLiteral("offline");
    case Status::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

DeviceListParse DeviceListParse::fromJson(const QJsonArray& array)
{
    DeviceListParse result;
    result.devices.reserve(array.size());
    QHash<QString, qsizetype> seen;
    seen.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isObject()) {
            result.skipped.append({i, SkipReason::NotAnObject});
            continue;
        }
        std::optional<Device> device = Device::fromJson(value.toObject());
        if (!device) {
            result.skipped.append({i, SkipReason::MissingId});
            continue;
        }
        if (seen.contains(device->id)) {
            result.skipped.append({i, SkipReason::DuplicateId});
            continue;
        }
        seen.insert(device->id, i);
        result.devices.append(std::move(*device));
    }
    if (!result.skipped.isEmpty()) {
        qCWarning(lcDevices) << "device list: skipped" << result.skipped.size() << "of" << array.size()
                             << "entries (not an object, no id, or a duplicate id)";
    }
    return result;
}

} // namespace vigil
