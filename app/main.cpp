// vigil: the composition root. Parses the options, builds every object once, wires them, runs.
#include "app/LivePages.h"
#include "app/QuitOnSignal.h"
#include "core/account/AccountService.h"
#include "core/account/AccountSettingsService.h"
#include "core/activity/ActivityService.h"
#include "core/alerts/ActivityLiveReload.h"
#include "core/alerts/SignInAlerts.h"
#include "core/api/ApiClient.h"
#include "core/api/ServerAddress.h"
#include "core/auth/KeychainCredentialStore.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoOutbox.h"
#include "core/demo/DemoService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "core/flows/SignOutFlow.h"
#include "core/profiles/ProfileService.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/settings/AppSettings.h"
#include "core/settings/Translations.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportConsole.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WindowController.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <cstdio>

using namespace vigil;

int main(int argc, char* argv[])
{
    // Answered before QApplication exists, so it works without any display (packaging checks).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0) {
            std::printf("vigil %s\n", VIGIL_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.vigil.Vigil"));
    {
        // Before the first tr(): the language chosen in Preferences, or the system's.
        QSettings stored;
        Translations::install(&app, AppSettings(&stored).language());
    }
    QuitOnSignal::install(app);

    QCommandLineParser options;
    options.setApplicationDescription(
        QCoreApplication::translate("main", "See every device on your account and sign any of them out."));
    options.addHelpOption();
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QCoreApplication::translate("main", "Print the version and exit."));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the bundled demo service and sign in to its demo account."));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QCoreApplication::translate("main", "The account server to use."),
                                          QStringLiteral("URL"));
    options.addOption(versionOption);
    options.addOption(demoOption);
    options.addOption(serverOption);
    options.process(app);
    if (options.isSet(versionOption)) {
        std::printf("vigil %s\n", VIGIL_VERSION);
        return 0;
    }

    Icons::initResources();
    QApplication::setWindowIcon(Icons::app());

    QSettings qsettings;
    AppSettings settings(&qsettings);
    QNetworkAccessManager network;
    Session session;
    ApiClient api(&network, &session);
    KeychainCredentialStore keychain;
    SignInFlow flow(&api, &session, &keychain, &settings);
    AccountService account(&api, &session);
    ProfileService profiles(&api, &session);
    ActivityService activity(&api, &session);
    DeviceListModel deviceModel;
    // "2 min ago", "inactive for 90+ days": by the service's clock (which QA can move).
    deviceModel.setRelativeTime(RelativeTime([&api] { return api.serverClock().now(); }));
    DeviceService devices(&api, &deviceModel);
    EventStream events;
    devices.setEventStream(&events);
    events.setTokenProvider([&session] { return session.accessToken(); });
    // Any authenticated call refreshes an expired token (or ends a revoked session) in ApiClient.
    const auto checkSession = [&api] { api.send(ApiRequest::get(QStringLiteral("/v1/me"))); };
    events.setTokenRefresher(checkSession);
    QObject::connect(&events, &EventStream::sessionEnded, &api, checkSession);
    QObject::connect(&session, &Session::tokensChanged, &events, &EventStream::tokenRefreshed);

    QString server = options.value(serverOption);
    if (!server.isEmpty()) {
        const auto parsed = ServerAddress::parse(server);
        if (!parsed) {
            std::fprintf(stderr, "vigil: %s\n", qPrintable(ServerAddress::describe(parsed.error())));
            return 2;
        }
        server = parsed.value().toString();
    }
    // Demo mode when asked for, or when there is no server to talk to yet.
    const bool demo = options.isSet(demoOption) || (server.isEmpty() && settings.serverUrl().isEmpty());
    flow.setEphemeral(demo);

    StepUpService stepUp(&api);
    SignOutFlow signOut(&api, &stepUp, &session);
    // The Security page: password change, 2-step settings, codes for support (issues 7 and 8).
    PasswordChangeFlow passwordChange(&api, &stepUp);
    TwoStepService twoStep(&api, &stepUp);
    SupportCodeService supportCodes(&api, &stepUp);
    QObject::connect(&session, &Session::signedOut, &stepUp, &StepUpService::clearToken);
    QObject::connect(&events, &EventStream::eventReceived, &signOut, &SignOutFlow::applyEvent);
    // Issue 7: alerts about other devices signing in, the Activity page kept current, auto sign-out.
    SignInAlerts signInAlerts([&session] { return session.deviceId(); }, [&api] { return api.serverClock().now(); });
    signInAlerts.setEnabledSwitch([&settings] { return settings.signInAlerts(); });
    QObject::connect(&events, &EventStream::eventReceived, &signInAlerts, &SignInAlerts::applyEvent);
    QObject::connect(&session, &Session::signedOut, &signInAlerts, &SignInAlerts::clear);
    ActivityLiveReload activityLive(&activity);
    QObject::connect(&events, &EventStream::eventReceived, &activityLive, &ActivityLiveReload::applyEvent);
    AccountSettingsService accountSettings(&api, &session, &stepUp);
    DemoOutbox demoOutbox(&network);

    WindowController windows(&flow, &session, &account, &settings);
    // Issue 8: a support account opens support mode, with its own services and its own sign-out
    // flow (the customer's code instead of a step-up), never the holder's objects.
    SupportConsole supportConsole(&api, &session);
    SignOutFlow supportSignOut(&api, &stepUp, &session);
    windows.setSupportParts({&supportConsole, &supportSignOut, &flow, &session});
    // Every device was signed out, this one included: back to sign-in, keychain entry gone.
    QObject::connect(&signOut, &SignOutFlow::returnToSignInRequested, &flow, [&] {
        flow.signOut();
        windows.signInWindow()->showNotice(QCoreApplication::translate(
            "main", "You signed out every device, this computer included. Sign in again to keep using Vigil."));
    });
    LivePages pages({&windows,
                     &account,
                     &devices,
                     &events,
                     &signOut,
                     demo ? &demoOutbox : nullptr,
                     &profiles,
                     &activity,
                     &signInAlerts,
                     &settings,
                     &accountSettings});
    pages.setSecurityServices(&stepUp, &passwordChange, &twoStep, &supportCodes);
    // A password change that signed every device out, this one included: back to sign-in.
    QObject::connect(&passwordChange, &PasswordChangeFlow::returnToSignInRequested, &flow, [&] {
        flow.signOut();
        windows.signInWindow()->showNotice(QCoreApplication::translate(
            "main", "Your password was changed and every device was signed out. Sign in with your new password."));
    });
    QObject::connect(&flow, &SignInFlow::stateChanged, &twoStep, [&](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedIn && !windows.isSupportSession())
            twoStep.reload();
        else if (state == SignInFlow::State::SignedOut)
            passwordChange.reset();
    });
    // Connected after WindowController's own handler, so the main window exists by now.
    QObject::connect(&flow, &SignInFlow::stateChanged, &devices, [&](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedOut) {
            events.stop();
            devices.clear();
            signOut.cancel();
            supportSignOut.cancel();
            return;
        }
        if (state != SignInFlow::State::SignedIn || windows.isSupportSession())
            return;
        pages.attach();
        events.setServerUrl(session.serverUrl());
        devices.reload();
        events.start();
    });
    std::unique_ptr<DemoService> demoService;
    if (demo) {
        demoService = std::make_unique<DemoService>();
        QObject::connect(demoService.get(), &DemoService::ready, &flow, [&](const QUrl& url) {
            demoOutbox.setService(url, demoService->adminKey());
            windows.signInWindow()->showDemo(
                url.toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword));
            flow.signIn({url.toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword), false});
        });
        QObject::connect(demoService.get(), &DemoService::failed, windows.signInWindow(), &SignInWindow::showError);
        QObject::connect(demoService.get(), &DemoService::stopped, windows.signInWindow(), [&] {
            flow.signOut();
            windows.signInWindow()->showError(
                QCoreApplication::translate("main", "The demo service stopped. Restart Vigil to start a new demo."));
        });
        QObject::connect(&app, &QCoreApplication::aboutToQuit, demoService.get(), &DemoService::stop);
        demoService->start();
    } else if (!server.isEmpty() && QUrl(server) != settings.serverUrl()) {
        // A server other than the saved one: its sign-in is not the one in the keychain.
        windows.signInWindow()->prefill(server, settings.lastEmail(), settings.rememberSignIn());
    } else {
        flow.restore();
    }
    windows.show();
    return app.exec();
}
