#include "TrayPresence.h"

#include "core/settings/AppSettings.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace vigil {

TrayPresence::TrayPresence(AppSettings* settings, QObject* parent) : QObject(parent), m_settings(settings)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_menu = new QMenu;
    QAction* show = m_menu->addAction(tr("Show Vigil"));
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit Vigil"));
    connect(show, &QAction::triggered, this, &TrayPresence::showRequested);
    connect(quit, &QAction::triggered, this, &TrayPresence::quitRequested);
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Vigil"));
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    m_tray->show();
}

TrayPresence::~TrayPresence()
{
    delete m_menu; // a top-level widget: no parent to delete it
}

void TrayPresence::setWindow(QWidget* window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

bool TrayPresence::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Close) {
        const bool stay = m_tray && m_tray->isVisible() && m_settings->signInAlerts();
        QApplication::setQuitOnLastWindowClosed(!stay);
        if (stay && !m_settings->trayNoticeShown()) {
            m_settings->setTrayNoticeShown(true);
            m_tray->showMessage(tr("Vigil is still running"),
                                tr("Vigil keeps watching for new sign-ins from the tray. To close it, choose "
                                   "Quit Vigil from its menu, or turn alerts off in Preferences."),
                                QSystemTrayIcon::Information);
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vigil
