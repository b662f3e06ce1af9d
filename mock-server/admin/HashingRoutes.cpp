#include "admin/HashingRoutes.h"

#include "auth/HashingPool.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"

namespace mockd {

HashingRoutes::HashingRoutes(HashingPool& pool, QObject* parent) : QObject(parent), m_pool(pool) {}

HashingRoutes::~HashingRoutes() = default;

void HashingRoutes::registerRoutes(Router& router)
{
    router.add("GET", QStringLiteral("/__admin/hashing"), {Access::admin(), false}, [this](const RequestContext& c) {
        respondStats(c);
    });
    router.add("POST", QStringLiteral("/__admin/hashing"), {Access::admin(), true}, [this](const RequestContext& c) {
        setHeld(c);
    });
}

void HashingRoutes::respondStats(const RequestContext& context)
{
    const HashingPool::Stats stats = m_pool.stats();
    context.respond(HttpResponse::json(QJsonObject{
        {QStringLiteral("threads"), stats.threads},
        {QStringLiteral("queue_limit"), stats.queueLimit},
        {QStringLiteral("queued"), stats.queued},
        {QStringLiteral("running"), stats.running},
        {QStringLiteral("held"), stats.held},
        {QStringLiteral("refused"), stats.refused},
    }));
}

void HashingRoutes::setHeld(const RequestContext& context)
{
    FieldReader body(context.body);
    const std::optional<bool> held = body.boolean(QStringLiteral("held"), true);
    if (!body.ok())
        return context.fail(*body.error());
    m_pool.setHeld(*held);
    qCInfo(lcAdmin) << (*held ? "hashing held" : "hashing released");
    respondStats(context);
}

} // namespace mockd
