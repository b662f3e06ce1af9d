#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace mockd {

class Clock;
class DeviceService;
class EventHub;
class Store;

// The auto sign-out rule: a device whose last activity is older than its account's
// limit is signed out as by POST /v1/devices/{id}/sign-out — sessions revoked, its sockets told,
// device.removed sent — and audited as `auto_signed_out` (actor "system"). Runs every minute and
// at once whenever the service clock moves, so a clock jump by QA shows its effect immediately.
// A device with an open event socket is in use and never swept.
class AutoSignOutSweep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoSignOutSweep)

public:
    // The event hub may go before this object (shutdown): `events` then answers nullptr and the
    // sweep does nothing.
    using EventHubSource = std::function<EventHub*()>;

    AutoSignOutSweep(
        Store& store, const Clock& clock, DeviceService& devices, EventHubSource events, QObject* parent = nullptr);
    ~AutoSignOutSweep() override;

    static constexpr int intervalMs = 60 * 1000;

    // Every account; returns how many devices were signed out.
    int sweep();
    int sweepAccount(const QString& accountId);

private:
    Store& m_store;
    const Clock& m_clock;
    DeviceService& m_devices;
    EventHubSource m_events;
    QTimer m_timer;
};

} // namespace mockd
