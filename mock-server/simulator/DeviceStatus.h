#pragma once

#include <QString>
#include <optional>

namespace mockd::sim {

// What a simulated device reports with PUT /v1/devices/current/status ("offline" is not reported:
// the service derives it from the closed event socket).
enum class DeviceStatus
{
    Streaming,
    Paused,
    Idle,
};

inline QString statusName(DeviceStatus status)
{
    switch (status) {
    case DeviceStatus::Streaming:
        return QStringLiteral("streaming");
    case DeviceStatus::Paused:
        return QStringLiteral("paused");
    case DeviceStatus::Idle:
        break;
    }
    return QStringLiteral("idle");
}

inline std::optional<DeviceStatus> statusFromName(const QString& name)
{
    if (name == QLatin1String("streaming"))
        return DeviceStatus::Streaming;
    if (name == QLatin1String("paused"))
        return DeviceStatus::Paused;
    if (name == QLatin1String("idle"))
        return DeviceStatus::Idle;
    return std::nullopt;
}

} // namespace mockd::sim
