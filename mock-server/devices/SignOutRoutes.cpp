#include "devices/SignOutRoutes.h"

#include "auth/StepUp.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "devices/DeviceService.h"
#include "events/EventHub.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

constexpr qsizetype maxIds = 1000;

struct Outcome
{
    QString deviceId;
    QString name;
    QString result; // signed_out | pending | failed
    QString reason;
};

} // namespace

SignOutRoutes::SignOutRoutes(
    Store& store, const Clock& clock, DeviceService& devices, StepUp& stepUp, EventHub& events, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_stepUp(stepUp), m_events(events),
      m_pending(store.database())
{}

SignOutRoutes::~SignOutRoutes() = default;

void SignOutRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/devices/sign-out"),
               {Access::roles({Role::Holder}), true},
               [this](const RequestContext& c) { signOutMany(c); });
    router.add("POST",
               QStringLiteral("/v1/devices/{id}/sign-out"),
               {Access::roles({Role::Holder}), false},
               [this](const RequestContext& c) { signOutOne(c); });
}

void SignOutRoutes::signOutMany(const RequestContext& context)
{
    const bool hasIds = context.body.contains(QStringLiteral("ids"));
    const bool hasScope = context.body.contains(QStringLiteral("scope"));
    if (hasIds == hasScope)
        return context.fail(
            ApiError::invalidField(QStringLiteral("ids"), QStringLiteral("give either ids or scope, not both.")));
    if (hasScope) {
        FieldReader body(context.body);
        const QString scope =
            body.string(QStringLiteral("scope"), {.oneOf = {QStringLiteral("others"), QStringLiteral("all")}});
        if (!body.ok())
            return context.fail(*body.error());
        return signOut(context, {}, scope);
    }
    const QJsonValue value = context.body.value(QStringLiteral("ids"));
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.isEmpty() || array.size() > maxIds)
        return context.fail(ApiError::invalidField(QStringLiteral("ids"),
                                                   QStringLiteral("ids must be a list of 1 to 1000 device ids.")));
    QStringList ids;
    for (const auto& id : array) {
        if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 64)
            return context.fail(
                ApiError::invalidField(QStringLiteral("ids"), QStringLiteral("ids must be device id strings.")));
        if (!ids.contains(id.toString()))
            ids.append(id.toString());
    }
    signOut(context, ids, {});
}

void SignOutRoutes::signOutOne(const RequestContext& context)
{
    signOut(context, {context.param(u"id")}, {});
}

void SignOutRoutes::signOut(const RequestContext& context, const QStringList& ids, const QString& scope)
{
    const Principal& who = *context.principal;
    // A new session may still sign itself out: that never locks the owner out.
    const bool onlyItself = scope.isEmpty() && ids.size() == 1 &&
                            (ids.constFirst() == who.deviceId || ids.constFirst() == QLatin1String("current"));
    if (!onlyItself) {
        if (const auto refused = YoungSessions::refusal(who))
            return context.fail(*refused);
    }
    const auto grant = m_stepUp.check(QString::fromLatin1(context.request.header("x-step-up")), who.sessionId);
    if (!grant)
        return context.fail(ApiError::forbidden(QStringLiteral("step_up_required"),
                                                QStringLiteral("Confirm it is you before signing devices out.")));
    revoke(context, ids, scope, grant->method);
}

void SignOutRoutes::signOutVerified(const RequestContext& context,
                                    const QString& scope,
                                    const QString& verification,
                                    const QStringList& ids)
{
    revoke(context, ids, scope, verification);
}

