#include "account/SettingsRoutes.h"

#include "account/AutoSignOutSweep.h"
#include "auth/OwnerStepUp.h"
#include "auth/StepUp.h"
#include "base/Clock.h"
#include "devices/DeviceService.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

namespace mockd {

namespace {

const QString field = QStringLiteral("auto_sign_out_days");

QJsonValue daysJson(int days)
{
    return days > 0 ? QJsonValue(days) : QJsonValue(QJsonValue::Null);
}

} // namespace

SettingsRoutes::SettingsRoutes(
    Store& store, const Clock& clock, StepUp& stepUp, DeviceService& devices, AutoSignOutSweep& sweep, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_stepUp(stepUp), m_devices(devices), m_sweep(sweep)
{}

SettingsRoutes::~SettingsRoutes() = default;

const QList<int>& SettingsRoutes::allowedDays()
{
    static const QList<int> days{30, 60, 90, 180, 365};
    return days;
}

void SettingsRoutes::registerRoutes(Router& router)
{
    const QString path = QStringLiteral("/v1/account/settings");
    router.add("GET", path, {Access::roles({Role::Holder}), false}, [this](const RequestContext& c) { get(c); });
    router.add("PUT", path, {Access::roles({Role::Holder}), true}, [this](const RequestContext& c) { put(c); });
}

void SettingsRoutes::respond(const RequestContext& context, int days)
{
    JsonWriter json;
    json.beginObject().key(QLatin1StringView("auto_sign_out_days"));
    if (days > 0)
        json.value(qint64(days));
    else
        json.null();
    json.endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void SettingsRoutes::get(const RequestContext& context)
{
    const Account* account = m_store.accounts().byId(context.principal->accountId);
    if (!account)
        return context.fail(ApiError::notFound());
    respond(context, account->autoSignOutDays);
}

void SettingsRoutes::put(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto grant = ownerStepUp(
        context, m_stepUp, QStringLiteral("Confirm it is you before changing when unused devices are signed out."));
    if (!grant)
        return;
    const Account* account = m_store.accounts().byId(who.accountId);
    if (!account)
        return context.fail(ApiError::notFound());
    const QString message = QStringLiteral("auto_sign_out_days must be 30, 60, 90, 180, 365 or null.");
    if (!context.body.contains(field))
        return context.fail(ApiError::invalidField(field, message));
    const QJsonValue value = context.body.value(field);
    int days = 0;
    if (!value.isNull()) {
        // 90.0 is 90; 90.5, "90" and true are not.
        const double number = value.toDouble(-1);
        // Range first: converting 1e20 to int would be undefined.
        if (!value.isDouble() || !(number >= 1 && number <= 366) || number != double(int(number)) ||
            !allowedDays().contains(int(number)))
            return context.fail(ApiError::invalidField(field, message));
        days = int(number);
    }
    const int before = account->autoSignOutDays;
    if (days != before) {
        AuditEntry entry;
        entry.accountId = who.accountId;
        entry.deviceId = who.deviceId;
        entry.atMs = m_clock.nowMs();
        entry.type = QStringLiteral("auto_sign_out_changed");
        entry.actor = roleName(who.role);
        entry.ip = context.request.peerText();
        entry.details = {{QStringLiteral("from"), daysJson(before)},
                         {QStringLiteral("to"), daysJson(days)},
                         {QStringLiteral("verification"), grant->method}};
        Transaction transaction(m_store.database());
        const auto saved = m_store.accounts().setAutoSignOutDays(who.accountId, days);
        const auto audited = saved ? m_store.audit().append(entry) : saved;
        if (!saved || !audited || !transaction.commit()) {
            qCWarning(lcAuth) << "cannot save the auto sign-out setting:" << (saved ? audited.error() : saved.error());
            (void)m_store.reload();
            return context.fail(ApiError::internal());
        }
    }
    respond(context, days);
    if (days != before) {
        m_devices.autoSignOutChanged(who.accountId);
        m_sweep.sweepAccount(who.accountId);
    }
}

} // namespace mockd
