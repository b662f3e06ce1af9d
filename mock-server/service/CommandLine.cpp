#include "service/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace mockd::CommandLine {

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
                          "Admin routes (/__admin/*) need the X-Admin-Key header and answer only on loopback.");
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
        QStringLiteral("Scenario file to seed an empty database with and to reset to (default: built-in household)."),
        QStringLiteral("FILE"));
    const QCommandLineOption adminKey(
        QStringLiteral("admin-key"),
        QStringLiteral("Key for the admin API (X-Admin-Key header); also read from VIGIL_ADMIN_KEY."),
        QStringLiteral("KEY"));
    const QCommandLineOption geoip(
        QStringLiteral("geoip"),
        QStringLiteral("MaxMind-format City database (GeoLite2/DB-IP City .mmdb) for device locations "
                       "(default: the demo database shipped with vigil-mockd)."),
        QStringLiteral("FILE"));
    parser.addOptions({port, bind, db, scenario, adminKey, geoip});
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
    if (!parser.positionalArguments().isEmpty())
        return unexpected(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    return options;
}

} // namespace mockd::CommandLine
