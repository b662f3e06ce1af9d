#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace vigil {

class AppSettings;
class DesktopNotifier;
class SignInAlerts;
class SignOutActions;
class TrayPresence;

// Puts the new-sign-in alerts on the desktop and answers them: "This Wasn't Me" brings the window
// up and starts the sign-out journey for that device through SignOutActions (the one door to a
// sign-out); the alert of a burst shows the device list. Also owns the tray icon and its menu.
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

    // What "This Wasn't Me" does (public for tests and other entry points).
    void signOutDevice(const QString& deviceId);

Q_SIGNALS:
    // Show the Devices section, newest first (the window is already up).
    void devicesRequested();

private:
    void showWindow();

    QPointer<QWidget> m_window;
    SignOutActions* m_actions;
    TrayPresence* m_tray;
    DesktopNotifier* m_notifier;
};

} // namespace vigil
