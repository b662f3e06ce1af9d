#include "core/tv/GuestEndings.h"

#include "core/devices/Rfc3339.h"
#include "core/tv/TvLog.h"
#include "core/util/DisplayText.h"
#include "core/util/Json.h"

namespace vigil {

GuestEndings::GuestEndings(Clock clock, QObject* parent) : QObject(parent), m_clock(std::move(clock)) {}

GuestEndings::~GuestEndings() = default;

void GuestEndings::applyEvent(const QString& type, const QJsonObject& frame)
{
    if (type != QLatin1String("device.guest_ended"))
        return;
    const QString id = Json::string(frame, QLatin1String("device_id")).value_or(QString());
    if (id.isEmpty())
        return;
    const QDateTime endedAt = Rfc3339::parse(Json::string(frame, QLatin1String("ended_at")).value_or(QString()));
    if (endedAt.isValid() && m_clock && endedAt.secsTo(m_clock()) > maxAgeSeconds) {
        qCInfo(lcTv) << "guest end of" << id << "is old news; not shown";
        return;
    }
    const QString name = DisplayText::withoutControls(Json::string(frame, QLatin1String("name")).value_or(QString()));
    qCInfo(lcTv) << "guest access of" << id << "ended";
    Q_EMIT ended(id, name);
}

QString GuestEndings::title()
{
    return tr("Guest access ended");
}

QString GuestEndings::text(const QString& deviceName)
{
    if (deviceName.trimmed().isEmpty())
        return tr("Guest access for a device ended");
    return tr("Guest access for %1 ended").arg(deviceName);
}

} // namespace vigil
