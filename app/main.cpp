// vigil: parses the options, builds the client (app/Composition), starts the demo service or restores
// the last sign-in, runs.
#include "app/Composition.h"
#include "app/QuitOnSignal.h"
#include "core/api/ServerAddress.h"
#include "core/auth/KeychainCredentialStore.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoService.h"
#include "core/settings/AppSettings.h"
#include "core/settings/Translations.h"
#include "ui/main/WindowController.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <cstdio>
#include <memory>

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

    QString server = options.value(serverOption);
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
    const bool demo = options.isSet(demoOption) || (server.isEmpty() && settings.serverUrl().isEmpty());
    KeychainCredentialStore keychain;
    Composition client(&settings, &keychain, demo);
    SignInFlow& flow = *client.signInFlow();
    WindowController& windows = *client.windows();

    std::unique_ptr<DemoService> demoService;
    if (demo) {
        demoService = std::make_unique<DemoService>();
        QObject::connect(demoService.get(), &DemoService::ready, &flow, [&](const QUrl& url) {
            client.signInToDemo(url, demoService->adminKey());
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
