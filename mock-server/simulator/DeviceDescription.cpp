#include "simulator/DeviceDescription.h"

#include <QRandomGenerator>
#include <array>

namespace mockd::sim {

namespace {

struct Platform
{
    const char* os;
    const char* osVersion;
    const char* app;
    const char* appVersion;
};

struct Kind
{
    const char* type;
    const char* noun;
    std::array<const char*, 4> places;
    std::array<Platform, 3> platforms;
};

// Types are weighted by their place in the list only through the draw below; every type appears.
const std::array<Kind, 7> kinds{{
    {"tv",
     "TV",
     {"Hotel Room", "Living Room", "Bedroom", "Holiday Flat"},
     {{{"Tizen", "7.0", "StreamBox", "5.12.1"},
       {"webOS", "23", "StreamBox", "5.11.0"},
       {"Android TV", "12", "StreamBox", "5.12.0"}}}},
    {"phone",
     "Phone",
     {"Sam's", "Alex's", "Work", "Spare"},
     {{{"iOS", "17.4", "Vigil Stream", "3.2.1"},
       {"Android", "14", "Vigil Stream", "3.2.0"},
       {"Android", "13", "Vigil Stream", "3.1.4"}}}},
    {"tablet",
     "Tablet",
     {"Kids'", "Kitchen", "Travel", "Grandma's"},
     {{{"iPadOS", "17.3", "Vigil Stream", "3.2.1"},
       {"Android", "13", "Vigil Stream", "3.1.4"},
       {"Fire OS", "8", "Vigil Stream", "3.0.9"}}}},
    {"computer",
     "Laptop",
     {"Office", "Study", "School", "Shared"},
     {{{"Windows", "11", "Vigil Desktop", "2.4.0"},
       {"macOS", "14.3", "Vigil Desktop", "2.4.0"},
       {"Ubuntu", "24.04", "Vigil Desktop", "2.3.2"}}}},
    {"console",
     "Console",
     {"Games Room", "Den", "Basement", "Cabin"},
     {{{"PlayStation OS", "5", "StreamBox", "4.8.0"},
       {"Xbox OS", "10", "StreamBox", "4.8.1"},
       {"Nintendo OS", "17", "StreamBox", "4.7.3"}}}},
    {"browser",
     "Browser",
     {"Library", "Internet Café", "Airport Lounge", "Work PC"},
     {{{"Windows", "10", "Firefox", "125.0"},
       {"macOS", "14.4", "Safari", "17.4"},
       {"Linux", "6.8", "Chrome", "124.0"}}}},
    {"settopbox",
     "Set-top Box",
     {"Hotel Room", "Lounge", "Guest Room", "Garden House"},
     {{{"Android TV", "11", "StreamBox", "5.10.2"},
       {"tvOS", "17.4", "StreamBox", "5.12.1"},
       {"Roku OS", "13", "StreamBox", "5.9.0"}}}},
}};

} // namespace

QJsonObject DeviceDescription::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("type"), type},
            {QStringLiteral("os"), os},
            {QStringLiteral("os_version"), osVersion},
            {QStringLiteral("app"), app},
            {QStringLiteral("app_version"), appVersion}};
}

DeviceDescription DeviceDescription::generate(QRandomGenerator& random, QSet<QString>& takenNames)
{
    const Kind& kind = kinds.at(random.bounded(int(kinds.size())));
    const char* place = kind.places.at(random.bounded(int(kind.places.size())));
    const Platform& platform = kind.platforms.at(random.bounded(int(kind.platforms.size())));

    DeviceDescription description;
    description.type = QString::fromLatin1(kind.type);
    description.os = QString::fromUtf8(platform.os);
    description.osVersion = QString::fromLatin1(platform.osVersion);
    description.app = QString::fromUtf8(platform.app);
    description.appVersion = QString::fromLatin1(platform.appVersion);
    const QString base = QString::fromUtf8(place) + QLatin1Char(' ') + QString::fromUtf8(kind.noun);
    description.name = base;
    for (int n = 2; takenNames.contains(description.name); ++n)
        description.name = base + QLatin1Char(' ') + QString::number(n);
    takenNames.insert(description.name);
    return description;
}

} // namespace mockd::sim
