#include "auth/WaitShortening.h"

#include "auth/StepUp.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "http/RequestContext.h"
#include "log/LogCategories.h"
#include "store/Store.h"

namespace mockd {

WaitShortening::WaitShortening(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

const QString& WaitShortening::purpose()
{
    static const QString purpose = QStringLiteral("shorten_wait");
    return purpose;
}

std::optional<ApiError>
WaitShortening::startRefusal(const QString& method, const Principal& caller, const Account& account) const
{
    // Only the email: a SIM swap is cheaper than taking over a mailbox, and the other methods
    // are things a thief of the password or the device may hold.
    if (method != QLatin1String("email") || !m_young)
        return ApiError::invalidField(QStringLiteral("purpose"),
                                      QStringLiteral("Only an email code can shorten the wait of a new sign-in."));
    return m_young->shortenRefusal(caller, account);
}

OutboxTexts::Text
WaitShortening::emailText(const StepUpChallenge& challenge, const QString& code, qint64 sentAtMs) const
{
    const Session* session = m_store.sessions().session(challenge.sessionId);
    const Device* device = session ? m_store.devices().byId(session->deviceId) : nullptr;
    return OutboxTexts::shortenWait(code, device ? *device : Device{}, sentAtMs, m_young->windowMs() / (3600 * 1000));
}

void WaitShortening::finish(const RequestContext& context, const Audit& audit)
{
    const Principal& who = *context.principal;
    const Account* account = m_store.accounts().byId(who.accountId);
    const Session* session = m_store.sessions().session(who.sessionId);
    if (!account || !session)
        return context.fail(ApiError::internal());
    // Again: a session of the account may have become established while the email travelled.
    if (auto refused = m_young->shortenRefusal(who, *account);
        refused && refused->code == QLatin1String("established_session_exists"))
        return context.fail(*refused);
    const qint64 from = m_young->newUntilMs(*session);
    const auto to = m_young->shortenWait(*session);
    if (!to) {
        qCCritical(lcAuth) << "cannot shorten a session's wait:" << to.error();
        return context.fail(ApiError::internal());
    }
    audit(QStringLiteral("new_session_wait_shortened"),
          {{QStringLiteral("from"), from > 0 ? TimeFormat::toRfc3339(from) : QString()},
           {QStringLiteral("to"), *to > 0 ? TimeFormat::toRfc3339(*to) : QString()}});
    if (m_shortened)
        m_shortened(who.accountId, who.deviceId);
    const qint64 now = m_clock.nowMs();
    JsonWriter json;
    json.beginObject()
        .field(QLatin1StringView("new_until"), TimeFormat::toRfc3339(qMax(*to, now)))
        .field(QLatin1StringView("retry_after"), qMax<qint64>(0, (*to - now + 999) / 1000))
        .endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
