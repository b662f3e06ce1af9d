#include "journal/JournalRoutes.h"

#include "base/TimeFormat.h"
#include "http/Router.h"
#include "journal/RequestJournal.h"

namespace mockd {

JournalRoutes::JournalRoutes(RequestJournal& journal) : m_journal(journal) {}

void JournalRoutes::registerRoutes(Router& router)
{
    const QString requests = QStringLiteral("/__admin/requests");
    router.add("GET", requests, {Access::admin(), false}, [this](const RequestContext& c) { list(c); });
    router.add("DELETE", requests, {Access::admin(), false}, [this](const RequestContext& c) { clear(c); });
}

void JournalRoutes::list(const RequestContext& context)
{
    const QUrlQuery query = context.request.queryItems();
    const auto item = [&query](const char* name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    RequestJournal::Filter filter;
    filter.path = item("path");
    if (!filter.path.isEmpty() && !filter.path.startsWith(QLatin1Char('/')) &&
        !filter.path.startsWith(QLatin1Char('*')))
        return context.fail(ApiError::invalidField(
            QStringLiteral("path"), QStringLiteral("path must be a path or a pattern such as /v1/devices*.")));
    filter.method = item("method").toUpper().toLatin1();
    filter.account = item("account").trimmed();
    const QString since = item("since");
    if (!since.isEmpty()) {
        filter.sinceMs = TimeFormat::parseRfc3339(since);
        if (!filter.sinceMs)
            return context.fail(
                ApiError::invalidField(QStringLiteral("since"),
                                       QStringLiteral("since must be an RFC 3339 time such as 2026-05-01T12:00:00Z.")));
    }
    const QString limit = item("limit");
    if (!limit.isEmpty()) {
        bool ok = false;
        filter.limit = limit.toLongLong(&ok);
        if (!ok || filter.limit < 1 || filter.limit > RequestJournal::defaultCapacity)
            return context.fail(ApiError::invalidField(
                QStringLiteral("limit"),
                QStringLiteral("limit must be a whole number from 1 to %1.").arg(RequestJournal::defaultCapacity)));
    }
    context.respond(HttpResponse::json(QJsonObject{{QStringLiteral("requests"), m_journal.entries(filter)}}));
}

void JournalRoutes::clear(const RequestContext& context)
{
    m_journal.clear();
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
