#pragma once

#include "core/alerts/SignInAlert.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

class QSystemTrayIcon;
#ifdef VIGIL_HAVE_DBUS
class QDBusConnection;
class OrgFreedesktopNotificationsInterface;
#endif

namespace vigil {

// Shows a SignInAlert on the desktop: through the freedesktop notification service over D-Bus
// when there is one (with "Show Devices" and, when the alert can be answered, "Yes, It Was Me…" and
// "No, Sign It Out…"), else as a tray balloon (clicking it shows the devices: a balloon has no
// buttons, and a click is no answer to "Was this you?").
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(QObject* parent = nullptr);
    ~DesktopNotifier() override;

    static inline const QString notWeAction = QStringLiteral("vigil-not-me");
    static inline const QString confirmAction = QStringLiteral("vigil-it-was-me");
    static inline const QString defaultAction = QStringLiteral("default");

#ifdef VIGIL_HAVE_DBUS
    // The session bus unless a test gives its own (a private bus with a fake service).
    void setBus(const QDBusConnection& bus);
#endif
    // The fallback when there is no notification service; nullptr: none.
    void setTrayIcon(QSystemTrayIcon* tray);

    void show(const vigil::SignInAlert& alert);

Q_SIGNALS:
    // "No, Sign It Out…" on the alert about this device.
    void signOutRequested(const QString& deviceId);
    // "Yes, It Was Me…" on the alert about this device.
    void confirmRequested(const QString& deviceId);
    // The alert itself, or the action of a burst: show the devices.
    void devicesRequested();
    // Nothing could show the alert (no service, no tray).
    void notShown(const vigil::SignInAlert& alert);

private:
    void showInTray(const SignInAlert& alert);
    void onAction(uint id, const QString& key);
    void trigger(const SignInAlert& alert, const QString& key);

#ifdef VIGIL_HAVE_DBUS
    std::unique_ptr<OrgFreedesktopNotificationsInterface> m_service;
#endif
    QPointer<QSystemTrayIcon> m_tray;
    QHash<uint, SignInAlert> m_shown; // by notification id
    SignInAlert m_trayAlert;          // the one the balloon shows
};

} // namespace vigil
