#include "support/SupportViewRoutes.h"

#include "http/RequestContext.h"
#include "http/Router.h"
#include "store/Store.h"
#include "support/InnerRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <algorithm>
#include <memory>

namespace mockd {

namespace {

// The query of the support request minus what only support routes know.
QString forwardedQuery(const RequestContext& context, const QStringList& drop)
{
    QUrlQuery query(context.request.query);
    for (const QString& name : drop)
        query.removeAllQueryItems(name);
    return query.query(QUrl::FullyEncoded);
}

Principal asCustomer(const QString& customerId)
{
    // No session and no device: nothing is "current", and nothing is the caller's own.
    return Principal{customerId, QString(), QString(), Role::Holder};
}

QString pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

SupportViewRoutes::SupportViewRoutes(Store& store, const Clock& clock, const Router& router, QObject* parent)
    : QObject(parent), m_store(store), m_router(router), m_desk(store, clock)
{}

SupportViewRoutes::~SupportViewRoutes() = default;

void SupportViewRoutes::registerRoutes(Router& router)
{
    const RouteOptions support{Access::roles({Role::Support}), false};
    router.add("GET", QStringLiteral("/v1/support/accounts/{id}/devices"), support, [this](const RequestContext& c) {
        devices(c);
    });
    router.add("GET", QStringLiteral("/v1/support/accounts/{id}/history"), support, [this](const RequestContext& c) {
        history(c);
    });
    router.add("GET", QStringLiteral("/v1/support/accounts/{id}/activity"), support, [this](const RequestContext& c) {
        activity(c);
    });
}

std::optional<QString> SupportViewRoutes::begin(const RequestContext& context, const QString& viewed)
{
    const auto reason = SupportDesk::reasonFromQuery(context);
    if (!reason) {
        context.fail(reason.error());
        return std::nullopt;
    }
    const Account* customer = m_desk.customer(context.param(u"id"));
    if (!customer) {
        context.fail(ApiError::notFound());
        return std::nullopt;
    }
    const QString customerId = customer->id;
    if (!m_desk.audit(context,
                      customerId,
                      QStringLiteral("support_viewed"),
                      {{QStringLiteral("viewed"), viewed}, {QStringLiteral("reason"), *reason}})) {
        context.fail(ApiError::internal());
        return std::nullopt;
    }
    return customerId;
}

void SupportViewRoutes::devices(const RequestContext& context)
{
    const auto customerId = begin(context, QStringLiteral("devices"));
    if (!customerId)
        return;
    InnerRequest::run(m_router,
                      context,
                      "GET",
                      QStringLiteral("/v1/devices"),
                      forwardedQuery(context, {QStringLiteral("reason")}),
                      asCustomer(*customerId),
                      [context](const HttpResponse& response) {
                          if (response.status != 200)
                              return SupportDesk::respondMasked(context, response);
                          // Support's own device is never one of the customer's.
                          QJsonObject list = QJsonDocument::fromJson(response.body).object();
                          QJsonArray devices = list.value(QStringLiteral("devices")).toArray();
                          for (QJsonValueRef value : devices) {
                              QJsonObject device = value.toObject();
                              device.insert(QStringLiteral("is_current"), false);
                              value = device;
                          }
                          list.insert(QStringLiteral("devices"), devices);
                          HttpResponse out = response;
                          out.body = QJsonDocument(list).toJson(QJsonDocument::Compact);
                          SupportDesk::respondMasked(context, out);
                      });
}

void SupportViewRoutes::history(const RequestContext& context)
{
    const auto customerId = begin(context, QStringLiteral("history"));
    if (!customerId)
        return;
    const QUrlQuery query(context.request.query);
    if (!query.hasQueryItem(QStringLiteral("device")))
        return accountHistory(context, *customerId);
    const QString deviceId = query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
    // "current" would be the caller's own device: support has none here.
    if (deviceId.isEmpty() || deviceId == QLatin1String("current"))
        return context.fail(ApiError::notFound());
    InnerRequest::run(m_router,
                      context,
                      "GET",
                      QStringLiteral("/v1/devices/") + pathSegment(deviceId) + QStringLiteral("/history"),
                      forwardedQuery(context, {QStringLiteral("reason"), QStringLiteral("device")}),
                      asCustomer(*customerId),
                      // The holder's page as it is (`entries`, `next_cursor`), masked.
                      [context](const HttpResponse& response) { SupportDesk::respondMasked(context, response); });
}

void SupportViewRoutes::accountHistory(const RequestContext& context, const QString& customerId)
{
    const QUrlQuery query(context.request.query);
    int limit = defaultHistoryLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > maxHistoryLimit)
            return context.fail(ApiError::invalidField(
                QStringLiteral("limit"), QStringLiteral("limit must be a number from 1 to %1.").arg(maxHistoryLimit)));
    }
    // Each device's newest `limit` sign-ins, merged: the newest `limit` of the account are among them.
    struct Merge
    {
        QList<std::pair<QString, QJsonObject>> entries; // time, entry
        qsizetype waiting = 0;
    };
    const auto merge = std::make_shared<Merge>();
    const QList<const Device*> devices = m_store.devices().forAccount(customerId);
    merge->waiting = devices.size() + 1; // +1: answered only after every request was made
    const auto finish = [context, merge, limit] {
        if (--merge->waiting > 0)
            return;
        auto& entries = merge->entries;
        std::stable_sort(
            entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        QJsonArray history;
        for (qsizetype i = 0; i < entries.size() && i < limit; ++i)
            history.append(entries.at(i).second);
        const QJsonObject page{{QStringLiteral("entries"), history}, {QStringLiteral("next_cursor"), QJsonValue()}};
        SupportDesk::respondMasked(context, HttpResponse::json(page));
    };
    const QString forwarded = QStringLiteral("limit=") + QString::number(limit);
    for (const Device* device : devices) {
        const QJsonObject ref{{QStringLiteral("id"), device->id}, {QStringLiteral("name"), device->name}};
        InnerRequest::run(
            m_router,
            context,
            "GET",
            QStringLiteral("/v1/devices/") + pathSegment(device->id) + QStringLiteral("/history"),
            forwarded,
            asCustomer(customerId),
            [merge, finish, ref](const HttpResponse& response) {
                const QJsonArray entries =
                    QJsonDocument::fromJson(response.body).object().value(QStringLiteral("entries")).toArray();
                for (const QJsonValue value : entries) {
                    QJsonObject entry = value.toObject();
                    entry.insert(QStringLiteral("device"), ref);
                    merge->entries.append({entry.value(QStringLiteral("time")).toString(), entry});
                }
                finish();
            });
    }
    finish();
}

void SupportViewRoutes::activity(const RequestContext& context)
{
    const auto customerId = begin(context, QStringLiteral("activity"));
    if (!customerId)
        return;
    InnerRequest::run(m_router,
                      context,
                      "GET",
                      QStringLiteral("/v1/activity"),
                      forwardedQuery(context, {QStringLiteral("reason")}),
                      asCustomer(*customerId),
                      [context](const HttpResponse& response) { SupportDesk::respondMasked(context, response); });
}

} // namespace mockd
