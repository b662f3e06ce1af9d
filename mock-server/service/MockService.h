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

class InstanceSync;
class Store;
struct ServiceParts;

// The composition root of vigil-mockd: reads the scenario, builds the ServiceParts, starts, resets
// and stops the service. Nothing here is global; tests may run several services in one process.
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
    Store* store();

Q_SIGNALS:
    void stopped();

private:
    Expected<Ok, QString> readScenario();
    void warnIfAdminIsRemote(quint16 port) const;
    // The URL to print; remembers the loopback one for in-process clients.
    QUrl listeningAt(quint16 port);
    void finishShutdown();
    void maintain();
    void applyScenarioFaults();
    // Another instance on the database reset it (or loaded a scenario): this one takes the
    // scenario from the database and drops what it holds in memory, as reset() does.
    void followReset();
    // What reset() and followReset() both drop of this process's own: simulated devices, sockets, caches.
    void forgetLiveState(bool forgetEvents);

    Options m_options;
    Clock m_clock;
    RequestLog m_log;
    Router m_router;
    ScenarioLoader m_loader;
    Scenario m_scenario;
    QUrl m_url; // where in-process clients (the simulator) reach the service
    // Built by start(), after the members above that every part borrows, so it goes before them.
    std::unique_ptr<ServiceParts> m_parts;
    std::unique_ptr<InstanceSync> m_sync;
    QTimer m_maintenance;
    QTimer m_shutdownDeadline;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace mockd
