#include "service/ServiceParts.h"

#include "account/ActivityRoutes.h"
#include "account/AutoSignOutSweep.h"
#include "account/PasswordRoutes.h"
#include "account/ProfileRoutes.h"
#include "account/SettingsRoutes.h"
#include "account/TwoStepRoutes.h"
#include "admin/AdminGuard.h"
#include "admin/AdminRoutes.h"
#include "admin/HashingRoutes.h"
#include "admin/ScenarioRoutes.h"
#include "admin/SessionRoutes.h"
#include "admin/SimulatorRoutes.h"
#include "admin/SnapshotRoutes.h"
#include "auth/AccountRoutes.h"
#include "auth/HashingPool.h"
#include "auth/LoginRoutes.h"
#include "auth/LoginThrottle.h"
#include "auth/MfaChallenges.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionIssuer.h"
#include "auth/StepUp.h"
#include "auth/StepUpRoutes.h"
#include "auth/TokenAuthenticator.h"
#include "auth/TokenRoutes.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "devices/ConfirmRoutes.h"
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
#include "securitykeys/SecurityKeyRoutes.h"
#include "store/PostgresUrl.h"
#include "store/Store.h"
#include "support/SupportCodeRoutes.h"
#include "support/SupportRoutes.h"
#include "support/SupportViewRoutes.h"
#include "tvsignin/TvSignIn.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QWebSocket>