void SignOutRoutes::revoke(const RequestContext& context,
                           const QStringList& ids,
                           const QString& scope,
                           const QString& verification)
{
    const Principal& who = *context.principal;
    // Which devices, in the order asked (ids) or listed (scope).
    QList<Outcome> outcomes;
    QList<const Device*> targets;
    if (scope.isEmpty()) {
        for (const QString& id : ids) {
            const Device* device = m_devices.device(who.accountId, id);
            if (!device || !m_devices.isListed(*device)) {
                // Another account's device looks exactly like an unknown one.
                outcomes.append({id, QString(), QStringLiteral("failed"), QStringLiteral("not_found")});
                continue;
            }
            targets.append(device);
            outcomes.append({id, device->name, QString(), QString()});
        }
    } else if (scope == QLatin1String("all")) {
        for (const Device* device : devicesForAll(who.accountId, m_clock.nowMs())) {
            targets.append(device);
            outcomes.append({device->id, device->name, QString(), QString()});
        }
    } else {
        for (const Device* device : m_devices.listed(who.accountId)) {
            if (scope == QLatin1String("others") && device->id == who.deviceId)
                continue;
            targets.append(device);
            outcomes.append({device->id, device->name, QString(), QString()});
        }
    }

    // Hashes, not nested loops: "all" with thousands of devices and sessions stays linear.
    QStringList deviceIds;
    QHash<QString, QList<const Session*>> sessionsByDevice;
    for (const Device* device : targets) {
        deviceIds.append(device->id);
        sessionsByDevice.insert(device->id, {});
    }
    const qint64 now = m_clock.nowMs();
    const bool all = scope == QLatin1String("all");
    QStringList sessionIds; // the live sessions being ended (not needed for "all")
    for (const Session* session : all ? QList<const Session*>() : m_store.sessions().forAccount(who.accountId)) {
        const auto it = sessionsByDevice.find(session->deviceId);
        if (it != sessionsByDevice.end() && !session->isRevoked() && session->expiresAtMs > now) {
            sessionIds.append(session->id);
            it->append(session);
        }
    }

    // Who this instance's sockets tell is known now (nothing runs before they are told): the others are
    // pending, written once those sockets have been told. Devices told here write nothing.
    const QString requestId = Ids::generate(u"sor");
    QList<PendingSignOut> pending;
    for (Outcome& outcome : outcomes) {
        if (!outcome.result.isEmpty())
            continue;
        if (all) {
            // Every socket of the account is being told; one row per device waits for the others.
            const bool told = m_events.isDeviceConnected(outcome.deviceId);
            outcome.result = told ? QStringLiteral("signed_out") : QStringLiteral("pending");
            if (!told)
                pending.append({requestId, who.accountId, outcome.deviceId, {}, latestExpiry(outcome.deviceId)});
            continue;
        }
        const QList<const Session*>& ofDevice = sessionsByDevice[outcome.deviceId];
        const bool told = std::any_of(ofDevice.cbegin(), ofDevice.cend(), [this](const Session* session) {
            return m_events.isConnected(session->id);
        });
        outcome.result = told ? QStringLiteral("signed_out") : QStringLiteral("pending");
        // Told through one socket: the device knows, its other sessions need no later news.
        if (!told && !ofDevice.isEmpty()) {
            PendingSignOut row{requestId, who.accountId, outcome.deviceId, {}, 0};
            for (const Session* session : ofDevice) {
                row.sessionIds.append(session->id);
                row.expiresAtMs = qMax(row.expiresAtMs, session->expiresAtMs);
            }
            pending.append(row);
        }
    }

    AuditEntry entry;
    entry.accountId = who.accountId;
    entry.deviceId = who.deviceId;
    entry.atMs = now;
    entry.type = QStringLiteral("devices_signed_out");
    entry.actor = roleName(who.role);
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("devices"), QJsonArray::fromStringList(deviceIds)},
                     {QStringLiteral("scope"), scope.isEmpty() ? QStringLiteral("ids") : scope},
                     {QStringLiteral("verification"), verification}};
    {
        Transaction transaction(m_store.database());
        bool ok = true;
        if (scope == QLatin1String("all")) {
            // One write, whatever the number of sessions: every token check compares against it.
            if (auto written = m_store.accounts().setNotBefore(who.accountId, now + 1); !written) {
                qCCritical(lcAuth) << "cannot write not_before:" << written.error();
                ok = false;
            }
        } else {
            for (const QString& sessionId : std::as_const(sessionIds)) {
                if (auto revoked = m_store.sessions().revoke(sessionId, now, QStringLiteral("signed_out")); !revoked) {
                    qCCritical(lcAuth) << "cannot revoke a session:" << revoked.error();
                    ok = false;
                    break;
                }
            }
        }
        if (ok) {
            if (auto audited = m_store.audit().append(entry); !audited) {
                qCWarning(lcAuth) << "cannot write an audit entry:" << audited.error();
                ok = false;
            }
        }
        if (!ok || !transaction.commit()) {
            (void)m_store.reload();
            return context.fail(ApiError::internal());
        }
    }

    // Committed, and who was told is known: the sockets hear it now, before the answer is built (the
    // answer leaves when this handler returns anyway). Every message is sent and flushed before any
    // socket is closed, so closing one never delays another device's news.
    // The pending rows follow this instance's sockets (they do not wait for them) and precede the other
    // instances' announcement (which must find them). Lost only if the process dies in between.
    const auto writePending = [this, &pending] {
        if (pending.isEmpty())
            return;
        Transaction transaction(m_store.database());
        if (auto written = m_pending.add(pending); !written || !transaction.commit())
            qCCritical(lcStore) << "cannot write the pending sign-outs:"
                                << (written ? QStringLiteral("commit failed") : written.error());
    };
    if (all)
        m_events.revokeAccount(who.accountId, QStringLiteral("signed_out"), writePending);
    else
        m_events.revokeSessions(sessionIds, QStringLiteral("signed_out"), writePending);

    JsonWriter json;
    json.beginObject().field(l1("request_id"), requestId).key(l1("results")).beginArray();
    for (const Outcome& outcome : std::as_const(outcomes)) {
        json.beginObject()
            .field(l1("device_id"), outcome.deviceId)
            .field(l1("name"), outcome.name)
            .field(l1("result"), outcome.result);
        if (!outcome.reason.isEmpty())
            json.field(l1("reason"), outcome.reason);
        json.endObject();
    }
    json.endArray().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));

    // Then the lists move on: every device.removed is numbered in the database at once (one statement
    // for the seqs, a few for the rows), not one by one (a thousand commits held up the sockets'
    // writes after a sign-out of all).
    m_devices.notifyRemoved(who.accountId, deviceIds);
}

