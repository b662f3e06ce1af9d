#include "DesktopNotifier.h"

#include <QSystemTrayIcon>

#ifdef VIGIL_HAVE_DBUS
#include "notifications_interface.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace vigil {

namespace {
constexpr int expireMs = 30 * 1000;
constexpr int maxRemembered = 50;
} // namespace

DesktopNotifier::DesktopNotifier(QObject* parent) : QObject(parent)
{
#ifdef VIGIL_HAVE_DBUS
    setBus(QDBusConnection::sessionBus());
#endif
}

DesktopNotifier::~DesktopNotifier() = default;

#ifdef VIGIL_HAVE_DBUS
void DesktopNotifier::setBus(const QDBusConnection& bus)
{
    m_service.reset();
    m_shown.clear();
    if (!bus.isConnected())
        return;
    m_service = std::make_unique<OrgFreedesktopNotificationsInterface>(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"), bus);
    connect(m_service.get(), &OrgFreedesktopNotificationsInterface::ActionInvoked, this, &DesktopNotifier::onAction);
    connect(m_service.get(), &OrgFreedesktopNotificationsInterface::NotificationClosed, this, [this](uint id, uint) {
        m_shown.remove(id);
    });
}
#endif

void DesktopNotifier::setTrayIcon(QSystemTrayIcon* tray)
{
    if (m_tray)
        m_tray->disconnect(this);
    m_tray = tray;
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { trigger(m_trayAlert, defaultAction); });
}

void DesktopNotifier::show(const SignInAlert& alert)
{
#ifdef VIGIL_HAVE_DBUS
    if (m_service) {
        // Key/label pairs; "default" is clicking the notification itself.
        QStringList actions{defaultAction, tr("Show Devices")};
        if (alert.canAnswer())
            actions += QStringList{confirmAction, tr("Yes, It Was Me…"), notWeAction, tr("No, Sign It Out…")};
        const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral("io.github.vigil.Vigil")},
                                {QStringLiteral("category"), QStringLiteral("network")},
                                {QStringLiteral("urgency"), QVariant::fromValue(uchar(2))}};
        auto* watcher = new QDBusPendingCallWatcher(m_service->Notify(tr("Vigil"),
                                                                      0,
                                                                      QStringLiteral("io.github.vigil.Vigil"),
                                                                      alert.title,
                                                                      // The body is markup for most desktops
                                                                      // (body-markup); device names and places
                                                                      // come from the service: escaped.
                                                                      alert.body.toHtmlEscaped(),
                                                                      actions,
                                                                      hints,
                                                                      expireMs),
                                                    this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, alert](QDBusPendingCallWatcher* call) {
            call->deleteLater();
            const QDBusPendingReply<uint> reply = *call;
            if (reply.isError())
                return showInTray(alert);
            if (m_shown.size() >= maxRemembered)
                m_shown.clear(); // old notifications: their actions no longer matter
            m_shown.insert(reply.value(), alert);
        });
        return;
    }
#endif
    showInTray(alert);
}

void DesktopNotifier::showInTray(const SignInAlert& alert)
{
    if (!m_tray || !m_tray->isVisible()) {
        Q_EMIT notShown(alert);
        return;
    }
    m_trayAlert = alert;
    m_tray->showMessage(alert.title, alert.body, QSystemTrayIcon::Warning, expireMs);
}

void DesktopNotifier::onAction(uint id, const QString& key)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd())
        return; // another application's notification
    const SignInAlert alert = *it;
    m_shown.erase(it);
    trigger(alert, key);
}

void DesktopNotifier::trigger(const SignInAlert& alert, const QString& key)
{
    if (alert.deviceIds.isEmpty())
        return;
    if (key == notWeAction && alert.canAnswer())
        Q_EMIT signOutRequested(alert.deviceIds.constFirst());
    else if (key == confirmAction && alert.canAnswer())
        Q_EMIT confirmRequested(alert.deviceIds.constFirst());
    else
        Q_EMIT devicesRequested();
}

} // namespace vigil