namespace mockd {

namespace {

std::unique_ptr<HttpServer>
makeHttp(const ServiceParts::Context& context, ServiceParts::Auth& auth, ServiceParts::Admin* admin)
{
    auto http = std::make_unique<HttpServer>(context.router, context.log);
    http->setAuthenticator(auth.authenticator.get());
    http->setClock([&clock = context.clock] { return clock.nowMs(); });
    if (admin) {
        http->setAdminAuthorizer(auth.adminGuard.get());
        http->setFaultSource(admin->faults.get());
        http->setRequestObserver(admin->journal.get());
    } else {
        http->removeAdminApi();
    }
    http->setConnectionLimits(context.options.connections);
    return http;
}

} // namespace

Expected<std::unique_ptr<ServiceParts::Data>, QString> ServiceParts::Data::open(const Context& context,
                                                                                const Scenario& scenario)
{
    auto data = std::make_unique<Data>();
    data->hashing = std::make_unique<HashingPool>(context.options.hashing);
    data->hasher = std::make_unique<PasswordHasher>(*data->hashing);

    const QString dbPath = context.options.databasePath;
    if (dbPath != QLatin1String(":memory:") && !PostgresUrl::looksLikeOne(dbPath)) {
        const QString folder = QFileInfo(dbPath).absolutePath();
        if (!QDir().mkpath(folder))
            return unexpected(QStringLiteral("cannot create the folder %1").arg(folder));
    }
    auto store = Store::open(dbPath);
    if (!store)
        return unexpected(store.error());
    data->store = std::move(*store);
    data->seeder = std::make_unique<ScenarioSeeder>(*data->store, context.clock);
    auto seeded = data->store->fillIfEmpty([&] { return data->seeder->seed(scenario); });
    if (!seeded)
        return unexpected(seeded.error());
    data->seeded = *seeded;
    if (!data->seeded &&
        data->store->meta(QStringLiteral("scenario_digest")) != QString::fromLatin1(scenario.digest.toHex())) {
        qCWarning(lcMockd) << "the database was seeded from another scenario; POST /__admin/reset loads"
                           << scenario.name;
    }

    data->geo = std::make_unique<GeoIpReader>();
    const QString& geoOption = context.options.geoipPath;
    const QString geoPath = geoOption.isEmpty() ? GeoIpReader::defaultDatabasePath() : geoOption;
    if (geoPath.isEmpty()) {
        qCWarning(lcMockd) << "no GeoIP database found; device locations come from the scenario only";
    } else if (const auto failed = data->geo->open(geoPath)) {
        if (!geoOption.isEmpty())
            return unexpected(QStringLiteral("--geoip: %1").arg(*failed));
        qCWarning(lcMockd) << "cannot open the GeoIP database:" << *failed;
    }
    return data;
}

ServiceParts::Data::~Data() = default;

ServiceParts::Auth::Auth(const Context& context, Data& data)
    : throttle(std::make_unique<LoginThrottle>(data.store->throttle(), context.clock)),
      challenges(std::make_unique<MfaChallenges>(data.store->database(), context.clock)),
      issuer(std::make_unique<SessionIssuer>(*data.store, context.clock)),
      authenticator(std::make_unique<TokenAuthenticator>(*data.store, context.clock)),
      youngSessions(std::make_unique<YoungSessions>(
          *data.store, context.clock, qint64(context.options.newSessionHours) * 60 * 60 * 1000)),
      adminGuard(std::make_unique<AdminGuard>(context.options.adminKey, context.options.allowRemoteAdmin)),
      stepUp(std::make_unique<StepUp>(data.store->database(), context.clock)),
      loginRoutes(
          std::make_unique<LoginRoutes>(*data.store, context.clock, *data.hasher, *throttle, *challenges, *issuer)),
      tokenRoutes(std::make_unique<TokenRoutes>(*data.store, context.clock, *issuer)),
      accountRoutes(std::make_unique<AccountRoutes>(*data.store, context.clock)),
      stepUpRoutes(std::make_unique<StepUpRoutes>(*data.store, context.clock, *data.hasher, *throttle, *stepUp)),
      twoStepRoutes(std::make_unique<TwoStepRoutes>(*data.store, context.clock, *stepUp, *data.hashing)),
      securityKeyRoutes(std::make_unique<SecurityKeyRoutes>(*data.store, context.clock, *stepUp, context.options.rpId))
{
    authenticator->setYoungSessions(youngSessions.get());
    stepUpRoutes->setYoungSessions(youngSessions.get());
    stepUpRoutes->setRelyingParty(context.options.rpId);
}

ServiceParts::Auth::~Auth() = default;

void ServiceParts::Auth::registerRoutes(Router& router)
{
    loginRoutes->registerRoutes(router);
    tokenRoutes->registerRoutes(router);
    accountRoutes->registerRoutes(router);
    stepUpRoutes->registerRoutes(router);
    twoStepRoutes->registerRoutes(router);
    securityKeyRoutes->registerRoutes(router);
}

ServiceParts::Admin::Admin(const Context& context, Data& data, const AdminHooks& hooks)
{
    const auto accountOf = [store = data.store.get()](const HttpRequest& request) {
        return RequestAccounts::emailOf(*store, request);
    };
    adminRoutes = std::make_unique<AdminRoutes>(context.clock, hooks.reset);
    faults = std::make_unique<FaultInjector>(context.clock, accountOf);
    faultRoutes = std::make_unique<FaultRoutes>(*faults);
    scenarioRoutes = std::make_unique<ScenarioRoutes>(hooks.loadScenario, hooks.scenario);
    journal = std::make_unique<RequestJournal>(context.clock, accountOf);
    journalRoutes = std::make_unique<JournalRoutes>(*journal);
    hashingRoutes = std::make_unique<HashingRoutes>(*data.hashing);
    snapshotRoutes = std::make_unique<SnapshotRoutes>(*data.store, context.clock, *faults, *journal, hooks.scenario);
}

ServiceParts::Admin::~Admin() = default;

void ServiceParts::Admin::registerRoutes(Router& router)
{
    adminRoutes->registerRoutes(router);
    faultRoutes->registerRoutes(router);
    scenarioRoutes->registerRoutes(router);
    journalRoutes->registerRoutes(router);
    hashingRoutes->registerRoutes(router);
    snapshotRoutes->registerRoutes(router);
}

ServiceParts::Devices::Devices(const Context& context, Data& data, Auth& auth)
    : devices(std::make_unique<DeviceService>(*data.store, context.clock, *data.geo)),
      deviceRoutes(std::make_unique<DeviceRoutes>(*data.store, *devices)),
      profileRoutes(std::make_unique<ProfileRoutes>(*data.store)),
      activityRoutes(std::make_unique<ActivityRoutes>(*data.store, *devices))
{
    devices->setNewUntil(
        [young = auth.youngSessions.get()](const Device& device) { return young->deviceNewUntilMs(device); });
    auth.issuer->setSignedInHandler([devices = devices.get()](const QString& accountId, const QString& deviceId) {
        devices->notify(accountId, deviceId, DeviceService::Change::SignedIn);
    });
    auth.stepUpRoutes->setWaitShortenedHandler(
        [devices = devices.get()](const QString& accountId, const QString& deviceId) {
            devices->notify(accountId, deviceId, DeviceService::Change::Updated);
        });
}

ServiceParts::Devices::~Devices() = default;

void ServiceParts::Devices::registerRoutes(Router& router)
{
    deviceRoutes->registerRoutes(router);
    profileRoutes->registerRoutes(router);
    activityRoutes->registerRoutes(router);
}

ServiceParts::Live::Live(
    const Context& context, Data& data, Auth& auth, Devices& devices, HttpServer& http, const AdminHooks& hooks)
    : events(
          std::make_unique<EventHub>(*data.store, *devices.devices, *auth.authenticator, context.log, context.clock)),
      signOutRoutes(
          std::make_unique<SignOutRoutes>(*data.store, context.clock, *devices.devices, *auth.stepUp, *events)),
      confirmRoutes(std::make_unique<ConfirmRoutes>(
          *data.store, context.clock, *devices.devices, *auth.stepUp, *auth.youngSessions)),
      passwordRoutes(std::make_unique<PasswordRoutes>(
          *data.store, context.clock, *data.hasher, *auth.throttle, *auth.stepUp, *signOutRoutes)),
      autoSignOut(std::make_unique<AutoSignOutSweep>(*data.store,
                                                     context.clock,
                                                     *devices.devices,
                                                     [hub = QPointer<EventHub>(events.get())] { return hub.data(); })),
      settingsRoutes(
          std::make_unique<SettingsRoutes>(*data.store, context.clock, *auth.stepUp, *devices.devices, *autoSignOut)),
      supportCodeRoutes(std::make_unique<SupportCodeRoutes>(*data.store, context.clock, *auth.stepUp)),
      supportRoutes(std::make_unique<SupportRoutes>(*data.store, context.clock, *devices.devices, *signOutRoutes)),
      // The support views run the holder's routes for the customer, looked up per request.
      supportViewRoutes(std::make_unique<SupportViewRoutes>(*data.store, context.clock, context.router)),
      tvSignIn(
          std::make_unique<TvSignIn>(TvSignIn::Needs{*data.store,
                                                     context.clock,
                                                     *auth.issuer,
                                                     *auth.stepUp,
                                                     *auth.adminGuard,
                                                     *devices.devices,
                                                     [hub = QPointer<EventHub>(events.get())] { return hub.data(); }})),
      simulatorRoutes(context.options.adminApi
                          ? std::make_unique<SimulatorRoutes>(hooks.url,
                                                              hooks.scenario,
                                                              [seeder = data.seeder.get()](const QString& deviceId) {
                                                                  return seeder->takeOnlineSession(deviceId);
                                                              })
                          : nullptr),
      sessionRoutes(context.options.adminApi ? std::make_unique<SessionRoutes>(*data.store, *auth.issuer) : nullptr)
{
    events->setMaxSocketsPerAccount(context.options.maxEventSocketsPerAccount);
    events->setBatchInterval(context.options.eventBatchMs);
    // The handlers below outlive this area in the parts built before it: they hold guarded pointers.
    const QPointer<EventHub> hub(events.get());
    const QPointer<SignOutRoutes> signOut(signOutRoutes.get());
    QObject::connect(
        auth.tokenRoutes.get(),
        &TokenRoutes::sessionRevoked,
        devices.devices.get(),
        [hub, service = devices.devices.get()](
            const QString& sessionId, const QString& accountId, const QString& deviceId, const QString& reason) {
            if (hub)
                hub->revokeSession(sessionId, reason);
            const Device* device = service->device(accountId, deviceId);
            service->notify(accountId,
                            deviceId,
                            device && service->isListed(*device) ? DeviceService::Change::Updated
                                                                 : DeviceService::Change::Removed);
        });
    const auto revokedSeen = [signOut](const QString& sessionId) {
        if (signOut)
            signOut->revokedSessionSeen(sessionId);
    };
    auth.authenticator->setRevokedSeenHandler(revokedSeen);
    events->setToldForOthersHandler([signOut](const QList<Principal>& told) {
        if (signOut)
            signOut->toldHere(told);
    });
    auth.tokenRoutes->setRevokedSeenHandler(revokedSeen);
    http.setWebSocketHandler(EventHub::path, [hub](std::unique_ptr<QWebSocket> socket) {
        if (hub)
            hub->accept(std::move(socket));
    });
}

ServiceParts::Live::~Live() = default;

void ServiceParts::Live::registerRoutes(Router& router)
{
    events->registerRoutes(router);
    signOutRoutes->registerRoutes(router);
    confirmRoutes->registerRoutes(router);
    passwordRoutes->registerRoutes(router);
    settingsRoutes->registerRoutes(router);
    supportCodeRoutes->registerRoutes(router);
    supportRoutes->registerRoutes(router);
    supportViewRoutes->registerRoutes(router);
    tvSignIn->registerRoutes(router);
    // Last, though it belongs to the admin API: no other route matches its paths, so the order
    // changes nothing, and being built last it is the first part to go.
    if (simulatorRoutes)
        simulatorRoutes->registerRoutes(router);
    if (sessionRoutes)
        sessionRoutes->registerRoutes(router);
}

ServiceParts::ServiceParts(const Context& context, std::unique_ptr<Data> opened, const AdminHooks& hooks)
    : data(std::move(opened)), auth(std::make_unique<Auth>(context, *data)),
      admin(context.options.adminApi ? std::make_unique<Admin>(context, *data, hooks) : nullptr),
      devices(std::make_unique<Devices>(context, *data, *auth)), http(makeHttp(context, *auth, admin.get())),
      live(std::make_unique<Live>(context, *data, *auth, *devices, *http, hooks))
{
    // The registration order decides ties between equally specific patterns and the order of the
    // methods a 405 lists.
    auth->registerRoutes(context.router);
    if (admin)
        admin->registerRoutes(context.router);
    devices->registerRoutes(context.router);
    live->registerRoutes(context.router);
    if (admin)
        live->confirmRoutes->registerAdminRoutes(context.router);
}

ServiceParts::~ServiceParts() = default;

} // namespace mockd
