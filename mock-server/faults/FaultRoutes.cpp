#include "faults/FaultRoutes.h"

#include "faults/FaultInjector.h"
#include "http/Router.h"

namespace mockd {

FaultRoutes::FaultRoutes(FaultInjector& faults) : m_faults(faults) {}

void FaultRoutes::registerRoutes(Router& router)
{
    const QString faults = QStringLiteral("/__admin/faults");
    router.add("POST", faults, {Access::admin(), true}, [this](const RequestContext& c) { add(c); });
    router.add("GET", faults, {Access::admin(), false}, [this](const RequestContext& c) { list(c); });
    router.add("DELETE", faults, {Access::admin(), false}, [this](const RequestContext& c) { clear(c); });
    router.add("DELETE", faults + QStringLiteral("/{id}"), {Access::admin(), false}, [this](const RequestContext& c) {
        remove(c);
    });
}

void FaultRoutes::add(const RequestContext& context)
{
    auto rule = FaultRule::fromJson(context.body);
    if (!rule)
        return context.fail(rule.error());
    const auto stored = m_faults.add(std::move(*rule));
    if (!stored)
        return context.fail(ApiError::make(
            409,
            QStringLiteral("too_many_faults"),
            QStringLiteral("At most %1 fault rules at a time; delete some first.").arg(FaultInjector::maxRules)));
    context.respond(HttpResponse::json(*stored, 201));
}

void FaultRoutes::list(const RequestContext& context)
{
    context.respond(HttpResponse::json(QJsonObject{{QStringLiteral("faults"), m_faults.list()}}));
}

void FaultRoutes::remove(const RequestContext& context)
{
    if (!m_faults.remove(context.param(u"id")))
        return context.fail(ApiError::notFound());
    context.respond(HttpResponse::noContent());
}

void FaultRoutes::clear(const RequestContext& context)
{
    m_faults.clear();
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
