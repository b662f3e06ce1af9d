#include "auth/AccountRoutes.h"

#include "auth/SessionIssuer.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/Router.h"
#include "store/Store.h"

#include <QSet>

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
    if (!account)
        return 0;
    const qint64 now = m_clock.nowMs();
    QSet<QString> devices;
    const auto sessions = m_store.sessions().forAccount(accountId);
    for (const Session* session : sessions) {
        if (!session->isRevoked() && session->issuedAtMs >= account->notBeforeMs && session->expiresAtMs > now)
            devices.insert(session->deviceId);
    }
    return devices.size();
}

void AccountRoutes::me(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const Account* account = m_store.accounts().byId(who.accountId);
    const Session* session = m_store.sessions().session(who.sessionId);
    if (!account || !session)
        return context.fail(ApiError::internal());
    context.respond(HttpResponse::json(QJsonObject{
        {QStringLiteral("account"), SessionIssuer::accountJson(*account)},
        {QStringLiteral("profiles_count"), qint64(m_store.accounts().profilesCount(account->id))},
        {QStringLiteral("devices_count"), qint64(signedInDevices(account->id))},
        {QStringLiteral("session"),
         QJsonObject{{QStringLiteral("id"), session->id},
                     {QStringLiteral("device_id"), session->deviceId},
                     {QStringLiteral("signed_in_at"), TimeFormat::toRfc3339(session->issuedAtMs)},
                     {QStringLiteral("expires_at"), TimeFormat::toRfc3339(session->expiresAtMs)},
                     {QStringLiteral("auth_method"), session->authMethod}}},
    }));
}

} // namespace mockd
