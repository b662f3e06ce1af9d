#include "AlertsController.h"

#include "core/alerts/SignInAlerts.h"
#include "ui/alerts/DesktopNotifier.h"
#include "ui/alerts/TrayPresence.h"
#include "ui/devices/ConfirmActions.h"
#include "ui/devices/SignOutActions.h"

#include <QApplication>
#include <QWidget>

namespace vigil {

AlertsController::AlertsController(
    SignInAlerts* alerts, AppSettings* settings, QWidget* window, SignOutActions* actions, QObject* parent)
    : QObject(parent), m_window(window), m_actions(actions)
{
    m_tray = new TrayPresence(settings, this);
    m_tray->setWindow(window);
    m_notifier = new DesktopNotifier(this);
    m_notifier->setTrayIcon(m_tray->trayIcon());
    connect(alerts, &SignInAlerts::alert, m_notifier, &DesktopNotifier::show);
    connect(m_notifier, &DesktopNotifier::signOutRequested, this, &AlertsController::signOutDevice);
    connect(m_notifier, &DesktopNotifier::confirmRequested, this, &AlertsController::confirmDevice);
    connect(m_notifier, &DesktopNotifier::devicesRequested, this, [this] {
        showWindow();
        Q_EMIT devicesRequested();
    });
    connect(m_tray, &TrayPresence::showRequested, this, &AlertsController::showWindow);
    connect(m_tray, &TrayPresence::quitRequested, qApp, &QCoreApplication::quit);
}

AlertsController::~AlertsController() = default;

void AlertsController::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void AlertsController::signOutDevice(const QString& deviceId)
{
    showWindow();
    Q_EMIT devicesRequested();
    // Already gone, or another sign-out under way: the device list is the best place to be.
    if (m_actions && m_actions->canStart() && !m_actions->targets({deviceId}).isEmpty())
        m_actions->signOutDevices({deviceId});
}

void AlertsController::confirmDevice(const QString& deviceId)
{
    showWindow();
    Q_EMIT deviceRequested(deviceId);
    // Already confirmed (from another device), gone, or this Vigil is new itself: the device's row
    // and details say where it stands.
    if (m_confirm && m_confirm->canConfirm(deviceId))
        m_confirm->confirm(deviceId);
}

} // namespace vigil
