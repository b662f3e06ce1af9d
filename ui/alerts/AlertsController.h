#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace vigil {

class AppSettings;
class ConfirmActions;
class DesktopNotifier;
class SignInAlerts;
class SignOutActions;
class TrayPresence;

// Puts the new-sign-in alerts on the desktop and answers them: "No, Sign It Out…" brings the window
// up and starts the sign-out journey for that device through SignOutActions (the one door to a
// sign-out); "Yes, It Was Me…" shows the device and confirms it through ConfirmActions (its
// step-up); the alert of a burst shows the device list. Also owns the tray icon and its menu.
class AlertsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsController)

public:
    AlertsController(SignInAlerts* alerts,
                     AppSettings* settings,
                     QWidget* window,
                     SignOutActions* actions,
                     QObject* parent = nullptr);
    ~AlertsController() override;

    DesktopNotifier* notifier() const { return m_notifier; }
    TrayPresence* tray() const { return m_tray; }

    // What "No, Sign It Out…" does (public for tests and other entry points).
    void signOutDevice(const QString& deviceId);
    // "Yes, It Was Me…"; nothing happens to the device without ConfirmActions.
    void setConfirmActions(ConfirmActions* actions) { m_confirm = actions; }
    void confirmDevice(const QString& deviceId);

Q_SIGNALS:
    // Show the Devices section, newest first (the window is already up).
    void devicesRequested();
    // Show this device in the Devices section (the window is already up).
    void deviceRequested(const QString& deviceId);

private:
    void showWindow();

    QPointer<QWidget> m_window;
    SignOutActions* m_actions;
    QPointer<ConfirmActions> m_confirm;
    TrayPresence* m_tray;
    DesktopNotifier* m_notifier;
};

} // namespace vigil
