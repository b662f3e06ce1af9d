#pragma once

#include "base/Clock.h"
#include "base/Expected.h"
#include "http/Router.h"
#include "log/RequestLog.h"
#include "scenarios/Scenario.h"
#include "scenarios/ScenarioLoader.h"
#include "service/CommandLine.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace mockd {

class AccountRoutes;
class DeviceRoutes;
class DeviceService;
class EventHub;
class FaultInjector;
class FaultRoutes;
class JournalRoutes;
class RequestJournal;
class ScenarioRoutes;
class SimulatorRoutes;
class GeoIpReader;
class AdminGuard;
class AdminRoutes;
class HttpServer;
class LoginRoutes;
class LoginThrottle;
class MfaChallenges;
class PasswordHasher;
class ScenarioSeeder;
class SessionIssuer;
class StepUp;
class StepUpRoutes;
class SignOutRoutes;
class Store;
class TokenAuthenticator;
class TokenRoutes;

// The composition root of vigil-mockd: builds every part, wires them, starts and stops the
// service. Nothing here is global; tests may run several services in one process.
class MockService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockService)

public:
    explicit MockService(Options options, QObject* parent = nullptr);
    ~MockService() override;

    // Opens (and migrates) the database, seeds it when empty, listens. Returns the base URL.
    Expected<QUrl, QString> start();
    // Stops accepting connections, answers the requests in flight (at most a few seconds), closes
    // the database, then emits stopped().
    void shutdown();
    // Back to the scenario: every table emptied and seeded again, pending sign-ins dropped, the
    // clock back to real time.
    Expected<Ok, QString> reset();
    // Replaces the scenario (already read and checked) and resets to it; on failure the previous
    // scenario is back in force. POST /__admin/reset returns to the last scenario loaded.
    Expected<Ok, QString> loadScenario(Scenario scenario);

    Clock& clock() { return m_clock; }
    RequestLog& requestLog() { return m_log; }
    Store* store() { return m_store.get(); }

Q_SIGNALS:
    void stopped();

private:
    void finishShutdown();
    void maintain();
    void applyScenarioFaults();

    Options m_options;
    Clock m_clock;
    RequestLog m_log;
    Router m_router;
    ScenarioLoader m_loader;
    Scenario m_scenario;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ScenarioSeeder> m_seeder;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<MfaChallenges> m_challenges;
    std::unique_ptr<SessionIssuer> m_issuer;
    std::unique_ptr<TokenAuthenticator> m_authenticator;
    std::unique_ptr<AdminGuard> m_adminGuard;
    std::unique_ptr<LoginRoutes> m_loginRoutes;
    std::unique_ptr<TokenRoutes> m_tokenRoutes;
    std::unique_ptr<AccountRoutes> m_accountRoutes;
    std::unique_ptr<StepUp> m_stepUp;
    std::unique_ptr<StepUpRoutes> m_stepUpRoutes;
    std::unique_ptr<AdminRoutes> m_adminRoutes;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<FaultRoutes> m_faultRoutes;
    std::unique_ptr<RequestJournal> m_journal;
    std::unique_ptr<JournalRoutes> m_journalRoutes;
    std::unique_ptr<ScenarioRoutes> m_scenarioRoutes;
    std::unique_ptr<SimulatorRoutes> m_simulatorRoutes;
    QUrl m_url; // where in-process clients (the simulator) reach the service
    std::unique_ptr<GeoIpReader> m_geo;
    std::unique_ptr<DeviceService> m_devices;
    std::unique_ptr<DeviceRoutes> m_deviceRoutes;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<SignOutRoutes> m_signOutRoutes;
    std::unique_ptr<HttpServer> m_http;
    QTimer m_maintenance;
    QTimer m_shutdownDeadline;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace mockd
