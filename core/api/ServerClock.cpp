#include "ServerClock.h"

#include <QLocale>
#include <QTimeZone>

namespace vigil {

QDateTime ServerClock::parseHttpDate(const QByteArray& httpDate)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT": English names whatever the user's locale.
    QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(httpDate.trimmed()),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!parsed.isValid())
        return {};
    parsed.setTimeZone(QTimeZone::utc());
    return parsed;
}

void ServerClock::observe(const QByteArray& httpDate, const QDateTime& localNow)
{
    const QDateTime server = parseHttpDate(httpDate);
    if (!server.isValid())
        return;
    const qint64 difference = localNow.msecsTo(server);
    m_offsetMs = qAbs(difference) > toleranceMs ? difference : 0;
}

QDateTime ServerClock::now(const QDateTime& localNow) const
{
    return localNow.addMSecs(m_offsetMs);
}

} // namespace vigil
