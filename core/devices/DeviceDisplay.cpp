// Device, continued: the texts and icon names people see.
#include "core/devices/Device.h"

namespace vigil {

QString Device::typeText(Type type)
{
    switch (type) {
    case Type::Tv:
        return tr("TV");
    case Type::Phone:
        return tr("Phone");
    case Type::Tablet:
        return tr("Tablet");
    case Type::Computer:
        return tr("Computer");
    case Type::Console:
        return tr("Game console");
    case Type::Browser:
        return tr("Web browser");
    case Type::SetTopBox:
        return tr("Set-top box");
    case Type::Unknown:
        break;
    }
    return tr("Other device");
}

QString Device::statusText(Status status)
{
    switch (status) {
    case Status::Streaming:
        return tr("Streaming");
    case Status::Paused:
        return tr("Paused");
    case Status::Idle:
        return tr("Idle");
    case Status::Offline:
        return tr("Offline");
    case Status::Unknown:
        break;
    }
    return tr("Unknown");
}

QString Device::typeIconName(Type type)
{
    switch (type) {
    case Type::Tv:
        return QStringLiteral("tv");
    case Type::Phone:
        return QStringLiteral("smartphone");
    case Type::Tablet:
        return QStringLiteral("tablet");
    case Type::Computer:
        return QStringLiteral("laptop");
    case Type::Console:
        return QStringLiteral("gamepad-2");
    case Type::Browser:
        return QStringLiteral("globe");
    case Type::SetTopBox:
        return QStringLiteral("set-top-box");
    case Type::Unknown:
        break;
    }
    return QStringLiteral("monitor");
}

QString Device::statusIconName(Status status)
{
    switch (status) {
    case Status::Streaming:
        return QStringLiteral("circle-play");
    case Status::Paused:
        return QStringLiteral("circle-pause");
    case Status::Idle:
        return QStringLiteral("moon");
    case Status::Offline:
        return QStringLiteral("wifi-off");
    case Status::Unknown:
        break;
    }
    return QStringLiteral("circle-question-mark");
}

QString Device::displayName() const
{
    return name.trimmed().isEmpty() ? tr("Unnamed device") : name;
}

QString Device::locationText() const
{
    const QString& country = location.country.isEmpty() ? location.countryCode : location.country;
    const QString& place = location.city.isEmpty() ? location.region : location.city;
    if (!place.isEmpty() && !country.isEmpty()) {
        return tr("%1, %2", "city, country").arg(place, country);
    }
    if (!place.isEmpty()) {
        return place;
    }
    if (!country.isEmpty()) {
        return country;
    }
    return tr("Unknown location");
}

QString Device::placeText() const
{
    for (const QString* part : {&location.city, &location.region, &location.country, &location.countryCode}) {
        if (!part->isEmpty()) {
            return *part;
        }
    }
    return tr("Unknown location");
}

QString Device::autoSignOutText(const QDateTime& now) const
{
    if (!autoSignOutAt.isValid() || !now.isValid())
        return {};
    constexpr qint64 day = 24 * 60 * 60;
    const qint64 left = now.secsTo(autoSignOutAt);
    if (left > autoSignOutWarningDays * day)
        return {};
    if (left < day)
        return tr("Will be signed out within a day");
    // Whole days, rounded up: 11.5 days left still reads "12 days".
    return tr("Will be signed out in %n day(s)", nullptr, int((left + day - 1) / day));
}

QString Device::osText() const
{
    return osVersion.isEmpty() ? os : os.isEmpty() ? osVersion : QString(os % QLatin1Char(' ') % osVersion);
}

QString Device::appText() const
{
    return appVersion.isEmpty() ? app : app.isEmpty() ? appVersion : QString(app % QLatin1Char(' ') % appVersion);
}

const QString& Device::shownProfile() const
{
    const bool watching = status == Status::Streaming || status == Status::Paused;
    return watching && !statusProfile.isEmpty() ? statusProfile : lastProfile;
}

} // namespace vigil
