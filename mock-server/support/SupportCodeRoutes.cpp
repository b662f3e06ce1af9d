#include "support/SupportCodeRoutes.h"

#include "auth/OwnerStepUp.h"
#include "auth/StepUp.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/SupportCodes.h"
#include "support/SupportPolicy.h"

namespace mockd {

SupportCodeRoutes::SupportCodeRoutes(Store& store, const Clock& clock, StepUp& stepUp, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_stepUp(stepUp)
{}

SupportCodeRoutes::~SupportCodeRoutes() = default;

void SupportCodeRoutes::registerRoutes(Router& router)
{
    // No body is needed (an empty object is fine too), so the body is not parsed.
    router.add("POST",
               QStringLiteral("/v1/account/support-codes"),
               {Access::roles({Role::Holder}), false},
               [this](const RequestContext& c) { create(c); });
}

void SupportCodeRoutes::create(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const auto grant =
        ownerStepUp(context, m_stepUp, QStringLiteral("Confirm it is you before giving support a code."));
    if (!grant)
        return;

    const qint64 now = m_clock.nowMs();
    const QString text = SupportCodes::generate();
    SupportCode code;
    code.accountId = who.accountId;
    code.hash = SupportCodes::hash(text);
    code.createdAtMs = now;
    code.expiresAtMs = now + SupportPolicy::codeSeconds * 1000;

    AuditEntry entry;
    entry.accountId = who.accountId;
    entry.deviceId = who.deviceId;
    entry.atMs = now;
    entry.type = QStringLiteral("support_code_created");
    entry.actor = roleName(who.role);
    entry.ip = context.request.peerText();
    entry.details = {{QStringLiteral("expires_at"), TimeFormat::toRfc3339Ms(code.expiresAtMs)},
                     {QStringLiteral("verification"), grant->method}};
    {
        Transaction transaction(m_store.database());
        const bool stored = m_store.supportCodes().replace(code).hasValue() && m_store.audit().append(entry).hasValue();
        if (!stored || !transaction.commit()) {
            qCCritical(lcAuth) << "cannot store a support code";
            return context.fail(ApiError::internal());
        }
    }

    JsonWriter json;
    json.beginObject()
        .field(QLatin1StringView("code"), SupportCodes::display(text))
        .field(QLatin1StringView("expires_at"), TimeFormat::toRfc3339Ms(code.expiresAtMs))
        .field(QLatin1StringView("expires_in"), SupportPolicy::codeSeconds)
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take(), 201));
}

} // namespace mockd
