#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QEvent>
#include <QJsonObject>
#include <QList>
#include <QWidget>
#include <vector>

namespace bench {

// A realistic, reproducible account: `count` devices as the service would send them
// ({"devices": [...]}, the field names of core/devices/DEVICE_JSON.md), last activity spread over
// 200 days before `now`, a few never active, a few incomplete-free variations of every field.
QByteArray generateDevicesJson(int count, const QDateTime& now, quint32 seed);

// `count` device.updated payloads for devices d0…d(devices-1): status changes, half of them with
// a fresh last_active (which moves the row to the top of the default sort).
QList<QJsonObject> generateStatusEvents(int count, int devices, const QDateTime& now, quint32 seed);

// The value at fraction `p` (0…1) of `values` (nearest rank); 0 for none.
double percentile(std::vector<double> values, double p);

// Counts the paints of a view's viewport, to prove each measured step really repainted.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget* viewport) : QObject(viewport) { viewport->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject* /*watched*/, QEvent* event) override
    {
        paints += event->type() == QEvent::Paint ? 1 : 0;
        return false;
    }
};

} // namespace bench
