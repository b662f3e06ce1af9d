#include "service/MockService.h"

#include "account/AutoSignOutSweep.h"
#include "account/HouseholdRoutes.h"
#include "account/PasswordRoutes.h"
#include "account/SettingsRoutes.h"
#include "account/TwoStepRoutes.h"
#include "admin/AdminGuard.h"
#include "admin/AdminRoutes.h"
#include "admin/ScenarioRoutes.h"
#include "admin/SimulatorRoutes.h"
#include "auth/AccountRoutes.h"
#include "auth/AuthPolicy.h"
#include "auth/LoginRoutes.h"
#include "auth/LoginThrottle.h"
#include "auth/MfaChallenges.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionIssuer.h"
#include "auth/StepUp.h"
#include "auth/StepUpRoutes.h"
#include "auth/TokenAuthenticator.h"
#include "auth/TokenRoutes.h"
#include "devices/DeviceRoutes.h"
#include "devices/DeviceService.h"
#include "devices/SignOutRoutes.h"
#include "events/EventHub.h"
#include "faults/FaultInjector.h"
#include "faults/FaultRoutes.h"
#include "geo/GeoIpReader.h"
#include "http/HttpServer.h"
#include "journal/JournalRoutes.h"
#include "journal/RequestAccounts.h"
#include "journal/RequestJournal.h"
#include "log/LogCategories.h"
#include "scenarios/ScenarioSeeder.h"
#include "store/Store.h"
#include "support/SupportService.h"

#include <QDir>
#include <QFileInfo>
#include <QWebSocket>

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

MockService::~MockService()
{
    // Routes and the HTTP server go first: they refer to everything below them.
    if (m_authenticator)
        m_authenticator->setRevokedSeenHandler({});
    m_simulatorRoutes.reset();
    m_signOutRoutes.reset();
    m_events.reset();
    m_http.reset();
    if (m_hasher)
        m_hasher->waitForIdle();
}

