#include "service/MockService.h"

#include "admin/AdminGuard.h"
#include "admin/SimulatorRoutes.h"
#include "auth/AuthPolicy.h"
#include "auth/LoginThrottle.h"
#include "auth/MfaChallenges.h"
#include "auth/StepUp.h"
#include "devices/DeviceService.h"
#include "events/EventHub.h"
#include "faults/FaultInjector.h"
#include "http/HttpServer.h"
#include "log/LogCategories.h"
#include "scenarios/ScenarioSeeder.h"
#include "securitykeys/SecurityKeyRoutes.h"
#include "service/InstanceSync.h"
#include "service/ServiceParts.h"
#include "store/Database.h"
#include "store/PendingSignOutStore.h"
#include "store/Store.h"
#include "tvsignin/TvSignIn.h"

namespace mockd {

namespace {
constexpr int maintenanceIntervalMs = 10 * 60 * 1000;
constexpr int shutdownGraceMs = 5000;
} // namespace

MockService::MockService(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_log(m_clock)
{
    m_maintenance.setInterval(maintenanceIntervalMs);
    connect(&m_maintenance, &QTimer::timeout, this, &MockService::maintain);
    m_shutdownDeadline.setSingleShot(true);
    m_shutdownDeadline.setInterval(shutdownGraceMs);
    connect(&m_shutdownDeadline, &QTimer::timeout, this, [this] {
        qCWarning(lcMockd) << "requests still in flight after" << shutdownGraceMs << "ms; stopping anyway";
        finishShutdown();
    });
}

MockService::~MockService() = default;

Store* MockService::store()
{
    return m_parts ? m_parts->data->store.get() : nullptr;
}

Expected<QUrl, QString> MockService::start()
{
    if (auto read = readScenario(); !read)
        return unexpected(read.error());
    if (m_scenario.clockMs) // a snapshot: the clock of the moment it was taken, before seeding
        m_clock.set(*m_scenario.clockMs);
    const ServiceParts::Context context{m_options, m_clock, m_log, m_router};
    auto data = ServiceParts::Data::open(context, m_scenario);
    if (!data)
        return unexpected(data.error());
    const ServiceParts::AdminHooks hooks{
        [this] { return reset(); },
        [this](Scenario next) { return loadScenario(std::move(next)); },
        [this]() -> const Scenario& { return m_scenario; },
        [this] { return m_url; },
    };
    const bool seeded = (*data)->seeded;
    m_parts = std::make_unique<ServiceParts>(context, std::move(*data), hooks);
    Store& store = *m_parts->data->store;
    FaultInjector* faults = m_parts->admin ? m_parts->admin->faults.get() : nullptr;
    // The rules in force live in the database: a second instance takes them, it does not add the
    // scenario's again.
    if (faults)
        faults->share(store);
    if (seeded)
        applyScenarioFaults();
    m_sync = std::make_unique<InstanceSync>(store, m_clock, faults, [this] { followReset(); });
    m_sync->start(seeded);
    connect(m_parts->http.get(), &HttpServer::drained, this, [this] {
        if (m_stopping)
            finishShutdown();
    });
    const auto port = m_parts->http->listen(m_options.bind, m_options.port);
    if (!port)
        return unexpected(QStringLiteral("cannot listen on %1:%2: %3")
                              .arg(m_options.bind.toString())
                              .arg(m_options.port)
                              .arg(port.error()));
    warnIfAdminIsRemote(*port);
    m_maintenance.start();
    return listeningAt(*port);
}

Expected<Ok, QString> MockService::readScenario()
{
    // --scenario takes a file or the name of a shipped scenario ("compromised").
    const QString path = m_options.scenarioPath.isEmpty() ? ScenarioLoader::builtInHousehold
                                                          : ScenarioLoader::resolve(m_options.scenarioPath);
    auto scenario = ScenarioLoader::loadFile(path);
    if (!scenario)
        return unexpected(scenario.error().text());
    m_scenario = std::move(*scenario);
    return m_loader.hashPasswords(m_scenario);
}

void MockService::warnIfAdminIsRemote(quint16 port) const
{
    if (!AdminGuard::isLoopback(m_options.bind) && m_options.adminEnabled() && m_options.allowRemoteAdmin)
        qCWarning(lcMockd).noquote()
            << "WARNING: --allow-remote-admin: the admin API answers every client that can reach"
            << m_options.bind.toString() + QLatin1Char(':') + QString::number(port)
            << "and sends the admin key; it can reset the service, move its clock and inject faults";
}

QUrl MockService::listeningAt(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.bind.toString());
    url.setPort(port);
    // In-process simulated devices reach the service over loopback whatever the bind address.
    m_url = url;
    if (m_options.bind == QHostAddress(QHostAddress::AnyIPv4) || m_options.bind == QHostAddress(QHostAddress::Any))
        m_url.setHost(QStringLiteral("127.0.0.1"));
    else if (m_options.bind == QHostAddress(QHostAddress::AnyIPv6))
        m_url.setHost(QStringLiteral("::1"));
    return url;
}

void MockService::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_maintenance.stop();
    if (!m_parts) {
        finishShutdown();
        return;
    }
    m_shutdownDeadline.start();
    if (m_parts->live)
        m_parts->live->events->closeAll();
    m_parts->http->stopListening(); // emits drained() at once when nothing is in flight
}

