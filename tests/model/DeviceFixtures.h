#pragma once

#include "core/devices/Device.h"
#include "core/devices/RelativeTime.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <memory>

// Shared by the model tests: a clock the test moves by hand, and compact device builders.
namespace fixtures {

// Tuesday 10 March 2026, 12:00 UTC.
inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
}

struct ManualClock
{
    std::shared_ptr<QDateTime> now = std::make_shared<QDateTime>(fixedNow());

    vigil::RelativeTime relativeTime() const
    {
        const std::shared_ptr<QDateTime> shared = now;
        return vigil::RelativeTime(
            [shared] { return *shared; }, QTimeZone::utc(), QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    void advanceSeconds(qint64 seconds) { *now = now->addSecs(seconds); }
};

inline QDateTime ago(qint64 seconds)
{
    return fixedNow().addSecs(-seconds);
}

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

struct Spec
{
    QString id;
    QString name;
    vigil::Device::Type type = vigil::Device::Type::Phone;
    vigil::Device::Status status = vigil::Device::Status::Idle;
    qint64 lastActiveAgo = 5 * minute; // negative: never active
    qint64 firstSignInAgo = 200 * day;
    QString countryCode = QStringLiteral("PT");
    QString city = QStringLiteral("Lisbon");
    QString profile = QStringLiteral("Ana");
    bool current = false;
};

inline vigil::Device makeDevice(const Spec& spec)
{
    vigil::Device device;
    device.id = spec.id;
    device.name = spec.name;
    device.type = spec.type;
    device.status = spec.status;
    device.os = QStringLiteral("Android");
    device.osVersion = QStringLiteral("14");
    device.app = QStringLiteral("Vigil Stream");
    device.appVersion = QStringLiteral("3.2.1");
    device.ip = QStringLiteral("203.0.113.7");
    if (!spec.countryCode.isEmpty()) {
        device.location.countryCode = spec.countryCode;
        device.location.city = spec.city;
        device.location.country = spec.countryCode == QLatin1String("PT")   ? QStringLiteral("Portugal")
                                  : spec.countryCode == QLatin1String("ES") ? QStringLiteral("Spain")
                                  : spec.countryCode == QLatin1String("BR") ? QStringLiteral("Brazil")
                                                                            : spec.countryCode;
    }
    device.firstSignIn = ago(spec.firstSignInAgo);
    device.lastActive = spec.lastActiveAgo >= 0 ? ago(spec.lastActiveAgo) : QDateTime();
    device.lastProfile = spec.profile;
    if (spec.status == vigil::Device::Status::Streaming || spec.status == vigil::Device::Status::Paused) {
        device.statusProfile = spec.profile;
        device.statusTitle = QStringLiteral("The Long Way Home");
    }
    device.isCurrent = spec.current;
    return device;
}

} // namespace fixtures
