#include "service/CommandLine.h"

#include "base/EventDispatcher.h"
#include "http/HostCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <optional>

namespace mockd::CommandLine {

namespace {

// A whole number from 1 to `maximum` for one of the limit settings.
std::optional<int> readLimit(const QCommandLineParser& parser, const QCommandLineOption& option, int maximum)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    return ok && value >= 1 && value <= maximum ? std::optional<int>(value) : std::nullopt;
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
                                QStringLiteral("SQLite database file, :memory: for a throw-away one (default: %1), "
                                               "or postgresql://USER@HOST:PORT/NAME to share one PostgreSQL database "
                                               "between several vigil-mockd. The password comes only from "
                                               "PGPASSWORD or ~/.pgpass, never from the command line.")
                                    .arg(defaultDatabasePath()),
                                QStringLiteral("FILE|URL"));
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
    // Limits against clients that hold connections: small values let tests reach them quickly.
    const Options defaults;
    const auto limitOption = [](const char* name, const QString& text, int value) {
        return QCommandLineOption(QLatin1String(name), text, QStringLiteral("N"), QString::number(value));
    };
    const QCommandLineOption headerTimeout = limitOption(
        "header-timeout-ms",
        QStringLiteral("A request's line and headers must arrive within this many ms of its first byte, else 408 "
                       "and the connection is closed (default %1).")
            .arg(defaults.connections.headerTimeoutMs),
        defaults.connections.headerTimeoutMs);
    const QCommandLineOption bodyTimeout =
        limitOption("body-timeout-ms",
                    QStringLiteral("A request's body must arrive within this many ms of its headers, else 408 and the "
                                   "connection is closed (default %1).")
                        .arg(defaults.connections.bodyTimeoutMs),
                    defaults.connections.bodyTimeoutMs);
    const QCommandLineOption idleTimeout =
        limitOption("idle-timeout-ms",
                    QStringLiteral("A kept-alive connection with no request for this many ms is closed (default %1).")
                        .arg(defaults.connections.idleTimeoutMs),
                    defaults.connections.idleTimeoutMs);
    const QCommandLineOption maxConnections = limitOption(
        "max-connections",
        QStringLiteral("Connections open at once, in total; more are closed at once (default %1, lowered to fit "
                       "the descriptor limit).")
            .arg(defaults.connections.maxConnections),
        defaults.connections.maxConnections);
    const QCommandLineOption maxPerAddress = limitOption(
        "max-connections-per-address",
        QStringLiteral("Connections open at once from one client address (IPv6: one /64); more are closed at once "
                       "(default %1).")
            .arg(defaults.connections.maxConnectionsPerAddress),
        defaults.connections.maxConnectionsPerAddress);
    const QCommandLineOption maxEventSockets = limitOption(
        "max-event-sockets-per-account",
        QStringLiteral("Authenticated event sockets (/v1/events) open at once per account; a new one closes the "
                       "account's oldest with 4429 (default %1).")
            .arg(defaults.maxEventSocketsPerAccount),
        defaults.maxEventSocketsPerAccount);
    const QCommandLineOption eventBatch = limitOption(
        "event-batch-ms",
        QStringLiteral("Account events reach each event socket at most once per this many ms, several in one batch "
                       "frame, so thousands of devices changing at once cost one frame per socket (default %1).")
            .arg(defaults.eventBatchMs),
        defaults.eventBatchMs);
    const QCommandLineOption hashThreads = limitOption(
        "hash-threads",
        QStringLiteral("Threads that hash passwords and codes (argon2id), at a lower priority than the event loop "
                       "(default %1: one fewer than the cores, at least one).")
            .arg(defaults.hashing.threads),
        defaults.hashing.threads);
    const QCommandLineOption hashQueue =
        limitOption("hash-queue",
                    QStringLiteral("Hashes waiting for a thread; a request that would queue one more is answered 503 "
                                   "service_busy (default %1).")
                        .arg(defaults.hashing.queue),
                    defaults.hashing.queue);
    const QCommandLineOption newSessionHours = limitOption(
        "new-session-hours",
        QStringLiteral("A new sign-in may not sign other devices out or change the password, 2-step or support "
                       "settings until it is this many hours old or confirmed from an established device (default "
                       "%1).")
            .arg(defaults.newSessionHours),
        defaults.newSessionHours);
    const QCommandLineOption rpId(
        QStringLiteral("rp-id"),
        QStringLiteral("The relying party id of security keys (WebAuthn; the client data's origin is https://<id>; "
                       "default %1).")
            .arg(defaults.rpId),
        QStringLiteral("domain"),
        defaults.rpId);
    const QCommandLineOption eventDispatcher(
        QStringLiteral("event-dispatcher"),
        QStringLiteral("The main thread's event loop: epoll (Linux; each wake-up costs the sockets that are ready) "
                       "or qt (Qt's own, which polls every open socket on each pass) (default %1).")
            .arg(EventDispatcher::name(EventDispatcher::defaultKind())),
        QStringLiteral("qt|epoll"),
        EventDispatcher::name(EventDispatcher::defaultKind()));
    parser.addOptions({port,
                       bind,
                       db,
                       scenario,
                       adminKey,
                       geoip,
                       noAdmin,
                       allowRemoteAdmin,
                       parentWatch,
                       headerTimeout,
                       bodyTimeout,
                       idleTimeout,
                       maxConnections,
                       maxPerAddress,
                       maxEventSockets,
                       eventBatch,
                       hashThreads,
                       hashQueue,

                       eventDispatcher,
                       newSessionHours,
                       rpId});
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
    // Empty means "no key" (the admin API refuses everything); a short one would be guessed.
    if (options.adminApi && !options.adminKey.isEmpty() && options.adminKey.size() < Options::minAdminKeyLength)
        return unexpected(
            QStringLiteral("%1 is too short: an admin key needs at least %2 characters (for example "
                           "the output of `openssl rand -hex 16`)")
                .arg(parser.isSet(adminKey) ? QStringLiteral("--admin-key") : QStringLiteral("VIGIL_ADMIN_KEY"))
                .arg(Options::minAdminKeyLength));
    options.allowRemoteAdmin = parser.isSet(allowRemoteAdmin);
    options.rpId = parser.value(rpId);
    // A registrable domain name, lower case, as WebAuthn compares rp ids byte for byte.
    static const QRegularExpression domain(
        QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"));
    if (options.rpId.size() > 253 || !domain.match(options.rpId).hasMatch())
        return unexpected(QStringLiteral("--rp-id must be a lower-case domain name such as vigil.test"));
    if (parser.isSet(parentWatch)) {
        options.parentWatchFd = parser.value(parentWatch).toInt(&ok);
        if (!ok || options.parentWatchFd < 0)
            return unexpected(QStringLiteral("--parent-watch-fd must be a descriptor number (0 or more)"));
    }
    const struct
    {
        const QCommandLineOption& option;
        int& value;
        int maximum;
    } limits[] = {{headerTimeout, options.connections.headerTimeoutMs, 3600 * 1000},
                  {bodyTimeout, options.connections.bodyTimeoutMs, 3600 * 1000},
                  {idleTimeout, options.connections.idleTimeoutMs, 3600 * 1000},
                  {maxConnections, options.connections.maxConnections, 1000 * 1000},
                  {maxPerAddress, options.connections.maxConnectionsPerAddress, 1000 * 1000},
                  {maxEventSockets, options.maxEventSocketsPerAccount, 1000 * 1000},
                  {eventBatch, options.eventBatchMs, 60 * 1000},
                  {hashThreads, options.hashing.threads, 64},
                  {hashQueue, options.hashing.queue, 100 * 1000},

                  {newSessionHours, options.newSessionHours, 24 * 366}};
    for (const auto& limit : limits) {
        const auto value = readLimit(parser, limit.option, limit.maximum);
        if (!value)
            return unexpected(QStringLiteral("--%1 must be a whole number from 1 to %2")
                                  .arg(limit.option.names().constFirst())
                                  .arg(limit.maximum));
        limit.value = *value;
    }
    bool knownDispatcher = false;
    options.eventDispatcher =
        EventDispatcher::name(EventDispatcher::parse(parser.value(eventDispatcher), &knownDispatcher));
    if (!knownDispatcher)
        return unexpected(QStringLiteral("--event-dispatcher must be %1")
                              .arg(EventDispatcher::epollAvailable() ? QStringLiteral("qt or epoll")
                                                                     : QStringLiteral("qt on this platform")));
    if (options.adminEnabled() && !HostCheck::isLoopbackAddress(options.bind) && !options.allowRemoteAdmin)
        return unexpected(
            QStringLiteral("--bind %1 would expose the admin API beyond this machine; add "
                           "--allow-remote-admin to allow that, or --no-admin to switch the admin API off")
                .arg(address));
    if (!parser.positionalArguments().isEmpty())
        return unexpected(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    return options;
}

} // namespace mockd::CommandLine
