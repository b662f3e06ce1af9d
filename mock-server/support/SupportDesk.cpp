#include "support/SupportDesk.h"

#include "base/Clock.h"
#include "http/RequestContext.h"
#include "log/LogCategories.h"
#include "store/Store.h"
#include "support/Masking.h"
#include "support/SupportPolicy.h"

namespace mockd {

SupportDesk::SupportDesk(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

Expected<QString, ApiError> SupportDesk::readReason(const QString& given, bool present)
{
    QString reason = given.trimmed();
    const auto length = reason.toUcs4().size();
    if (!present || length < SupportPolicy::reasonMinLength || length > SupportPolicy::reasonMaxLength)
        return unexpected(ApiError::invalidField(QStringLiteral("reason"),
                                                 QStringLiteral("Give a reason of %1 to %2 characters.")
                                                     .arg(SupportPolicy::reasonMinLength)
                                                     .arg(SupportPolicy::reasonMaxLength)));
    for (const QChar c : reason) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t')
            return unexpected(
                ApiError::invalidField(QStringLiteral("reason"), QStringLiteral("The reason has control characters.")));
    }
    return reason;
}

Expected<QString, ApiError> SupportDesk::reasonFromQuery(const RequestContext& context)
{
    const QUrlQuery query = context.request.queryItems();
    const bool present = query.hasQueryItem(QStringLiteral("reason"));
    return readReason(query.queryItemValue(QStringLiteral("reason"), QUrl::FullyDecoded), present);
}

const Account* SupportDesk::customer(const QString& accountId) const
{
    const Account* account = m_store.accounts().byId(accountId);
    return account && account->role == Role::Holder ? account : nullptr;
}

QString SupportDesk::supportName(const RequestContext& context) const
{
    const Account* support = m_store.accounts().byId(context.principal->accountId);
    return support ? support->displayName : QStringLiteral("Support");
}

bool SupportDesk::audit(const RequestContext& context,
                        const QString& customerId,
                        const QString& type,
                        QJsonObject details)
{
    AuditEntry entry;
    entry.accountId = customerId;
    entry.atMs = m_clock.nowMs();
    entry.type = type;
    entry.actor = QStringLiteral("support");
    // Neither the support desk's device nor its address is the customer's business; who it was is.
    details.insert(QStringLiteral("support_name"), supportName(context));
    details.insert(QStringLiteral("support_id"), context.principal->accountId);
    entry.details = details;
    if (auto ok = m_store.audit().append(entry); !ok) {
        qCWarning(lcAuth) << "cannot write a support audit entry:" << ok.error();
        return false;
    }
    return true;
}

void SupportDesk::respondMasked(const RequestContext& context, HttpResponse response)
{
    if (!response.body.isEmpty())
        response.body = Masking::json(response.body);
    context.respond(std::move(response));
}

} // namespace mockd
