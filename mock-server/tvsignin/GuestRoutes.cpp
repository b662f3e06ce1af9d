#include "tvsignin/GuestRoutes.h"

#include "auth/OwnerStepUp.h"
#include "auth/StepUp.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"
#include "tvsignin/TvSignInPolicy.h"

#include <QJsonArray>

namespace mockd {

GuestRoutes::GuestRoutes(Store& store,
                         const Clock& clock,
                         StepUp& stepUp,
                         DeviceService& devices,
                         std::function<void()> guestsChanged,
                         QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_stepUp(stepUp), m_devices(devices),
      m_guestsChanged(std::move(guestsChanged))
{}

GuestRoutes::~GuestRoutes() = default;

void GuestRoutes::registerRoutes(Router& router)
{
    router.add("PUT",
               QStringLiteral("/v1/devices/{id}/guest"),
               {Access::roles({Role::Holder}), true},
               [this](const RequestContext& c) { change(c); });
}

void GuestRoutes::change(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto stepUp =
        ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it is you before changing guest access."));
    if (!stepUp)
        return;
    QString id = context.param(u"id");
    if (id == QLatin1String("current"))
        id = who.deviceId;
    const Device* device = m_devices.device(who.accountId, id);
    if (!device || !m_devices.isListed(*device))
        return context.fail(ApiError::notFound());
    const qint64 from = m_store.guests().deviceUntil(device->id);
    if (from == 0)
        return context.fail(ApiError::make(
            409, QStringLiteral("conflict"), QStringLiteral("This device is not signed in as a guest.")));

    FieldReader body(context.body);
    const QString untilText = body.string(QStringLiteral("guest_until"), {.maxLength = 64});
    const qint64 now = m_clock.nowMs();
    const auto until = TimeFormat::parseRfc3339(untilText);
    if (body.ok() && (!until || *until <= now || *until > now + TvSignInPolicy::guestMaxSeconds * 1000))
        body.fail(QStringLiteral("guest_until"), QStringLiteral("must be after now and at most 30 days from now."));
    if (!body.ok())
        return context.fail(*body.error());

    AuditEntry entry;
    entry.accountId = who.accountId;
    entry.deviceId = who.deviceId;
    entry.atMs = now;
    entry.type = QStringLiteral("guest_changed");
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("devices"), QJsonArray{device->id}},
                     {QStringLiteral("device_name"), device->name},
                     {QStringLiteral("from"), TimeFormat::toRfc3339(from)},
                     {QStringLiteral("to"), TimeFormat::toRfc3339(*until)},
                     {QStringLiteral("guest_until"), TimeFormat::toRfc3339(*until)},
                     {QStringLiteral("verification"), stepUp->method}};
    Transaction transaction(m_store.database());
    const bool ok = bool(m_store.guests().setDeviceUntil(device->id, *until)) && bool(m_store.audit().append(entry));
    if (!ok || !transaction.commit()) {
        qCCritical(lcStore) << "cannot change guest access; reloading the store";
        (void)m_store.reload();
        return context.fail(ApiError::internal());
    }
    m_devices.notify(who.accountId, device->id, DeviceService::Change::Updated);
    if (m_guestsChanged)
        m_guestsChanged();
    context.respond(HttpResponse::jsonBody(m_devices.toJson(*device, who.deviceId)));
}

} // namespace mockd
