#include "DeviceDescription.h"

#include <QSysInfo>

namespace vigil {
namespace {

QString clipped(const QString& text, qsizetype maxLength)
{
    return text.trimmed().left(maxLength);
}

} // namespace

QJsonObject DeviceDescription::thisComputer()
{
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("computer");
    return QJsonObject{
        {QStringLiteral("name"), clipped(QStringLiteral("Vigil on ") + host, 64)},
        {QStringLiteral("type"), QStringLiteral("computer")},
        {QStringLiteral("os"), clipped(QSysInfo::prettyProductName(), 64)},
        {QStringLiteral("os_version"), clipped(QSysInfo::productVersion(), 32)},
        {QStringLiteral("app"), QStringLiteral("Vigil")},
        {QStringLiteral("app_version"), QStringLiteral(VIGIL_VERSION)},
    };
}

} // namespace vigil
