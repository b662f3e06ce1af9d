#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace vigil {

// Vigil's preferences on top of an injected QSettings. Holds no secret, ever: the refresh token
// lives in the keychain only.
class AppSettings final
{
public:
    explicit AppSettings(QSettings* settings);

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

private:
    QSettings* m_settings;
};

} // namespace vigil
