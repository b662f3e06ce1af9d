#include "DeviceBenchData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <array>
#include <random>

namespace bench {

namespace {

struct Place
{
    const char* city;
    const char* region;
    const char* country;
    const char* code;
    double lat;
    double lon;
};

constexpr std::array<Place, 16> places{{
    {"Lisbon", "Lisboa", "Portugal", "PT", 38.72, -9.14},
    {"Porto", "Porto", "Portugal", "PT", 41.15, -8.61},
    {"Braga", "Braga", "Portugal", "PT", 41.55, -8.42},
    {"Madrid", "Madrid", "Spain", "ES", 40.42, -3.70},
    {"Barcelona", "Catalonia", "Spain", "ES", 41.39, 2.17},
    {"Paris", "Île-de-France", "France", "FR", 48.86, 2.35},
    {"Lyon", "Auvergne-Rhône-Alpes", "France", "FR", 45.76, 4.84},
    {"Berlin", "Berlin", "Germany", "DE", 52.52, 13.40},
    {"Köln", "North Rhine-Westphalia", "Germany", "DE", 50.94, 6.96},
    {"London", "England", "United Kingdom", "GB", 51.51, -0.13},
    {"São Paulo", "São Paulo", "Brazil", "BR", -23.55, -46.63},
    {"Rio de Janeiro", "Rio de Janeiro", "Brazil", "BR", -22.91, -43.17},
    {"New York", "New York", "United States", "US", 40.71, -74.01},
    {"Toronto", "Ontario", "Canada", "CA", 43.65, -79.38},
    {"Tokyo", "Tokyo", "Japan", "JP", 35.68, 139.69},
    {"", "", "", "", 0, 0}, // unknown location
}};

struct Kind
{
    const char* name;
    const char* type;
    const char* os;
    const char* osVersion;
    const char* app;
};

constexpr std::array<Kind, 15> kinds{{
    {"iPhone", "phone", "iOS", "17.4", "Vigil Stream"},
    {"Pixel 8", "phone", "Android", "14", "Vigil Stream"},
    {"Galaxy S23", "phone", "Android", "13", "Vigil Stream"},
    {"iPad", "tablet", "iPadOS", "17.3", "Vigil Stream"},
    {"Fire HD", "tablet", "Fire OS", "8", "Vigil Stream"},
    {"MacBook Air", "computer", "macOS", "14.4", "Vigil for Mac"},
    {"ThinkPad", "computer", "Windows", "11", "Vigil for Windows"},
    {"Living Room TV", "tv", "Tizen", "7.0", "Vigil TV"},
    {"Bedroom TV", "tv", "webOS", "23", "Vigil TV"},
    {"PlayStation 5", "console", "PS5 System", "24.02", "Vigil Stream"},
    {"Xbox Series X", "console", "Xbox OS", "10.0", "Vigil Stream"},
    {"Chrome on Windows", "browser", "Windows", "11", "Chrome 123"},
    {"Firefox on Linux", "browser", "Linux", "6.6", "Firefox 124"},
    {"Apple TV", "settopbox", "tvOS", "17.4", "Vigil TV"},
    {"MEO Box", "settopbox", "Android TV", "11", "Vigil TV"},
}};

constexpr std::array<const char*, 12> owners{
    "Ana", "Ben", "Carla", "Dinis", "Eva", "Filipe", "Grace", "Hugo", "Inês", "João", "Kim", "Lena"};
constexpr std::array<const char*, 5> profiles{"Ana", "Ben", "Kids", "Guest", "Grandma"};
constexpr std::array<const char*, 8> titles{"Night Trains",
                                            "The Long Way Home",
                                            "Cosmos Revisited",
                                            "Salt & Stone",
                                            "Harbour Lights",
                                            "Quiet Hours",
                                            "Red Meridian",
                                            "Paper Moons"};
constexpr std::array<const char*, 4> statuses{"streaming", "paused", "idle", "offline"};

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString rfc3339(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

int pickStatus(std::mt19937& random)
{
    const int roll = int(random() % 100);
    return roll < 10 ? 0 : roll < 15 ? 1 : roll < 50 ? 2 : 3;
}

} // namespace

QByteArray generateDevicesJson(int count, const QDateTime& now, quint32 seed)
{
    std::mt19937 random(seed);
    std::exponential_distribution<double> ageDays(1.0 / 20.0);
    QJsonArray devices;
    for (int i = 0; i < count; ++i) {
        const Kind& kind = kinds[random() % kinds.size()];
        const Place& place = places[random() % places.size()];
        const QString owner = text(owners[random() % owners.size()]);
        const int status = pickStatus(random);
        const double lastDays = std::min(ageDays(random), 200.0);
        const QDateTime lastActive = now.addSecs(-qint64(lastDays * 86400.0));
        const QDateTime firstSignIn = lastActive.addSecs(-qint64(random() % (400 * 86400)));
        QJsonObject device{
            {text("id"), QStringLiteral("d%1").arg(i)},
            {text("name"), QStringLiteral("%1’s %2").arg(owner, text(kind.name))},
            {text("type"), text(kind.type)},
            {text("os"), text(kind.os)},
            {text("os_version"), text(kind.osVersion)},
            {text("app"), text(kind.app)},
            {text("app_version"), QStringLiteral("3.%1.%2").arg(random() % 9).arg(random() % 20)},
            {text("ip"), QStringLiteral("203.0.%1.%2").arg(random() % 256).arg(random() % 256)},
            {text("first_sign_in"), rfc3339(firstSignIn)},
            {text("last_active"), random() % 50 == 0 ? QJsonValue() : QJsonValue(rfc3339(lastActive))},
            {text("last_profile"), text(profiles[random() % profiles.size()])},
            {text("status"), text(statuses[size_t(status)])},
            {text("is_current"), i == 0},
        };
        if (*place.code) {
            device.insert(text("location"),
                          QJsonObject{{text("city"), text(place.city)},
                                      {text("region"), text(place.region)},
                                      {text("country"), text(place.country)},
                                      {text("country_code"), text(place.code)},
                                      {text("lat"), place.lat},
                                      {text("lon"), place.lon}});
        } else {
            device.insert(text("location"), QJsonValue());
        }
        if (status <= 1) {
            device.insert(text("status_profile"), text(profiles[random() % profiles.size()]));
            device.insert(text("status_title"), text(titles[random() % titles.size()]));
        }
        devices.append(device);
    }
    return QJsonDocument(QJsonObject{{text("devices"), devices}}).toJson(QJsonDocument::Compact);
}

QList<QJsonObject> generateStatusEvents(int count, int devices, const QDateTime& now, quint32 seed)
{
    std::mt19937 random(seed);
    QList<QJsonObject> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int status = pickStatus(random);
        QJsonObject event{{text("id"), QStringLiteral("d%1").arg(random() % quint32(devices))},
                          {text("status"), text(statuses[size_t(status)])}};
        if (status <= 1) {
            event.insert(text("status_profile"), text(profiles[random() % profiles.size()]));
            event.insert(text("status_title"), text(titles[random() % titles.size()]));
        }
        if (i % 2 == 0) {
            event.insert(text("last_active"), rfc3339(now.addSecs(i + 1)));
        }
        events.append(event);
    }
    return events;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

} // namespace bench
