#include "simulator/SimulateCommand.h"

#include "base/SignalWatcher.h"
#include "simulator/SimulatedDevice.h"
#include "simulator/Simulator.h"
#include "simulator/TvCodeFlow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QTimer>
#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace mockd::sim {

namespace {

void printLine(const QString& text)
{
    std::fprintf(stdout, "sim: %s\n", text.toUtf8().constData());
    std::fflush(stdout);
}

std::optional<qint64> parseNumber(const QCommandLineParser& parser, const QString& name, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        std::fprintf(stderr,
                     "vigil-mockd simulate: --%s must be a number from %lld to %lld\n",
                     qPrintable(name),
                     static_cast<long long>(min),
                     static_cast<long long>(max));
        return std::nullopt;
    }
    return value;
}

// Every device holds an event socket: a thousand devices need more than the usual 1024 descriptors.
void raiseDescriptorLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

} // namespace

int runSimulateCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs simulated devices as real clients of a Vigil account service: each signs in with its own "
        "session, keeps an event socket open, reports what it is doing, goes offline and comes back, and "
        "stops when its session is revoked. One line per event on stdout, prefixed \"sim: \"."));
    parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("Service address."), QStringLiteral("URL"));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("Number of devices (default 3)."),
                                     QStringLiteral("N"),
                                     QStringLiteral("3"));
    const QCommandLineOption account(
        QStringLiteral("account"), QStringLiteral("Account email."), QStringLiteral("EMAIL"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral("Account password (or the environment variable VIGIL_SIM_PASSWORD)."),
        QStringLiteral("PW"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Sign out and stop after this many seconds (default: run until "
                                                     "SIGINT/SIGTERM)."),
                                      QStringLiteral("SECONDS"),
                                      QStringLiteral("0"));
    const QCommandLineOption tick(QStringLiteral("tick-ms"),
                                  QStringLiteral("Interval of the random schedule in ms; 0 = sign in, report one "
                                                 "status and stay (default 3000)."),
                                  QStringLiteral("MS"),
                                  QStringLiteral("3000"));
    const QCommandLineOption profiles(QStringLiteral("profiles"),
                                      QStringLiteral("Comma-separated profile names to stream as (default: the demo "
                                                     "household's Sam,Alex,Leo,Mia)."),
                                      QStringLiteral("NAMES"));
    const QCommandLineOption drop(QStringLiteral("drop-percent"),
                                  QStringLiteral("Chance in % per tick that an online device loses its connection "
                                                 "without closing it, and reconnects (default 0)."),
                                  QStringLiteral("P"),
                                  QStringLiteral("0"));
    const QCommandLineOption tv(QStringLiteral("tv"),
                                QStringLiteral("Be one TV that signs in with a code (RFC 8628) instead: prints \"code: "
                                               "XXXX-XXXX\", polls until the code is approved in Vigil, then streams "
                                               "until it is signed out or its guest access ends. No account needed."));
    const QCommandLineOption tvName(QStringLiteral("tv-name"),
                                    QStringLiteral("The TV's name (default \"Hotel Room TV\")."),
                                    QStringLiteral("NAME"),
                                    QStringLiteral("Hotel Room TV"));
    const QCommandLineOption address(
        QStringLiteral("address"),
        QStringLiteral("With --tv, on a loopback service: the address the TV pretends to ask from (e.g. 203.0.113.7, "
                       "Lisbon in the demo GeoIP data); needs the admin key in VIGIL_ADMIN_KEY."),
        QStringLiteral("IP"));
    parser.addOptions({server, devices, account, password, seed, duration, tick, profiles, drop, tv, tvName, address});

    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "simulate"
    if (!parser.parse(args)) {
        std::fprintf(stderr, "vigil-mockd simulate: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }

    SimulatorConfig config;
    config.server = QUrl(parser.value(server));
    config.email = parser.value(account);
    config.password = parser.isSet(password) ? parser.value(password) : qEnvironmentVariable("VIGIL_SIM_PASSWORD");
    if (!config.server.isValid() || config.server.host().isEmpty() ||
        (config.server.scheme() != QLatin1String("http") && config.server.scheme() != QLatin1String("https"))) {
        std::fprintf(stderr, "vigil-mockd simulate: --server must be an http(s) URL\n");
        return 2;
    }
    const bool asTv = parser.isSet(tv);
    const QHostAddress tvAddress(parser.value(address));
    if (parser.isSet(address) && (!asTv || tvAddress.isNull() || qEnvironmentVariableIsEmpty("VIGIL_ADMIN_KEY"))) {
        std::fprintf(stderr, "vigil-mockd simulate: --address needs --tv, an IP address and VIGIL_ADMIN_KEY\n");
        return 2;
    }
    if (!asTv && (config.email.isEmpty() || config.password.isEmpty())) {
        std::fprintf(stderr, "vigil-mockd simulate: --account and --password are required\n");
        return 2;
    }
    const auto count = parseNumber(parser, QStringLiteral("devices"), 1, 100000);
    const auto seedValue = parseNumber(parser, QStringLiteral("seed"), 0, 0xffffffffLL);
    const auto seconds = parseNumber(parser, QStringLiteral("duration"), 0, 2'000'000);
    const auto tickMs = parseNumber(parser, QStringLiteral("tick-ms"), 0, 24LL * 3600 * 1000);
    const auto dropPercent = parseNumber(parser, QStringLiteral("drop-percent"), 0, 100);
    if (!count || !seedValue || !seconds || !tickMs || !dropPercent)
        return 2;
    config.seed = quint32(*seedValue);
    config.tickMs = int(*tickMs);
    config.dropPercent = int(*dropPercent);
    if (parser.isSet(profiles))
        config.profiles = parser.value(profiles).split(QLatin1Char(','), Qt::SkipEmptyParts);

    SignalWatcher signalWatcher;
    if (!signalWatcher.install())
        std::fprintf(stderr, "vigil-mockd simulate: cannot watch SIGINT/SIGTERM\n");

    raiseDescriptorLimit();
    Simulator simulator(config);
    int exitCode = 0;
    QObject::connect(&simulator, &Simulator::report, &simulator, &printLine);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &simulator, [&simulator](int) {
        printLine(QStringLiteral("stopping"));
        simulator.shutdown();
    });
    QObject::connect(&simulator, &Simulator::shutDown, &simulator, [] {
        printLine(QStringLiteral("stopped"));
        QCoreApplication::exit(0);
    });
    QObject::connect(&simulator, &Simulator::allStopped, &simulator, [&simulator, &exitCode] {
        // Devices that could not sign in at all make the run a failure; refused ones obeyed.
        for (int i = 0; i < simulator.deviceCount(); ++i) {
            if (simulator.device(i)->state() == SimulatedDevice::State::Failed)
                exitCode = 1;
        }
        printLine(QStringLiteral("no devices left"));
        QCoreApplication::exit(exitCode);
    });
    QTimer stopTimer;
    if (*seconds > 0) {
        stopTimer.setSingleShot(true);
        QObject::connect(&stopTimer, &QTimer::timeout, &simulator, [&simulator] {
            printLine(QStringLiteral("duration reached"));
            simulator.shutdown();
        });
        stopTimer.start(int(*seconds * 1000));
    }

    // Only the host, never the account's secrets.
    printLine(QStringLiteral("starting devices=%1 seed=%2 server=%3")
                  .arg(asTv ? 1 : *count)
                  .arg(config.seed)
                  .arg(config.server.toString(QUrl::RemoveUserInfo)));
    if (!asTv) {
        simulator.addDevices(int(*count));
        return QCoreApplication::exec();
    }

    QNetworkAccessManager network;
    DeviceDescription description{parser.value(tvName),
                                  QStringLiteral("tv"),
                                  QStringLiteral("Tizen"),
                                  QStringLiteral("8.0"),
                                  QStringLiteral("Vigil TV"),
                                  QStringLiteral("3.2")};
    TvCodeFlow flow(
        network, {config.server, description, tvAddress, qEnvironmentVariable("VIGIL_ADMIN_KEY")}, &simulator);
    QObject::connect(&flow, &TvCodeFlow::report, &simulator, &printLine);
    QObject::connect(&flow,
                     &TvCodeFlow::approved,
                     &simulator,
                     [&simulator, description](const QString& deviceId, const QString& refreshToken) {
                         // From here on it is an ordinary signed-in device that streams.
                         simulator.resumeDevice(description,
                                                deviceId,
                                                refreshToken,
                                                DeviceStatus::Streaming,
                                                QString(),
                                                QStringLiteral("Midnight in Lisbon"));
                     });
    QObject::connect(&flow, &TvCodeFlow::failed, &simulator, [](const QString& reason) {
        printLine(QStringLiteral("no devices left"));
        // A denied TV obeyed; an expired code or a refused request is a failed run.
        QCoreApplication::exit(reason == QLatin1String("access_denied") ? 0 : 1);
    });
    flow.start();
    return QCoreApplication::exec();
}

} // namespace mockd::sim