QList<const Device*> SignOutRoutes::devicesForAll(const QString& accountId, qint64 now) const
{
    QList<const Device*> out;
    const Account* account = m_store.accounts().byId(accountId);
    if (!account)
        return out;
    for (const Device* device : m_store.devices().forAccount(accountId)) {
        if (m_store.sessions().hasLiveSession(device->id, account->notBeforeMs, now))
            out.append(device);
    }
    // The order of GET /v1/devices.
    std::sort(out.begin(), out.end(), [](const Device* a, const Device* b) {
        return a->firstSignInMs != b->firstSignInMs ? a->firstSignInMs < b->firstSignInMs : a->id < b->id;
    });
    return out;
}

qint64 SignOutRoutes::latestExpiry(const QString& deviceId) const
{
    qint64 latest = 0;
    for (const Session* session : m_store.sessions().forDevice(deviceId))
        latest = qMax(latest, session->expiresAtMs);
    return latest;
}

void SignOutRoutes::revokedSessionSeen(const QString& sessionId)
{
    const Session* session = m_store.sessions().session(sessionId);
    if (!session)
        return;
    // The device has been told (401 session_revoked); its other pending sessions are done too.
    publishProgress(m_pending.claimSession(session->deviceId, sessionId));
}

void SignOutRoutes::toldHere(const QList<Principal>& told)
{
    QHash<QString, QHash<QString, QSet<QString>>> byAccount; // account → device → sessions
    for (const Principal& principal : told)
        byAccount[principal.accountId][principal.deviceId].insert(principal.sessionId);
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it)
        publishProgress(m_pending.claimTold(it.key(), it.value()));
}

void SignOutRoutes::publishProgress(const QList<PendingSignOut>& done)
{
    if (done.isEmpty())
        return;
    // Numbered at once per account (thousands when another instance told them all), as device.removed is.
    QHash<QString, QList<const PendingSignOut*>> byAccount;
    for (const PendingSignOut& pending : done)
        byAccount[pending.accountId].append(&pending);
    for (auto it = byAccount.cbegin(); it != byAccount.cend(); ++it) {
        const QList<const PendingSignOut*>& rows = it.value();
        m_events.publishMany(it.key(), l1("signout.progress"), rows.size(), [&rows](qsizetype i, JsonWriter& json) {
            json.field(l1("request_id"), rows.at(i)->requestId)
                .field(l1("device_id"), rows.at(i)->deviceId)
                .field(l1("result"), "signed_out");
        });
    }
}

} // namespace mockd
