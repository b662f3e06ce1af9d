#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <memory>

namespace mockd {

namespace sim {
class Simulator;
}

class Router;
struct RequestContext;
struct Scenario;

// QA control of simulated devices inside the service process: POST/GET /__admin/simulator and
// POST /__admin/simulator/devices/{n}. The devices are real clients of the service's own URL
// (HTTP + event socket), exactly like `vigil-mockd simulate`, so everything they do goes through
// the same routes, faults and journal as the app's requests.
// {"action":"connect"} brings the scenario's own online devices to life (demo mode asks for it):
// each takes over its seeded session, holds its event socket and reports the scenario's status, so
// signing one out reaches it at once; offline ones stay offline.
class SimulatorRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatorRoutes)

public:
    using UrlFunction = std::function<QUrl()>;
    using ScenarioFunction = std::function<const Scenario&()>;
    // The refresh token of a scenario device's seeded session, once (ScenarioSeeder::takeOnlineSession).
    using SessionFunction = std::function<QString(const QString& deviceId)>;

    SimulatorRoutes(UrlFunction serviceUrl,
                    ScenarioFunction scenario,
                    SessionFunction takeSession,
                    QObject* parent = nullptr);
    ~SimulatorRoutes() override;

    void registerRoutes(Router& router);
    // Drops every simulated device at once, without signing out (the store is about to be reseeded).
    void discard();

private:
    void control(const RequestContext& context);
    void start(const RequestContext& context);
    void stop(const RequestContext& context);
    void connectScenarioDevices(const RequestContext& context);
    void list(const RequestContext& context);
    void command(const RequestContext& context);

    UrlFunction m_serviceUrl;
    ScenarioFunction m_scenario;
    SessionFunction m_takeSession;
    QPointer<sim::Simulator> m_simulator;
    // The scenario's own devices that `connect` runs; separate from `start`'s, which sign in anew.
    QPointer<sim::Simulator> m_scenarioDevices;
    QString m_account;
};

} // namespace mockd
