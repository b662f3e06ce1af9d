#include "tvsignin/DecisionRoutes.h"

#include "auth/OwnerStepUp.h"
#include "auth/SessionIssuer.h"
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

namespace {

ApiError codeGone()
{
    return ApiError::make(
        410, QStringLiteral("user_code_expired"), QStringLiteral("This code has expired. Ask the TV for a new one."));
}

QString locationWords(const GeoLocation& place)
{
    QStringList parts;
    for (const QString& part : {place.city, place.country}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

DecisionRoutes::DecisionRoutes(Store& store,
                               const Clock& clock,
                               SessionIssuer& issuer,
                               StepUp& stepUp,
                               DeviceService& devices,
                               std::function<void()> guestsChanged,
                               QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_issuer(issuer), m_stepUp(stepUp), m_devices(devices),
      m_guestsChanged(std::move(guestsChanged))
{}

DecisionRoutes::~DecisionRoutes() = default;

void DecisionRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/device-authorizations/{id}/approve"),
               {Access::roles({Role::Holder}), true},
               [this](const RequestContext& c) { approve(c); });
    router.add("POST",
               QStringLiteral("/v1/device-authorizations/{id}/deny"),
               {Access::roles({Role::Holder}), false},
               [this](const RequestContext& c) { deny(c); });
}

std::optional<DeviceGrant> DecisionRoutes::decidable(const RequestContext& context) const
{
    auto grant = m_store.deviceGrants().byId(context.param(u"id"));
    if (!grant || grant->accountId != context.principal->accountId) {
        context.fail(ApiError::notFound());
        return std::nullopt;
    }
    if (!grant->isPending() || m_clock.nowMs() >= grant->expiresAtMs) {
        context.fail(codeGone());
        return std::nullopt;
    }
    return grant;
}

void DecisionRoutes::approve(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto stepUp = ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it is you before signing in a TV."));
    if (!stepUp)
        return;
    auto found = decidable(context);
    if (!found)
        return;
    DeviceGrant grant = *found;

    FieldReader body(context.body);
    const QString profileId = body.string(QStringLiteral("profile"), {.maxLength = 64});
    const QString access =
        body.string(QStringLiteral("access"), {.oneOf = {QStringLiteral("until_signed_out"), QStringLiteral("guest")}});
    const QString untilText = body.string(QStringLiteral("guest_until"), {.required = false, .maxLength = 64});
    const QString name =
        body.string(QStringLiteral("name"), {.required = false, .maxLength = 64, .trim = true, .visibleOnly = true});
    const qint64 now = m_clock.nowMs();
    QString profileName;
    for (const Profile& profile : m_store.accounts().profiles(who.accountId)) {
        if (profile.id == profileId)
            profileName = profile.name;
    }
    if (body.ok() && profileName.isEmpty())
        body.fail(QStringLiteral("profile"), QStringLiteral("must be one of the account's profiles."));
    qint64 guestUntil = 0;
    if (body.ok() && access == QLatin1String("guest")) {
        const auto until = TimeFormat::parseRfc3339(untilText);
        if (!until || *until < now + TvSignInPolicy::guestMinSeconds * 1000 ||
            *until > now + TvSignInPolicy::guestMaxSeconds * 1000)
            body.fail(QStringLiteral("guest_until"), QStringLiteral("must be from 1 hour to 30 days from now."));
        else
            guestUntil = *until;
    } else if (body.ok() && !untilText.isEmpty()) {
        body.fail(QStringLiteral("guest_until"), QStringLiteral("is only for guest access."));
    }
    if (!body.ok())
        return context.fail(*body.error());

    const Account* account = m_store.accounts().byId(who.accountId);
    if (!account)
        return context.fail(ApiError::internal());
    Device description;
    description.name = name.isEmpty() ? grant.device.value(QLatin1StringView("name")).toString() : name;
    description.type = grant.device.value(QLatin1StringView("type")).toString();
    description.os = grant.device.value(QLatin1StringView("os")).toString();
    description.osVersion = grant.device.value(QLatin1StringView("os_version")).toString();
    description.app = grant.device.value(QLatin1StringView("app")).toString();
    description.appVersion = grant.device.value(QLatin1StringView("app_version")).toString();
    grant.state = QStringLiteral("approved");
    grant.access = access;
    grant.guestUntilMs = guestUntil;
    grant.decidedAtMs = now;
    // One transaction from the decision to the audit, the decision first: when another approval or
    // a denial of this code (through another instance) won, nothing of this one happens.
    Transaction transaction(m_store.database());
    const auto decided = m_store.deviceGrants().decide(grant);
    if (!decided)
        return context.fail(ApiError::internal());
    if (!*decided)
        return context.fail(codeGone());
    // The TV's tokens are made when its poll collects them (DeviceGrantRoutes::deliver).
    auto issued = m_issuer.signInAwaitingTokens(*account, description, QStringLiteral("device_code"), grant.ip);
    if (!issued)
        return context.fail(issued.error());
    Device device = *m_store.devices().byId(issued->deviceId);
    device.lastProfileId = profileId;

    AuditEntry entry;
    entry.accountId = who.accountId;
    entry.deviceId = who.deviceId;
    entry.atMs = now;
    entry.type = QStringLiteral("device_approved");
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("devices"), QJsonArray{device.id}},
                     {QStringLiteral("device_name"), device.name},
                     {QStringLiteral("access"), access},
                     {QStringLiteral("profile"), profileName},
                     {QStringLiteral("verification"), stepUp->method}};
    if (guestUntil > 0)
        entry.details.insert(QStringLiteral("guest_until"), TimeFormat::toRfc3339(guestUntil));

    bool ok = bool(m_store.devices().save(device)) &&
              bool(m_store.deviceGrants().attachSession(grant.id, issued->sessionId, device.id)) &&
              bool(m_store.audit().append(entry));
    if (ok && guestUntil > 0)
        ok = bool(m_store.guests().add({issued->sessionId, who.accountId, device.id, guestUntil}));
    if (!ok || !transaction.commit()) {
        qCCritical(lcStore) << "cannot record a TV approval; reloading the store";
        (void)m_store.reload();
        return context.fail(ApiError::internal());
    }
    // The sign-in announced the device before it was a guest and had its profile.
    m_devices.notify(who.accountId, device.id, DeviceService::Change::Updated);
    if (guestUntil > 0 && m_guestsChanged)
        m_guestsChanged();
    context.respond(HttpResponse::jsonBody(m_devices.toJson(*m_store.devices().byId(device.id), who.deviceId)));
}

void DecisionRoutes::deny(const RequestContext& context)
{
    const Principal& who = *context.principal;
    auto found = decidable(context);
    if (!found)
        return;
    DeviceGrant grant = *found;
    grant.state = QStringLiteral("denied");
    grant.decidedAtMs = m_clock.nowMs();

    AuditEntry entry;
    entry.accountId = who.accountId;
    entry.deviceId = who.deviceId;
    entry.atMs = grant.decidedAtMs;
    entry.type = QStringLiteral("device_denied");
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("device_name"), grant.device.value(QLatin1StringView("name")).toString()},
                     {QStringLiteral("requested_from"), locationWords(m_devices.locate(grant.ip))}};
    Transaction transaction(m_store.database());
    const auto decided = m_store.deviceGrants().decide(grant);
    if (decided && !*decided)
        return context.fail(codeGone());
    const bool ok = decided && bool(m_store.audit().append(entry));
    if (!ok || !transaction.commit()) {
        (void)m_store.reload();
        return context.fail(ApiError::internal());
    }
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
