#pragma once

#include "base/Expected.h"

#include <QObject>
#include <functional>

namespace mockd {

class Router;
struct RequestContext;
struct Scenario;

// POST /__admin/scenario loads a scenario (the JSON itself, or {"name": "compromised"} for a
// shipped one) and GET /__admin/scenario names the one in force. A scenario is read and checked
// completely before anything running is touched; a broken one is a 422 naming the JSON path.
class ScenarioRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioRoutes)

public:
    using LoadFunction = std::function<Expected<Ok, QString>(Scenario scenario)>;
    using CurrentFunction = std::function<const Scenario&()>;

    ScenarioRoutes(LoadFunction load, CurrentFunction current, QObject* parent = nullptr);
    ~ScenarioRoutes() override;

    void registerRoutes(Router& router);

private:
    void load(const RequestContext& context);
    void current(const RequestContext& context);

    LoadFunction m_load;
    CurrentFunction m_current;
};

} // namespace mockd
