#pragma once

#include "core/devices/Device.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace vigil {

// A device waiting for approval, as `POST /v1/device-authorizations/lookup` describes it: what it
// says it is, where it asks from, and where the person approving is.
struct TvRequest
{
    QString id;       // "dva_…", for /approve and /deny
    QString userCode; // as the TV shows it
    // What the device says about itself, with the address and GeoIP place it asked from; `id` is
    // the request's (the device has none yet).
    Device device;
    Device::Location approverPlace; // this computer's, as the service saw it
    std::optional<double> distanceKm;
    bool far = false;    // the service's call: different countries or over 100 km apart
    QDateTime expiresAt; // by the clock given to fromJson

    // Nothing when `id` or `device` is missing. `now` dates `expires_in`.
    static std::optional<TvRequest> fromJson(const QJsonObject& json, const QDateTime& now);

    // The far-place warning, or the unknown-place note, or nothing.
    QString placeWarning() const;
};

} // namespace vigil
