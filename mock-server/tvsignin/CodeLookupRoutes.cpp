#include "tvsignin/CodeLookupRoutes.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Store.h"
#include "support/SupportCodes.h"
#include "tvsignin/Distance.h"

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

void writeNullable(JsonWriter& json, const char* key, const QString& text)
{
    json.key(l1(key));
    text.isEmpty() ? json.null() : json.value(QStringView(text));
}

} // namespace

CodeLookupRoutes::CodeLookupRoutes(Store& store, const Clock& clock, const DeviceService& devices, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_budget(store.throttle(), clock),
      m_throttledAudit(store)
{}

CodeLookupRoutes::~CodeLookupRoutes() = default;

void CodeLookupRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/device-authorizations/lookup"),
               {Access::roles({Role::Holder}), true},
               [this](const RequestContext& c) { lookup(c); });
}

StepUpBudget::Keys CodeLookupRoutes::budgetKeys(const QString& accountId, const QString& sessionId)
{
    // Prefixes no other counter uses: guessing TV codes spends neither the sign-in nor the step-up budget.
    return {QStringLiteral("tv-code-account:") + accountId, QStringLiteral("tv-code-session:") + sessionId};
}

void CodeLookupRoutes::audit(const RequestContext& context, const QString& type, const QJsonObject& details)
{
    AuditEntry entry;
    entry.accountId = context.principal->accountId;
    entry.deviceId = context.principal->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.ip = context.request.peerText();
    entry.details = details;
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
}

int CodeLookupRoutes::attemptsLeft(const StepUpBudget::Keys& keys) const
{
    const int used = qMax(m_store.throttle().get(keys.account).failures, m_store.throttle().get(keys.session).failures);
    return qMax(0, AuthPolicy::stepUpFreeFailures - used);
}

void CodeLookupRoutes::wrongCode(const RequestContext& context, const StepUpBudget::Keys& keys)
{
    const qint64 wait = m_budget.recordFailure(keys);
    audit(context, QStringLiteral("device_code_failed"), {});
    if (wait > 0)
        return context.fail(ApiError::tooManyAttempts(wait).with(QStringLiteral("attempts_left"), 0));
    context.fail(ApiError::make(404,
                                QStringLiteral("user_code_invalid"),
                                QStringLiteral("No TV is waiting with this code. Check the code on the TV."))
                     .with(QStringLiteral("attempts_left"), attemptsLeft(keys)));
}

void CodeLookupRoutes::lookup(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const StepUpBudget::Keys keys = budgetKeys(who.accountId, who.sessionId);
    // While waiting the code is not even looked at, so a guesser learns nothing from a refusal.
    if (const qint64 wait = m_budget.retryAfter(keys); wait > 0) {
        AuditEntry entry;
        entry.accountId = who.accountId;
        entry.deviceId = who.deviceId;
        entry.atMs = m_clock.nowMs();
        entry.type = QStringLiteral("device_code_throttled");
        entry.ip = context.request.peerText();
        m_throttledAudit.record(keys.account, entry, wait);
        return context.fail(ApiError::tooManyAttempts(wait).with(QStringLiteral("attempts_left"), 0));
    }
    FieldReader body(context.body);
    const QString typed = body.string(QStringLiteral("user_code"), {.maxLength = 32});
    if (!body.ok())
        return context.fail(*body.error());

    const QString canonical = SupportCodes::normalize(typed);
    if (canonical.isEmpty())
        return wrongCode(context, keys);
    const QByteArray hash = SupportCodes::hash(canonical);
    auto found = m_store.deviceGrants().byUserCodeHash(hash);
    // Another account's code is an unknown code: it must not tell that some TV waits with it.
    if (!found || !Tokens::sameHash(found->userCodeHash, hash) ||
        (!found->accountId.isEmpty() && found->accountId != who.accountId))
        return wrongCode(context, keys);
    DeviceGrant grant = *found;
    if (!grant.isPending() || m_clock.nowMs() >= grant.expiresAtMs)
        return context.fail(ApiError::make(410,
                                           QStringLiteral("user_code_expired"),
                                           QStringLiteral("This code has expired. Ask the TV for a new one.")));
    if (grant.accountId.isEmpty()) {
        const auto bound = m_store.deviceGrants().bindAccount(grant.id, who.accountId);
        if (!bound) {
            qCCritical(lcStore) << "cannot bind a device code:" << bound.error();
            return context.fail(ApiError::internal());
        }
        // Another account looked it up first (through another instance): to this one it is unknown.
        if (!*bound)
            return wrongCode(context, keys);
        grant.accountId = who.accountId;
    }
    context.respond(HttpResponse::jsonBody(pendingJson(grant, who.deviceId, SupportCodes::display(canonical))));
}

GeoLocation CodeLookupRoutes::householdPlace(const QString& accountId) const
{
    // Where most of the account's devices are: the best guess for a holder whose own address has
    // no place (a private or loopback one, as with vigil-mockd on the same machine).
    QHash<QString, std::pair<int, GeoLocation>> places;
    std::pair<int, GeoLocation> best{0, {}};
    for (const Device* device : m_devices.listed(accountId)) {
        const GeoLocation place = m_devices.locationOf(*device);
        if (!place.isKnown() || !place.latitude)
            continue;
        auto& counted = places[place.countryCode + QLatin1Char('|') + place.city];
        counted = {counted.first + 1, place};
        if (counted.first > best.first)
            best = counted;
    }
    return best.second;
}

QByteArray
CodeLookupRoutes::pendingJson(const DeviceGrant& grant, const QString& callerDeviceId, const QString& userCode) const
{
    const qint64 now = m_clock.nowMs();
    const GeoLocation there = m_devices.locate(grant.ip);
    const Device* caller = m_store.devices().byId(callerDeviceId);
    GeoLocation here = caller ? m_devices.locationOf(*caller) : GeoLocation{};
    const bool fromHousehold = !here.isKnown() && caller;
    if (fromHousehold)
        here = householdPlace(caller->accountId);

    JsonWriter json;
    json.beginObject().field(l1("id"), grant.id).field(l1("user_code"), userCode);
    json.key(l1("device")).beginObject();
    json.field(l1("name"), grant.device.value(l1("name")).toString());
    json.field(l1("type"), grant.device.value(l1("type")).toString());
    for (const char* key : {"os", "os_version", "app", "app_version"})
        writeNullable(json, key, grant.device.value(l1(key)).toString());
    json.endObject();
    writeNullable(json, "ip", grant.ip);
    json.key(l1("location"));
    DeviceService::writeLocation(json, there);
    json.field(l1("requested_at"), TimeFormat::toRfc3339(grant.createdAtMs))
        .field(l1("expires_at"), TimeFormat::toRfc3339(grant.expiresAtMs))
        .field(l1("expires_in"), qMax<qint64>(0, (grant.expiresAtMs - now) / 1000));
    json.key(l1("approver")).beginObject().field(l1("device_id"), callerDeviceId);
    writeNullable(json, "ip", caller ? caller->ip : QString());
    json.key(l1("location"));
    DeviceService::writeLocation(json, here);
    json.field(l1("location_source"), fromHousehold ? "household" : "device");
    json.endObject();
    json.key(l1("distance_km"));
    if (const auto km = Distance::kilometres(there, here))
        json.value(qRound64(*km * 10) / 10.0);
    else
        json.null();
    json.field(l1("far"), Distance::isFar(there, here));
    json.endObject();
    return json.take();
}

} // namespace mockd
