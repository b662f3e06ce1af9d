#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

class QSettings;

namespace vigil {

// Vigil's preferences on top of an injected QSettings, one object for the whole app: whoever
// shows a preference listens to its change signal, so every view of it stays in step. Holds no
// secret, ever: the refresh token lives in the keychain only.
class AppSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    explicit AppSettings(QSettings* settings, QObject* parent = nullptr);

    QUrl serverUrl() const;
    void setServerUrl(const QUrl& url);
    QString lastEmail() const;
    void setLastEmail(const QString& email);
    bool rememberSignIn() const;
    void setRememberSignIn(bool remember);
    // The interface language: "" follows the system, otherwise a code such as "de" (Translations).
    // Read once at start-up, so a change applies the next time Vigil starts.
    QString language() const;
    void setLanguage(const QString& language);
    // A desktop notification when another device signs in to the account (default on).
    bool signInAlerts() const;
    void setSignInAlerts(bool on);
    // Whether the user was told once that Vigil keeps running in the tray after its window closes.
    bool trayNoticeShown() const;
    void setTrayNoticeShown(bool shown);
    // Where the main window was and how big (QWidget::saveGeometry()), so it opens the same way.
    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);

Q_SIGNALS:
    void signInAlertsChanged(bool on);

private:
    QSettings* m_settings;
};

} // namespace vigil
