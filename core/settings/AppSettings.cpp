#include "AppSettings.h"

#include <QSettings>

namespace vigil {
namespace {

const QString serverKey = QStringLiteral("account/server");
const QString emailKey = QStringLiteral("account/email");
const QString rememberKey = QStringLiteral("account/remember");
const QString languageKey = QStringLiteral("interface/language");

} // namespace

AppSettings::AppSettings(QSettings* settings, QObject* parent) : QObject(parent), m_settings(settings)
{
    Q_ASSERT(m_settings);
}

QUrl AppSettings::serverUrl() const
{
    return QUrl(m_settings->value(serverKey).toString());
}

void AppSettings::setServerUrl(const QUrl& url)
{
    m_settings->setValue(serverKey, url.toString());
}

QString AppSettings::lastEmail() const
{
    return m_settings->value(emailKey).toString();
}

void AppSettings::setLastEmail(const QString& email)
{
    m_settings->setValue(emailKey, email);
}

bool AppSettings::rememberSignIn() const
{
    return m_settings->value(rememberKey, true).toBool();
}

void AppSettings::setRememberSignIn(bool remember)
{
    m_settings->setValue(rememberKey, remember);
}

QString AppSettings::language() const
{
    return m_settings->value(languageKey).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    if (language.isEmpty())
        m_settings->remove(languageKey);
    else
        m_settings->setValue(languageKey, language);
}

bool AppSettings::signInAlerts() const
{
    return m_settings->value(QStringLiteral("alerts/signIns"), true).toBool();
}

void AppSettings::setSignInAlerts(bool on)
{
    if (on == signInAlerts())
        return;
    m_settings->setValue(QStringLiteral("alerts/signIns"), on);
    Q_EMIT signInAlertsChanged(on);
}

bool AppSettings::trayNoticeShown() const
{
    return m_settings->value(QStringLiteral("alerts/trayNoticeShown"), false).toBool();
}

void AppSettings::setTrayNoticeShown(bool shown)
{
    m_settings->setValue(QStringLiteral("alerts/trayNoticeShown"), shown);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings->value(QStringLiteral("interface/mainWindowGeometry")).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(QStringLiteral("interface/mainWindowGeometry"), geometry);
}

} // namespace vigil
