#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace vigil {

// One household profile of `GET /v1/profiles`.
struct Profile
{
    QString id;
    QString name;
    QString avatar; // a short key: "fox", "owl", "panda"
    bool kids = false;
    QString lastDeviceId; // empty: never used
    QString lastDeviceName;
    QDateTime lastActive; // UTC; invalid when never used

    bool wasUsed() const { return !lastDeviceId.isEmpty(); }

    // Nothing when a required field is missing or of the wrong type.
    static std::optional<Profile> fromJson(const QJsonObject& json);
};

} // namespace vigil
