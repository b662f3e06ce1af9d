#include "service/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace mockd::CommandLine {

namespace {

// 127.0.0.0/8, ::1 and ::ffff:127.x; the "any" addresses are not loopback.
bool isLoopbackAddress(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).isLoopback() : address.isLoopback();
}

} // namespace

QString description()
{
    return QStringLiteral("vigil-mockd: the bundled Vigil account service (a complete mock for demos and tests).\n"
                          "\n"
                          "Demo account (household scenario):\n"
                          "  email     demo@vigil.test\n"
                          "  password  vigil-demo-2026\n"
                          "2-step test account:\n"
                          "  email     twostep@vigil.test\n"
                          "  password  vigil-twostep-2026\n"
                          "  TOTP key  JBSWY3DPEHPK3PXP (base32, 30 s, 6 digits)\n"
                          "\n"
                          "The first line on standard output is \"listening on http://<address>:<port>\".\n"
                          "Admin routes (/__admin/*) need the X-Admin-Key header and answer only on loopback;\n"
                          "--no-admin removes them. Binding beyond loopback (--bind 0.0.0.0) with the admin API\n"
                          "enabled needs --allow-remote-admin.");
}

QString defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("mockd.sqlite"));
}

Expected<Options, QString> parse(const QStringList& arguments, const QString& environmentKey)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port to listen on; 0 picks a free one (default 8765)."),
                                  QStringLiteral("N"),
                                  QStringLiteral("8765"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("SQLite database file, or :memory: for a throw-away one (default: %1).")
                                    .arg(defaultDatabasePath()),
                                QStringLiteral("FILE"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario to seed an empty database with and to reset to: a JSON file (format: "
                       "mock-server/scenarios/schema.json) or a shipped name: household (default), compromised, "
                       "two-step, locked-out, stress-1000, support."),
        QStringLiteral("FILE|NAME"));
    const QCommandLineOption adminKey(
        QStringLiteral("admin-key"),
        QStringLiteral("Key for the admin API (X-Admin-Key header); also read from VIGIL_ADMIN_KEY."),
        QStringLiteral("KEY"));
    const QCommandLineOption geoip(
        QStringLiteral("geoip"),
        QStringLiteral("MaxMind-format City database (GeoLite2/DB-IP City .mmdb) for device locations "
                       "(default: the demo database shipped with vigil-mockd)."),
        QStringLiteral("FILE"));
    const QCommandLineOption noAdmin(QStringLiteral("no-admin"),
                                     QStringLiteral("No admin API: every /__admin/* route answers 404."));
    const QCommandLineOption allowRemoteAdmin(
        QStringLiteral("allow-remote-admin"),
        QStringLiteral("Let the admin API answer clients beyond loopback (needed to --bind a non-loopback address "
                       "while an admin key is set). Anyone who can reach the port and knows the key can then "
                       "reset the service, move its clock and inject faults."));
    const QCommandLineOption parentWatch(
        QStringLiteral("parent-watch-fd"),
        QStringLiteral("Stop cleanly when this descriptor reaches end of file (0 = stdin): the parent holds the "
                       "other end of the pipe, so the service ends with it."),
        QStringLiteral("N"));
    parser.addOptions({port, bind, db, scenario, adminKey, geoip, noAdmin, allowRemoteAdmin, parentWatch});
    parser.process(arguments);

    Options options;
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return unexpected(QStringLiteral("--port must be a number from 0 to 65535"));
    options.port = quint16(portNumber);

    const QString address = parser.value(bind);
    options.bind =
        address == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(address);
    if (options.bind.isNull())
        return unexpected(QStringLiteral("--bind: '%1' is not an IP address").arg(address));

    options.databasePath = parser.isSet(db) ? parser.value(db) : defaultDatabasePath();
    options.scenarioPath = parser.value(scenario);
    options.geoipPath = parser.value(geoip);
    options.adminKey = parser.isSet(adminKey) ? parser.value(adminKey) : environmentKey;
    options.adminApi = !parser.isSet(noAdmin);
    options.allowRemoteAdmin = parser.isSet(allowRemoteAdmin);
    if (parser.isSet(parentWatch)) {
        options.parentWatchFd = parser.value(parentWatch).toInt(&ok);
        if (!ok || options.parentWatchFd < 0)
            return unexpected(QStringLiteral("--parent-watch-fd must be a descriptor number (0 or more)"));
    }
    if (options.adminEnabled() && !isLoopbackAddress(options.bind) && !options.allowRemoteAdmin)
        return unexpected(
            QStringLiteral("--bind %1 would expose the admin API beyond this machine; add "
                           "--allow-remote-admin to allow that, or --no-admin to switch the admin API off")
                .arg(address));
    if (!parser.positionalArguments().isEmpty())
        return unexpected(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    return options;
}

} // namespace mockd::CommandLine
