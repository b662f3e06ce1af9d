#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace mockd {

class Clock;
class DeviceService;
class EventHub;
class Store;

// Ends guest sessions at their end time by the service clock: the session is revoked as by a
// sign-out, the TV's sockets hear `session.revoked` (guest_ended), the account hears
// `device.guest_ended` and `device.removed`, and the activity says "Guest access for … ended".
// One timer aims at the next end; it is re-aimed whenever the clock moves (a QA jump past an end
// ends it at once) and whenever a guest's end changes.
class GuestExpiry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestExpiry)

public:
    // The event hub may go before this object (shutdown): `events` then answers nullptr and
    // nothing ends until it is back.
    using EventHubSource = std::function<EventHub*()>;

    GuestExpiry(
        Store& store, const Clock& clock, DeviceService& devices, EventHubSource events, QObject* parent = nullptr);
    ~GuestExpiry() override;

    // Ends every guest whose time has come, then aims the timer at the next end; returns how many
    // devices' guest access ended.
    int sweep();

    // The longest single wait: a timer this long re-checks, so a wait of days never overflows.
    static constexpr qint64 maxWaitMs = 60 * 60 * 1000;

private:
    void aim();

    Store& m_store;
    const Clock& m_clock;
    DeviceService& m_devices;
    EventHubSource m_events;
    QTimer m_timer;
};

} // namespace mockd
