#pragma once

#include "core/alerts/SignInAlert.h"
#include "core/devices/Device.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>

namespace vigil {

// Decides which `device.signed_in` events deserve a desktop alert and words it; shows nothing
// itself (ui/alerts/DesktopNotifier does). No alert for this computer's own sign-in, none for old
// news (an event replayed after a reconnect, more than maxAgeSeconds after the sign-in), none while
// switched off in Preferences. Sign-ins close together are told once: "3 new devices signed in".
// One sign-in asks "Was this you?", unless this computer's own sign-in is new (it could not answer).
class SignInAlerts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInAlerts)

public:
    using Clock = std::function<QDateTime()>;
    using TextProvider = std::function<QString()>;
    using Switch = std::function<bool()>;

    static constexpr int maxAgeSeconds = 10 * 60;
    static constexpr int defaultCoalesceMs = 1500;
    static constexpr int namesShown = 3;

    // `thisDevice` answers the id of this computer's device (Session::deviceId); `clock` the
    // service's time (ServerClock), so the age check follows a clock moved by QA.
    SignInAlerts(TextProvider thisDevice, Clock clock, QObject* parent = nullptr);
    ~SignInAlerts() override;

    // Read at each event, so a change in Preferences applies at once. Unset: always on.
    void setEnabledSwitch(Switch enabled) { m_enabled = std::move(enabled); }
    // Whether this computer's own session is new (DeviceListModel::isCurrentNew), read when an alert
    // is worded. Unset: established (the service has the last word either way).
    void setThisDeviceNewSwitch(Switch isNew) { m_thisDeviceNew = std::move(isNew); }
    void setCoalesceInterval(int ms) { m_timer.setInterval(ms); }

    // Connect to EventStream::eventReceived.
    void applyEvent(const QString& type, const QJsonObject& frame);
    // Emits what is waiting now instead of at the end of the interval.
    void flush();
    // Drops what is waiting (sign-out of Vigil).
    void clear();

    // The texts, public for the notifier's fallbacks and for tests.
    static QString singleTitle(bool thisDeviceIsNew = false);
    static QString singleBody(const Device& device, const QDateTime& when, bool thisDeviceIsNew = false);
    static QString burstTitle(int count);
    static QString burstBody(const QList<Device>& devices);

Q_SIGNALS:
    void alert(const vigil::SignInAlert& alert);

private:
    bool isEnabled() const { return !m_enabled || m_enabled(); }

    TextProvider m_thisDevice;
    Clock m_clock;
    Switch m_enabled;
    Switch m_thisDeviceNew;
    QTimer m_timer;
    QList<Device> m_waiting;
    QList<QDateTime> m_waitingTimes;
};

} // namespace vigil
