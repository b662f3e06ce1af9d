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

private:
    QSettings* m_settings;
};

} // namespace vigil
