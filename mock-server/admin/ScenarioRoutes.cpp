#include "admin/ScenarioRoutes.h"

#include "http/Router.h"
#include "log/LogCategories.h"
#include "scenarios/ScenarioLoader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mockd {

namespace {

QJsonObject summary(const Scenario& scenario)
{
    qsizetype devices = 0;
    for (const ScenarioAccount& account : scenario.accounts)
        devices += account.devices.size();
    QJsonArray accounts;
    for (const ScenarioAccount& account : scenario.accounts)
        accounts.append(account.account.email);
    return {{QStringLiteral("name"), scenario.name},
            {QStringLiteral("description"), scenario.description},
            {QStringLiteral("accounts"), accounts},
            {QStringLiteral("devices"), double(devices)},
            {QStringLiteral("faults"), double(scenario.faults.size())},
            {QStringLiteral("shipped"), QJsonArray::fromStringList(ScenarioLoader::shippedNames())}};
}

ApiError invalid(const ScenarioError& error)
{
    return ApiError::make(422, QStringLiteral("invalid_scenario"), error.withoutSource())
        .with(QStringLiteral("path"), error.path);
}

} // namespace

ScenarioRoutes::ScenarioRoutes(LoadFunction load, CurrentFunction current, QObject* parent)
    : QObject(parent), m_load(std::move(load)), m_current(std::move(current))
{}

ScenarioRoutes::~ScenarioRoutes() = default;

void ScenarioRoutes::registerRoutes(Router& router)
{
    const QString path = QStringLiteral("/__admin/scenario");
    router.add("POST", path, {Access::admin(), true}, [this](const RequestContext& c) { load(c); });
    router.add("GET", path, {Access::admin(), false}, [this](const RequestContext& c) { current(c); });
}

void ScenarioRoutes::load(const RequestContext& context)
{
    Expected<Scenario, ScenarioError> scenario = unexpected(ScenarioError{});
    const QJsonValue name = context.body.value(QStringLiteral("name"));
    if (context.body.size() == 1 && name.isString()) {
        const QStringList shipped = ScenarioLoader::shippedNames();
        if (!shipped.contains(name.toString()))
            return context.fail(invalid(
                {{},
                 QStringLiteral("name"),
                 QStringLiteral("'%1' is not one of %2").arg(name.toString(), shipped.join(QStringLiteral(", ")))}));
        scenario = ScenarioLoader::loadFile(ScenarioLoader::resolve(name.toString()));
    } else {
        scenario = ScenarioLoader::parse(QJsonDocument(context.body).toJson(QJsonDocument::Compact),
                                         QStringLiteral("request body"));
    }
    if (!scenario) {
        qCInfo(lcAdmin).noquote() << "scenario refused:" << scenario.error().withoutSource();
        return context.fail(invalid(scenario.error()));
    }
    const QJsonObject loaded = summary(*scenario);
    if (auto done = m_load(std::move(*scenario)); !done) {
        qCCritical(lcAdmin) << "scenario could not be seeded:" << done.error();
        return context.fail(ApiError::make(422, QStringLiteral("invalid_scenario"), done.error())
                                .with(QStringLiteral("path"), QString()));
    }
    qCInfo(lcAdmin).noquote() << "scenario loaded:" << loaded.value(QStringLiteral("name")).toString();
    context.respond(HttpResponse::json(loaded));
}

void ScenarioRoutes::current(const RequestContext& context)
{
    context.respond(HttpResponse::json(summary(m_current())));
}

} // namespace mockd