void MockService::finishShutdown()
{
    if (m_finished)
        return;
    m_finished = true;
    m_shutdownDeadline.stop();
    if (m_parts) {
        m_parts->http->flushConnections();
        // Sockets that closed while draining still mark their devices offline.
        if (m_parts->live)
            m_parts->live->events->flushBatches();
        // In-process simulated devices stop without a word, pending sign-outs are dropped and the
        // remaining sockets go without touching the store.
        m_parts->live.reset();
    }
    m_sync.reset();
    m_log.flush();
    if (m_parts)
        m_parts->data->store->close();
    Q_EMIT stopped();
}

Expected<Ok, QString> MockService::reset()
{
    if (!m_parts)
        return unexpected(QStringLiteral("the service is not running"));
    ServiceParts& parts = *m_parts;
    if (parts.admin)
        parts.admin->faults->clear();
    m_clock.reset();
    if (m_scenario.clockMs) // a snapshot: back to the moment it was taken
        m_clock.set(*m_scenario.clockMs);
    forgetLiveState(true);
    // Challenges, step-ups and key registrations are rows of the shared database: the instance that
    // resets empties them; one that follows must not, or it would erase what was started since.
    parts.auth->challenges->clear();
    parts.auth->stepUp->clear();
    parts.auth->securityKeyRoutes->clear();
    if (auto wiped = parts.data->store->wipe(); !wiped)
        return wiped;
    if (auto seeded = parts.data->seeder->seed(m_scenario); !seeded)
        return seeded;
    if (parts.live)
        parts.live->tvSignIn->reset();
    applyScenarioFaults();
    if (m_sync)
        m_sync->announceReset();
    return Ok{};
}

void MockService::forgetLiveState(bool forgetEvents)
{
    ServiceParts& parts = *m_parts;
    if (parts.live && parts.live->simulatorRoutes)
        parts.live->simulatorRoutes->discard(); // their sessions are about to be wiped
    if (parts.live)
        parts.live->events->reset(forgetEvents);
    parts.devices->devices->invalidateAll();
}

void MockService::followReset()
{
    if (!m_parts || m_stopping)
        return;
    Store& store = *m_parts->data->store;
    if (store.meta(QStringLiteral("scenario_digest")) != QString::fromLatin1(m_scenario.digest.toHex())) {
        // Another scenario was loaded there: this instance's own resets return to it too.
        auto scenario =
            ScenarioLoader::parse(store.meta(QStringLiteral("scenario_document")).toUtf8(), m_scenario.source);
        if (scenario && m_loader.hashPasswords(*scenario))
            m_scenario = std::move(*scenario);
        else
            qCWarning(lcMockd) << "cannot read the scenario another instance loaded";
    }
    forgetLiveState(false);
    if (auto loaded = store.reload(); !loaded)
        qCCritical(lcStore) << "cannot read the database again after a reset:" << loaded.error();
    if (m_parts->live)
        m_parts->live->tvSignIn->reset();
}

Expected<Ok, QString> MockService::loadScenario(Scenario scenario)
{
    // Hashing is the last step that can refuse the scenario; until it has passed nothing running
    // has been touched.
    if (auto hashed = m_loader.hashPasswords(scenario); !hashed)
        return hashed;
    Scenario previous = std::move(m_scenario);
    m_scenario = std::move(scenario);
    if (auto done = reset(); !done) {
        m_scenario = std::move(previous);
        if (auto back = reset(); !back)
            qCCritical(lcMockd) << "cannot go back to the previous scenario either:" << back.error();
        return done;
    }
    qCInfo(lcMockd).noquote() << "scenario" << m_scenario.name << "loaded from" << m_scenario.source;
    return Ok{};
}

void MockService::applyScenarioFaults()
{
    if (!m_parts || !m_parts->admin)
        return;
    for (const FaultRule& rule : std::as_const(m_scenario.faults)) {
        if (!m_parts->admin->faults->add(rule))
            qCWarning(lcMockd) << "the scenario has more fault rules than the injector holds";
    }
}

void MockService::maintain()
{
    const qint64 now = m_clock.nowMs();
    Store& store = *m_parts->data->store;
    if (auto ok = store.sessions().prune(now - AuthPolicy::expiredTokenMemorySeconds * 1000); !ok)
        qCWarning(lcStore) << "cannot prune tokens:" << ok.error();
    if (auto ok = store.deviceCookies().pruneExpired(now); !ok)
        qCWarning(lcStore) << "cannot prune device cookies:" << ok.error();
    // A pending sign-out whose device's tokens are forgotten can never be told.
    if (auto ok = PendingSignOutStore(store.database()).prune(now - AuthPolicy::expiredTokenMemorySeconds * 1000); !ok)
        qCWarning(lcStore) << "cannot prune pending sign-outs:" << ok.error();
    m_parts->auth->throttle->prune();
}

} // namespace mockd
