#include "SupportConsole.h"

#include "core/activity/ActivityService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/support/SupportService.h"

namespace vigil {

SupportConsole::SupportConsole(ApiClient* api, Session* session, QObject* parent)
    : QObject(parent), m_support(new SupportService(api, this)), m_deviceModel(new DeviceListModel(this)),
      m_devices(new DeviceService(api, m_deviceModel, this)), m_activity(new ActivityService(api, session, this))
{
    // "2 min ago" by the service's clock, as for the holder's list.
    m_deviceModel->setRelativeTime(RelativeTime([api] { return api->serverClock().now(); }));
    close();
    // Queued: the windows switch first (the support window is hidden, and leaves the accessibility
    // tree), then the customer's data goes. Resetting a table a screen reader is reading crashes
    // Qt 6.4's AT-SPI bridge (QAccessibleTable keeps raw cell pointers), which e2e_support hit.
    if (session)
        connect(session, &Session::signedOut, this, &SupportConsole::close, Qt::QueuedConnection);
}

SupportConsole::~SupportConsole() = default;

void SupportConsole::open(const SupportCustomer& customer, const QString& reason, bool loadActivity)
{
    m_support->open(customer, reason);
    m_devices->setSource(m_support->deviceSource());
    m_activity->setSource(m_support->activitySource());
    m_devices->reload();
    if (loadActivity)
        m_activity->reload();
}

void SupportConsole::close()
{
    m_support->close();
    // Nothing may reach the holder's own routes by mistake: without a customer the paths lead
    // nowhere (the service answers 404).
    const QString nobody = SupportService::accountPath(QString());
    m_devices->setSource(DeviceService::Source::support(nobody, {}));
    m_activity->setSource({nobody + QStringLiteral("/activity"), {}});
}

} // namespace vigil
