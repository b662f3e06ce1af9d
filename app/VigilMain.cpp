// vigil: parses the options, builds the client (app/Composition), starts the demo service or restores
// the last sign-in, runs.
#include "app/VigilMain.h"

#include "app/Composition.h"
#include "app/FirstPaint.h"
#include "app/QuitOnSignal.h"
#include "core/api/ServerAddress.h"
#include "core/auth/KeychainCredentialStore.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoService.h"
#include "core/report/LogRecorder.h"
#include "core/settings/AppSettings.h"
#include "core/settings/Translations.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>
#include <cstdio>
#include <functional>
#include <memory>

namespace vigil {

namespace {

// Names the application and installs its translation: what QCommandLineParser's texts need.
void prepare(QCoreApplication& app)
{
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    // Keeps the redacted log a problem report (Help → Report a Problem…) saves.
    LogRecorder::install();
    // Before the first tr(): the language chosen in Preferences, or the system's.
    QSettings stored;
    Translations::install(&app, AppSettings(&stored).language());
}

struct Options
{
    Options()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "See every device on your account and sign any of them out."));
        parser.addHelpOption();
        parser.addOption(version);
        parser.addOption(demo);
        parser.addOption(server);
    }

    QCommandLineParser parser;
    const QCommandLineOption version{QStringLiteral("version"),
                                     QCoreApplication::translate("main", "Print the version and exit.")};
    const QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the bundled demo service and sign in to its demo account.")};
    const QCommandLineOption server{QStringLiteral("server"),
                                    QCoreApplication::translate("main", "The account server to use."),
                                    QStringLiteral("URL")};
};

bool asksForHelp(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* help : {"-h", "-?", "--help", "--help-all"}) {
            if (qstrcmp(argv[i], help) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int runVigil(int argc, char* argv[], const AuthenticatorFactory& authenticators)
{
    // Answered before QApplication exists, so it works without any display (packaging checks).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0) {
            std::printf("vigil %s\n", VIGIL_VERSION);
            return 0;
        }
    }
    if (asksForHelp(argc, argv)) {
        // QApplication would connect to a display first; the help text needs none.
        QCoreApplication app(argc, argv);
        prepare(app);
        Options().parser.process(app); // prints the help and exits
        return 0;
    }
    QApplication app(argc, argv);
    FirstPaint::reportIfAsked();
    prepare(app);
    QApplication::setDesktopFileName(QStringLiteral("io.github.vigil.Vigil"));
    QuitOnSignal::install(app);

    Options options;
    QCommandLineParser& parser = options.parser;
    parser.process(app);
    if (parser.isSet(options.version)) {
        std::printf("vigil %s\n", VIGIL_VERSION);
        return 0;
    }

    Icons::initResources();
    QApplication::setWindowIcon(Icons::app());

    QString server = parser.value(options.server);
    if (!server.isEmpty()) {
        const auto parsed = ServerAddress::parse(server);
        if (!parsed) {
            std::fprintf(stderr, "vigil: %s\n", qPrintable(ServerAddress::describe(parsed.error())));
            return 2;
        }
        server = parsed.value().toString();
    }
    QSettings qsettings;
    AppSettings settings(&qsettings);
    // Demo mode when asked for, or when there is no server to talk to yet.
    const bool demo = parser.isSet(options.demo) || (server.isEmpty() && settings.serverUrl().isEmpty());
    KeychainCredentialStore keychain;
    QNetworkAccessManager network;
    Composition client(&network, &settings, &keychain, demo);
    client.setAuthenticators(authenticators);
    SignInFlow& flow = *client.signInFlow();
    SignInWindow& signInWindow = *client.signInWindow();

    // Everything that starts a process, reads the keychain or waits for the network comes after the
    // first frame: the window is on screen at once, saying what it is waiting for.
    std::unique_ptr<DemoService> demoService;
    QString loading;
    std::function<void()> begin;
    if (demo) {
        loading = QCoreApplication::translate("main", "Starting the demo service…");
        begin = [&] {
            demoService = std::make_unique<DemoService>();
            QObject::connect(demoService.get(), &DemoService::ready, &flow, [&](const QUrl& url) {
                client.signInToDemo(url, demoService->adminKey());
            });
            QObject::connect(demoService.get(), &DemoService::failed, &signInWindow, [&](const QString& message) {
                signInWindow.endLoading();
                signInWindow.showError(message);
            });
            QObject::connect(demoService.get(), &DemoService::stopped, &signInWindow, [&] {
                flow.signOut();
                signInWindow.showError(QCoreApplication::translate(
                    "main", "The demo service stopped. Restart Vigil to start a new demo."));
            });
            QObject::connect(&app, &QCoreApplication::aboutToQuit, demoService.get(), &DemoService::stop);
            demoService->start();
        };
    } else if (!server.isEmpty() && QUrl(server) != settings.serverUrl()) {
        // A server other than the saved one: its sign-in is not the one in the keychain.
        signInWindow.prefill(server, settings.lastEmail(), settings.rememberSignIn());
        begin = [] {};
    } else {
        if (settings.rememberSignIn() && !settings.lastEmail().isEmpty())
            loading = QCoreApplication::translate("main", "Signing you in again…");
        begin = [&flow] { flow.restore(); };
    }
    client.showThen(loading, begin);
    return app.exec();
}

} // namespace vigil
