#pragma once

#include "base/Expected.h"
#include "http/ApiError.h"
#include "http/HttpResponse.h"

#include <QJsonObject>
#include <QString>

namespace mockd {

class Clock;
class Store;
struct Account;
struct RequestContext;

// What every support route shares: the stated reason, the customer (a holder account; anything
// else is "not found"), the audit entry on the customer's account, and the masked answer.
class SupportDesk final
{
public:
    SupportDesk(Store& store, const Clock& clock);

    // 10–500 characters after trimming, else 422 `invalid_field` (`field` `reason`).
    static Expected<QString, ApiError> readReason(const QString& given, bool present);
    // The `reason` query parameter of a GET.
    static Expected<QString, ApiError> reasonFromQuery(const RequestContext& context);

    // A holder account by id; support accounts and unknown ids alike: nullptr.
    const Account* customer(const QString& accountId) const;
    // The display name of the support member making the request.
    QString supportName(const RequestContext& context) const;

    // Writes `type` on the customer's account, naming the support member (actor `support`).
    // `details` gets support_name and support_id added.
    bool audit(const RequestContext& context, const QString& customerId, const QString& type, QJsonObject details);

    // Every support answer leaves through here: the JSON body masked (Masking::json).
    static void respondMasked(const RequestContext& context, HttpResponse response);

private:
    Store& m_store;
    const Clock& m_clock;
};

} // namespace mockd
