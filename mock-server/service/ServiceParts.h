#pragma once

#include "base/Expected.h"
#include "scenarios/Scenario.h"
#include "service/CommandLine.h"

#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace mockd {

class AccountRoutes;
class ActivityRoutes;
class AdminGuard;
class AdminRoutes;
class AutoSignOutSweep;
class ConfirmRoutes;
class Clock;
class DeviceRoutes;
class DeviceService;
class EventHub;
class FaultInjector;
class FaultRoutes;
class GeoIpReader;
class HashingPool;
class HashingRoutes;
class HttpServer;
class JournalRoutes;
class LoginRoutes;
class LoginThrottle;
class MfaChallenges;
class PasswordHasher;
class PasswordRoutes;
class ProfileRoutes;
class RequestJournal;
class RequestLog;
class Router;
class ScenarioRoutes;
class ScenarioSeeder;
class SessionIssuer;
class SettingsRoutes;
class SignOutRoutes;
class SecurityKeyRoutes;
class SessionRoutes;
class SimulatorRoutes;
class SnapshotRoutes;
class StepUp;
class StepUpRoutes;
class Store;
class SupportCodeRoutes;
class SupportRoutes;
class SupportViewRoutes;
class TokenAuthenticator;
class TokenRoutes;
class TwoStepRoutes;
struct TvSignIn;
class YoungSessions;

// Everything a running vigil-mockd is made of, one area per struct. Every part is a unique_ptr
// member, declared in the order it is built, so C++ destroys them in the reverse order: whatever
// refers to a part always goes before it, and nobody orders a teardown by hand.
struct ServiceParts
{
    // What the parts borrow from the service that owns them (it outlives them).
    struct Context
    {
        const Options& options;
        Clock& clock;
        RequestLog& log;
        Router& router;
    };

    // What the admin API asks of the service: resetting it, replacing its scenario, and where
    // in-process simulated devices reach it.
    struct AdminHooks
    {
        std::function<Expected<Ok, QString>()> reset;
        std::function<Expected<Ok, QString>(Scenario)> loadScenario;
        std::function<const Scenario&()> scenario;
        std::function<QUrl()> url;
    };

    // The database (opened, migrated, seeded when empty) and what the other parts read beside it.
    struct Data
    {
        static Expected<std::unique_ptr<Data>, QString> open(const Context& context, const Scenario& scenario);
        ~Data();

        std::unique_ptr<HashingPool> hashing;
        std::unique_ptr<PasswordHasher> hasher;
        std::unique_ptr<Store> store;
        std::unique_ptr<ScenarioSeeder> seeder;
        std::unique_ptr<GeoIpReader> geo;
        // The database was empty and open() seeded it.
        bool seeded = false;
    };

    // Signing in, tokens, step-up and the account's own routes.
    struct Auth
    {
        Auth(const Context& context, Data& data);
        ~Auth();
        void registerRoutes(Router& router);

        std::unique_ptr<LoginThrottle> throttle;
        std::unique_ptr<MfaChallenges> challenges;
        std::unique_ptr<SessionIssuer> issuer;
        std::unique_ptr<TokenAuthenticator> authenticator;
        std::unique_ptr<YoungSessions> youngSessions;
        std::unique_ptr<AdminGuard> adminGuard;
        std::unique_ptr<StepUp> stepUp;
        std::unique_ptr<LoginRoutes> loginRoutes;
        std::unique_ptr<TokenRoutes> tokenRoutes;
        std::unique_ptr<AccountRoutes> accountRoutes;
        std::unique_ptr<StepUpRoutes> stepUpRoutes;
        std::unique_ptr<TwoStepRoutes> twoStepRoutes;
        std::unique_ptr<SecurityKeyRoutes> securityKeyRoutes;
    };

    // The admin API (only with --admin-key): reset, clock, faults, scenarios, the request journal.
    struct Admin
    {
        Admin(const Context& context, Data& data, const AdminHooks& hooks);
        ~Admin();
        void registerRoutes(Router& router);

        std::unique_ptr<AdminRoutes> adminRoutes;
        std::unique_ptr<FaultInjector> faults;
        std::unique_ptr<FaultRoutes> faultRoutes;
        std::unique_ptr<ScenarioRoutes> scenarioRoutes;
        std::unique_ptr<RequestJournal> journal;
        std::unique_ptr<JournalRoutes> journalRoutes;
        std::unique_ptr<HashingRoutes> hashingRoutes;
        std::unique_ptr<SnapshotRoutes> snapshotRoutes;
    };

    // The holder's devices and household pages.
    struct Devices
    {
        Devices(const Context& context, Data& data, Auth& auth);
        ~Devices();
        void registerRoutes(Router& router);

        std::unique_ptr<DeviceService> devices;
        std::unique_ptr<DeviceRoutes> deviceRoutes;
        std::unique_ptr<ProfileRoutes> profileRoutes;
        std::unique_ptr<ActivityRoutes> activityRoutes;
    };

    // The parts with connections or work of their own (event sockets, pending sign-outs, the
    // sweep, in-process simulated devices) and the routes that lean on them. Shutdown ends them
    // before the HTTP server is done; they go before it in any case.
    struct Live
    {
        Live(const Context& context,
             Data& data,
             Auth& auth,
             Devices& devices,
             HttpServer& http,
             const AdminHooks& hooks);
        ~Live();
        void registerRoutes(Router& router);

        std::unique_ptr<EventHub> events;
        std::unique_ptr<SignOutRoutes> signOutRoutes;
        std::unique_ptr<ConfirmRoutes> confirmRoutes;
        std::unique_ptr<PasswordRoutes> passwordRoutes;
        std::unique_ptr<AutoSignOutSweep> autoSignOut;
        std::unique_ptr<SettingsRoutes> settingsRoutes;
        std::unique_ptr<SupportCodeRoutes> supportCodeRoutes;
        std::unique_ptr<SupportRoutes> supportRoutes;
        std::unique_ptr<SupportViewRoutes> supportViewRoutes;
        std::unique_ptr<TvSignIn> tvSignIn;
        std::unique_ptr<SimulatorRoutes> simulatorRoutes; // only with the admin API
        std::unique_ptr<SessionRoutes> sessionRoutes;     // only with the admin API
    };

    // Builds every area on the opened data and registers the routes.
    ServiceParts(const Context& context, std::unique_ptr<Data> opened, const AdminHooks& hooks);
    ~ServiceParts();

    std::unique_ptr<Data> data;
    std::unique_ptr<Auth> auth;
    std::unique_ptr<Admin> admin; // only with the admin API
    std::unique_ptr<Devices> devices;
    std::unique_ptr<HttpServer> http;
    std::unique_ptr<Live> live; // ended early by MockService::shutdown()
};

} // namespace mockd
