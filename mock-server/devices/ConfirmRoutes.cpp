#include "devices/ConfirmRoutes.h"

#include "auth/OwnerStepUp.h"
#include "auth/StepUp.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Store.h"

#include <QJsonArray>

namespace mockd {

namespace {

// More than ten years back is certainly a typo.
constexpr double maxAgeHours = 100000;

} // namespace

ConfirmRoutes::ConfirmRoutes(
    Store& store, const Clock& clock, DeviceService& devices, StepUp& stepUp, YoungSessions& young, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_stepUp(stepUp), m_young(young)
{}

ConfirmRoutes::~ConfirmRoutes() = default;

void ConfirmRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/devices/{id}/confirm"),
               {Access::roles({Role::Holder}), false},
               [this](const RequestContext& c) { confirm(c); });
}

void ConfirmRoutes::registerAdminRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/__admin/devices"), {Access::admin(), false}, [this](const RequestContext& c) {
        adminList(c);
    });
    router.add("POST",
               QStringLiteral("/__admin/devices/{id}/confirm"),
               {Access::admin(), false},
               [this](const RequestContext& c) { adminConfirm(c); });
    router.add("POST",
               QStringLiteral("/__admin/devices/{id}/age"),
               {Access::admin(), true},
               [this](const RequestContext& c) { adminAge(c); });
}

void ConfirmRoutes::confirm(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto grant = ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it is you before confirming a device."));
    if (!grant)
        return;
    QString id = context.param(u"id");
    if (id == QLatin1String("current"))
        id = who.deviceId;
    const Device* device = m_devices.device(who.accountId, id);
    if (!device || !m_devices.isListed(*device))
        return context.fail(ApiError::notFound());
    if (!confirmAudited(context, *device, who.deviceId, roleName(who.role), grant->method))
        return;
    context.respond(HttpResponse::jsonBody(m_devices.toJson(*device, who.deviceId)));
}

void ConfirmRoutes::adminConfirm(const RequestContext& context)
{
    const Device* device = m_store.devices().byId(context.param(u"id"));
    if (!device || !m_devices.isListed(*device))
        return context.fail(ApiError::notFound());
    if (!confirmAudited(context, *device, QStringLiteral("system"), QStringLiteral("system"), QStringLiteral("admin")))
        return;
    respondState(context, *device);
}

void ConfirmRoutes::adminAge(const RequestContext& context)
{
    const QJsonValue hours = context.body.value(QStringLiteral("hours"));
    if (!hours.isDouble() || hours.toDouble() < 0 || hours.toDouble() > maxAgeHours)
        return context.fail(ApiError::invalidField(QStringLiteral("hours"),
                                                   QStringLiteral("hours must be a number from 0 to 100000.")));
    const Device* device = m_store.devices().byId(context.param(u"id"));
    if (!device || !m_devices.isListed(*device))
        return context.fail(ApiError::notFound());
    const auto aged = m_young.ageDevice(*device, qint64(hours.toDouble() * 3600.0 * 1000.0));
    if (!aged) {
        qCCritical(lcStore) << "cannot age a device:" << aged.error();
        return context.fail(ApiError::internal());
    }
    AuditEntry entry;
    entry.accountId = device->accountId;
    entry.deviceId = device->id;
    entry.atMs = m_clock.nowMs();
    entry.type = QStringLiteral("device_aged");
    entry.actor = QStringLiteral("system");
    entry.details = {{QStringLiteral("hours"), hours.toDouble()}};
    if (auto audited = m_store.audit().append(entry); !audited)
        qCWarning(lcStore) << "cannot write an audit entry:" << audited.error();
    m_devices.notify(device->accountId, device->id, DeviceService::Change::Updated);
    respondState(context, *device);
}

void ConfirmRoutes::adminList(const RequestContext& context)
{
    const QString email = context.request.queryItems().queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded);
    const Account* account = m_store.accounts().byEmail(email);
    if (!account)
        return context.fail(ApiError::notFound());
    QJsonArray devices;
    for (const Device* device : m_devices.listed(account->id)) {
        const qint64 until = m_young.deviceNewUntilMs(*device);
        devices.append(QJsonObject{
            {QStringLiteral("id"), device->id},
            {QStringLiteral("name"), device->name},
            {QStringLiteral("new_until"), until > 0 ? QJsonValue(TimeFormat::toRfc3339(until)) : QJsonValue()}});
    }
    context.respond(HttpResponse::json(QJsonObject{{QStringLiteral("devices"), devices}}));
}

bool ConfirmRoutes::confirmAudited(const RequestContext& context,
                                   const Device& device,
                                   const QString& by,
                                   const QString& actor,
                                   const QString& verification)
{
    // Confirming an established device changes nothing, so nothing is written or announced.
    if (m_young.deviceNewUntilMs(device) == 0)
        return true;
    const auto confirmed = m_young.confirmDevice(device, by);
    if (!confirmed) {
        qCCritical(lcStore) << "cannot confirm a device:" << confirmed.error();
        context.fail(ApiError::internal());
        return false;
    }
    AuditEntry entry;
    entry.accountId = device.accountId;
    entry.deviceId = actor == QLatin1String("system") ? device.id : by;
    entry.atMs = m_clock.nowMs();
    entry.type = QStringLiteral("device_confirmed");
    entry.actor = actor;
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("devices"), QJsonArray{device.id}},
                     {QStringLiteral("verification"), verification}};
    if (auto audited = m_store.audit().append(entry); !audited)
        qCWarning(lcStore) << "cannot write an audit entry:" << audited.error();
    m_devices.notify(device.accountId, device.id, DeviceService::Change::Updated);
    return true;
}

void ConfirmRoutes::respondState(const RequestContext& context, const Device& device)
{
    const qint64 until = m_young.deviceNewUntilMs(device);
    context.respond(HttpResponse::json(QJsonObject{
        {QStringLiteral("device_id"), device.id},
        {QStringLiteral("new_until"), until > 0 ? QJsonValue(TimeFormat::toRfc3339(until)) : QJsonValue()}}));
}

} // namespace mockd
