#include "ActivityLiveReload.h"

#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"

namespace vigil {

ActivityLiveReload::ActivityLiveReload(ActivityService* activity, QObject* parent)
    : QObject(parent), m_activity(activity)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(defaultDebounceMs);
    connect(&m_timer, &QTimer::timeout, this, &ActivityLiveReload::reloadNow);
}

ActivityLiveReload::~ActivityLiveReload() = default;

bool ActivityLiveReload::createsActivity(const QString& eventType)
{
    return eventType == QLatin1String("device.signed_in") || eventType == QLatin1String("device.removed") ||
           eventType == QLatin1String("signout.progress");
}

void ActivityLiveReload::applyEvent(const QString& type)
{
    if (createsActivity(type) && !m_timer.isActive())
        m_timer.start();
}

void ActivityLiveReload::reloadNow()
{
    if (!m_activity)
        return;
    using State = ActivityService::State;
    const State state = m_activity->state();
    if (state != State::Ready && state != State::Failed)
        return; // never loaded (the page loads when shown), or a load already under way
    if (m_activity->source().path != ActivityService::Source().path)
        return;
    if (m_activity->model()->rowCount() > ActivityService::pageSize)
        return;
    m_activity->reload();
    Q_EMIT reloaded();
}

} // namespace vigil
