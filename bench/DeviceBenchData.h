#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace bench {

// A realistic, reproducible account: `count` devices as the service would send them
// ({"devices": [...]}, the field names of core/devices/DEVICE_JSON.md), last activity spread over
// 200 days before `now`, a few never active, a few incomplete-free variations of every field.
QByteArray generateDevicesJson(int count, const QDateTime& now, quint32 seed);

// `count` device.updated payloads for devices d0…d(devices-1): status changes, half of them with
// a fresh last_active (which moves the row to the top of the default sort).
QList<QJsonObject> generateStatusEvents(int count, int devices, const QDateTime& now, quint32 seed);

} // namespace bench
