#pragma once

#include "auth/HashingLimits.h"
#include "base/Expected.h"
#include "http/HttpLimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace mockd {

struct Options
{
    quint16 port = 8765;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    QString databasePath;          // ":memory:" for a throw-away one, or a postgresql:// address
    QString scenarioPath;          // empty: the built-in household scenario
    QString adminKey;              // empty: the admin API refuses everything
    bool adminApi = true;          // --no-admin: no /__admin/* route at all (404)
    bool allowRemoteAdmin = false; // --allow-remote-admin: admin API on a non-loopback bind
    QString geoipPath;             // MaxMind-format City database; empty: the demo database next to the binary
    int parentWatchFd = -1;        // --parent-watch-fd: exit cleanly on EOF there (base/ParentWatch.h)
    // --header-timeout-ms, --body-timeout-ms, --idle-timeout-ms, --max-connections[-per-address]
    ConnectionLimits connections;
    // --max-event-sockets-per-account: one more closes the account's oldest event socket (4429)
    int maxEventSocketsPerAccount = 256;
    // --event-batch-ms: account events are sent to a socket at most once per this many ms, batched
    int eventBatchMs = 100;
    // --hash-threads, --hash-queue
    HashingLimits hashing;
    // --new-session-hours: a holder session may not sign others out or change security settings
    // until it is this old (or confirmed): auth/YoungSessions. No value turns it off.
    int newSessionHours = 24;
    // --rp-id: the WebAuthn relying party id security keys are registered for and assert to (client
    // data origin https://<rp id>).
    QString rpId = QStringLiteral("vigil.test");
    // --event-dispatcher: installed by main() before the options are parsed (base/EventDispatcher.h);
    // parsed here too so a wrong value is refused like any other.
    QString eventDispatcher;

    // A shorter admin key could be guessed; the service refuses to start with one.
    static constexpr qsizetype minAdminKeyLength = 16;

    // The admin API can be used: present, and with a key to open it.
    bool adminEnabled() const { return adminApi && !adminKey.isEmpty(); }
};

namespace CommandLine {

// The help text names the demo credentials, so a person starting the service knows how to sign in.
QString description();
// Parses the arguments; --help and --version print and exit, like any Qt tool. `environmentKey`
// is the value of VIGIL_ADMIN_KEY, used when --admin-key is not given.
Expected<Options, QString> parse(const QStringList& arguments, const QString& environmentKey);
QString defaultDatabasePath();

} // namespace CommandLine

} // namespace mockd