Expected<QUrl, QString> MockService::start()
{
    // --scenario takes a file or the name of a shipped scenario ("compromised").
    const QString scenarioPath = m_options.scenarioPath.isEmpty() ? ScenarioLoader::builtInHousehold
                                                                  : ScenarioLoader::resolve(m_options.scenarioPath);
    auto scenario = ScenarioLoader::loadFile(scenarioPath);
    if (!scenario)
        return unexpected(scenario.error().text());
    m_scenario = std::move(*scenario);
    m_hasher = std::make_unique<PasswordHasher>();
    if (auto hashed = m_loader.hashPasswords(m_scenario); !hashed)
        return unexpected(hashed.error());

    const QString dbPath = m_options.databasePath;
    if (dbPath != QLatin1String(":memory:")) {
        const QString folder = QFileInfo(dbPath).absolutePath();
        if (!QDir().mkpath(folder))
            return unexpected(QStringLiteral("cannot create the folder %1").arg(folder));
    }
    auto store = Store::open(dbPath);
    if (!store)
        return unexpected(store.error());
    m_store = std::move(*store);
    m_seeder = std::make_unique<ScenarioSeeder>(*m_store, m_clock);
    if (m_store->isEmpty()) {
        if (auto seeded = m_seeder->seed(m_scenario); !seeded)
            return unexpected(seeded.error());
    } else if (m_store->meta(QStringLiteral("scenario_digest")) != QString::fromLatin1(m_scenario.digest.toHex())) {
        qCWarning(lcMockd) << "the database was seeded from another scenario; POST /__admin/reset loads"
                           << m_scenario.name;
    }

    m_geo = std::make_unique<GeoIpReader>();
    const QString geoPath = m_options.geoipPath.isEmpty() ? GeoIpReader::defaultDatabasePath() : m_options.geoipPath;
    if (geoPath.isEmpty()) {
        qCWarning(lcMockd) << "no GeoIP database found; device locations come from the scenario only";
    } else if (const auto failed = m_geo->open(geoPath)) {
        if (!m_options.geoipPath.isEmpty())
            return unexpected(QStringLiteral("--geoip: %1").arg(*failed));
        qCWarning(lcMockd) << "cannot open the GeoIP database:" << *failed;
    }

    m_throttle = std::make_unique<LoginThrottle>(m_store->throttle(), m_clock);
    m_challenges = std::make_unique<MfaChallenges>(m_clock);
    m_issuer = std::make_unique<SessionIssuer>(*m_store, m_clock);
    m_authenticator = std::make_unique<TokenAuthenticator>(*m_store, m_clock);
    m_adminGuard = std::make_unique<AdminGuard>(m_options.adminKey, m_options.allowRemoteAdmin);

    m_loginRoutes = std::make_unique<LoginRoutes>(*m_store, m_clock, *m_hasher, *m_throttle, *m_challenges, *m_issuer);
    m_loginRoutes->registerRoutes(m_router);
    m_tokenRoutes = std::make_unique<TokenRoutes>(*m_store, m_clock, *m_issuer);
    m_tokenRoutes->registerRoutes(m_router);
    m_accountRoutes = std::make_unique<AccountRoutes>(*m_store, m_clock);
    m_accountRoutes->registerRoutes(m_router);
    m_stepUp = std::make_unique<StepUp>(m_clock);
    m_stepUpRoutes = std::make_unique<StepUpRoutes>(*m_store, m_clock, *m_hasher, *m_throttle, *m_stepUp);
    m_stepUpRoutes->registerRoutes(m_router);
    (new TwoStepRoutes(*m_store, m_clock, *m_stepUp, this))->registerRoutes(m_router);
    if (m_options.adminApi) {
        m_adminRoutes = std::make_unique<AdminRoutes>(m_clock, [this] { return reset(); });
        m_adminRoutes->registerRoutes(m_router);
        const auto accountOf = [this](const HttpRequest& request) {
            return m_store ? RequestAccounts::emailOf(*m_store, request) : QString();
        };
        m_faults = std::make_unique<FaultInjector>(m_clock, accountOf);
        m_faultRoutes = std::make_unique<FaultRoutes>(*m_faults);
        m_faultRoutes->registerRoutes(m_router);
        applyScenarioFaults();
        m_scenarioRoutes =
            std::make_unique<ScenarioRoutes>([this](Scenario next) { return loadScenario(std::move(next)); },
                                             [this]() -> const Scenario& { return m_scenario; });
        m_scenarioRoutes->registerRoutes(m_router);
        m_simulatorRoutes = std::make_unique<SimulatorRoutes>(
            [this] { return m_url; },
            [this]() -> const Scenario& { return m_scenario; },
            [this](const QString& deviceId) { return m_seeder->takeOnlineSession(deviceId); });
        m_simulatorRoutes->registerRoutes(m_router);
        m_journal = std::make_unique<RequestJournal>(m_clock, accountOf);
        m_journalRoutes = std::make_unique<JournalRoutes>(*m_journal);
        m_journalRoutes->registerRoutes(m_router);
    }
    m_devices = std::make_unique<DeviceService>(*m_store, m_clock, *m_geo);
    m_deviceRoutes = std::make_unique<DeviceRoutes>(*m_store, *m_devices);
    m_deviceRoutes->registerRoutes(m_router);
    HouseholdRoutes::install(*m_store, *m_devices, m_router, this);
    m_issuer->setSignedInHandler([this](const QString& accountId, const QString& deviceId) {
        m_devices->notify(accountId, deviceId, DeviceService::Change::SignedIn);
    });
    connect(m_tokenRoutes.get(),
            &TokenRoutes::sessionRevoked,
            this,
            [this](const QString& sessionId, const QString& accountId, const QString& deviceId, const QString& reason) {
                if (m_events)
                    m_events->revokeSession(sessionId, reason);
                const Device* device = m_devices->device(accountId, deviceId);
                m_devices->notify(accountId,
                                  deviceId,
                                  device && m_devices->isListed(*device) ? DeviceService::Change::Updated
                                                                         : DeviceService::Change::Removed);
            });

    m_http = std::make_unique<HttpServer>(m_router, m_log);
    m_http->setAuthenticator(m_authenticator.get());
    m_http->setClock([this] { return m_clock.nowMs(); });
    if (m_options.adminApi) {
        m_http->setAdminAuthorizer(m_adminGuard.get());
        m_http->setFaultSource(m_faults.get());
        m_http->setRequestObserver(m_journal.get());
    } else {
        m_http->removeAdminApi();
    }
    m_http->setConnectionLimits(m_options.connections);
    m_events = std::make_unique<EventHub>(*m_devices, *m_authenticator, m_log, m_clock);
    m_events->setMaxSocketsPerAccount(m_options.maxEventSocketsPerAccount);
    m_events->registerRoutes(m_router);
    m_signOutRoutes = std::make_unique<SignOutRoutes>(*m_store, m_clock, *m_devices, *m_stepUp, *m_events);
    m_signOutRoutes->registerRoutes(m_router);
    (new PasswordRoutes(*m_store, m_clock, *m_hasher, *m_throttle, *m_stepUp, *m_signOutRoutes, this))
        ->registerRoutes(m_router);
    // Issue 7: the auto sign-out rule and its setting (the sweep stops when the event hub goes).
    auto* autoSignOut = new AutoSignOutSweep(
        *m_store, m_clock, *m_devices, [this] { return m_events.get(); }, this);
    (new SettingsRoutes(*m_store, m_clock, *m_stepUp, *m_devices, *autoSignOut, this))->registerRoutes(m_router);
    // Issue 8: the support console and the holder's support codes.
    SupportService::install(*m_store, m_clock, *m_stepUp, *m_devices, *m_signOutRoutes, m_router, this);
    const auto revokedSeen = [this](const QString& sessionId) {
        if (m_signOutRoutes)
            m_signOutRoutes->revokedSessionSeen(sessionId);
    };
    m_authenticator->setRevokedSeenHandler(revokedSeen);
    m_tokenRoutes->setRevokedSeenHandler(revokedSeen);
    m_http->setWebSocketHandler(EventHub::path, [this](std::unique_ptr<QWebSocket> socket) {
        if (m_events)
            m_events->accept(std::move(socket));
    });
    connect(m_http.get(), &HttpServer::drained, this, [this] {
        if (m_stopping)
            finishShutdown();
    });
    const auto port = m_http->listen(m_options.bind, m_options.port);
    if (!port)
        return unexpected(QStringLiteral("cannot listen on %1:%2: %3")
                              .arg(m_options.bind.toString())
                              .arg(m_options.port)
                              .arg(port.error()));
    if (!AdminGuard::isLoopback(m_options.bind) && m_options.adminEnabled() && m_options.allowRemoteAdmin)
        qCWarning(lcMockd).noquote()
            << "WARNING: --allow-remote-admin: the admin API answers every client that can reach"
            << m_options.bind.toString() + QLatin1Char(':') + QString::number(*port)
            << "and sends the admin key; it can reset the service, move its clock and inject faults";
    m_maintenance.start();

    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.bind.toString());
    url.setPort(*port);
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
    if (!m_http) {
        finishShutdown();
        return;
    }
    m_shutdownDeadline.start();
    if (m_events)
        m_events->closeAll();
    m_http->stopListening(); // emits drained() at once when nothing is in flight
}

