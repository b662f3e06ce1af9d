#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace vigil {

class AppSettings;

// Vigil's tray icon, when the desktop has a tray: a menu with "Show Vigil" and "Quit Vigil", and
// the fallback for alerts (DesktopNotifier). While sign-in alerts are on, closing the main window
// keeps Vigil running in the tray, so the alerts keep coming; the user is told so once.
class TrayPresence final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayPresence)

public:
    explicit TrayPresence(AppSettings* settings, QObject* parent = nullptr);
    ~TrayPresence() override;

    // nullptr when there is no tray.
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    // Watches this window's close (the main window; may change after a new sign-in).
    void setWindow(QWidget* window);

Q_SIGNALS:
    void showRequested();
    void quitRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AppSettings* m_settings;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_menu = nullptr;
    QPointer<QWidget> m_window;
};

} // namespace vigil
