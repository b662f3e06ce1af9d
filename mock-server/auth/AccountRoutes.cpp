#include "auth/AccountRoutes.h"

#include "auth/SessionIssuer.h"
#include "auth/StepUpMethods.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "store/Store.h"

namespace mockd {

AccountRoutes::AccountRoutes(const Store& store, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock)
{}

AccountRoutes::~AccountRoutes() = default;

void AccountRoutes::registerRoutes(Router& router)
{
    router.add("GET",
               QStringLiteral("/v1/me"),
               {Access::roles({Role::Holder, Role::Support}), false},
               [this](const RequestContext& c) { me(c); });
}

qsizetype AccountRoutes::signedInDevices(const QString& accountId) const
{
    const Account* account = m_store.accounts().byId(accountId);
    return account ? m_store.listing().count(*account, m_clock.nowMs()) : 0;
}

void AccountRoutes::me(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const Account* account = m_store.accounts().byId(who.accountId);
    const Session* session = m_store.sessions().session(who.sessionId);
    if (!account || !session)
        return context.fail(ApiError::internal());
    JsonWriter json;
    json.beginObject().key(QLatin1StringView("account"));
    SessionIssuer::writeAccount(json, *account);
    json.field(QLatin1StringView("profiles_count"), qint64(m_store.accounts().profilesCount(account->id)))
        .field(QLatin1StringView("devices_count"), qint64(signedInDevices(account->id)));
    if (account->role == Role::Holder) {
        json.key(QLatin1StringView("step_up_methods")).beginArray();
        for (const QString& method : StepUpMethods::available(m_store, *account))
            json.value(method);
        json.endArray().field(QLatin1StringView("security_keys_count"),
                              qint64(m_store.securityKeys().count(account->id)));
    }
    json.key(QLatin1StringView("session"))
        .beginObject()
        .field(QLatin1StringView("id"), session->id)
        .field(QLatin1StringView("device_id"), session->deviceId)
        .field(QLatin1StringView("signed_in_at"), TimeFormat::toRfc3339(session->issuedAtMs))
        .field(QLatin1StringView("expires_at"), TimeFormat::toRfc3339(session->expiresAtMs))
        .field(QLatin1StringView("auth_method"), session->authMethod)
        .key(QLatin1StringView("new_until"));
    if (who.newUntilMs > 0)
        json.value(TimeFormat::toRfc3339(who.newUntilMs));
    else
        json.null();
    json.endObject().endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