void MockService::finishShutdown()
{
    if (m_finished)
        return;
    m_finished = true;
    m_shutdownDeadline.stop();
    if (m_http)
        m_http->flushConnections();
    if (m_authenticator)
        m_authenticator->setRevokedSeenHandler({});
    m_signOutRoutes.reset();
    m_simulatorRoutes.reset(); // in-process simulated devices stop without a word
    m_events.reset();          // remaining sockets go without touching the store
    m_log.flush();
    if (m_store)
        m_store->close();
    Q_EMIT stopped();
}

Expected<Ok, QString> MockService::reset()
{
    if (!m_store)
        return unexpected(QStringLiteral("the service is not running"));
    if (m_simulatorRoutes)
        m_simulatorRoutes->discard(); // their sessions are about to be wiped
    m_challenges->clear();
    m_stepUp->clear();
    if (m_faults)
        m_faults->clear();
    if (m_signOutRoutes)
        m_signOutRoutes->clear();
    m_clock.reset();
    if (m_events)
        m_events->reset();
    if (m_devices)
        m_devices->invalidateAll();
    if (auto wiped = m_store->wipe(); !wiped)
        return wiped;
    if (auto seeded = m_seeder->seed(m_scenario); !seeded)
        return seeded;
    applyScenarioFaults();
    return Ok{};
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
    if (!m_faults)
        return;
    for (const FaultRule& rule : std::as_const(m_scenario.faults)) {
        if (!m_faults->add(rule))
            qCWarning(lcMockd) << "the scenario has more fault rules than the injector holds";
    }
}

void MockService::maintain()
{
    const qint64 now = m_clock.nowMs();
    if (auto ok = m_store->sessions().prune(now - AuthPolicy::expiredTokenMemorySeconds * 1000); !ok)
        qCWarning(lcStore) << "cannot prune tokens:" << ok.error();
    if (auto ok = m_store->deviceCookies().pruneExpired(now); !ok)
        qCWarning(lcStore) << "cannot prune device cookies:" << ok.error();
    m_throttle->prune();
}

} // namespace mockd
