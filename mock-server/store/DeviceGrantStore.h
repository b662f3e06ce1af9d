#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

class Database;

// One RFC 8628 device authorization: a TV asked for a code and waits for the holder's decision.
// Both codes exist only as SHA-256 hashes; the rest is what the holder is shown and what polling
// needs (the interval grows with every slow_down).
struct DeviceGrant
{
    QString id; // dva_…, what the holder's approve and deny name
    QByteArray deviceCodeHash;
    QByteArray userCodeHash;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    int intervalSeconds = 5;
    qint64 lastPollAtMs = 0; // 0: never polled
    QString ip;
    QJsonObject device; // name, type, os, os_version, app, app_version as the TV described itself
    QString accountId;  // bound by the first lookup; empty before
    QString state;      // pending | approved | denied | delivered
    QString sessionId;  // approved: the TV's session
    QString deviceId;   // approved: the TV's device
    QString access;     // approved: until_signed_out | guest
    qint64 guestUntilMs = 0;
    qint64 decidedAtMs = 0;

    bool isPending() const { return state == QLatin1String("pending"); }
};

// Device authorizations in SQLite, read on demand: they are few and live ten minutes.
class DeviceGrantStore final
{
public:
    explicit DeviceGrantStore(Database& database);

    Expected<Ok, QString> insert(const DeviceGrant& grant);
    // Each change below is one conditional UPDATE, so instances on one database that act on the
    // same code at once cannot undo each other's change: the affected-row count (true: this caller
    // changed it) tells the one that won.
    // Binds a pending code to the account that looked it up first.
    Expected<bool, QString> bindAccount(const QString& id, const QString& accountId);
    // A poll: when it came and the interval from now on (slow_down grows it). Leaves the state alone.
    Expected<Ok, QString> recordPoll(const QString& id, qint64 atMs, int intervalSeconds);
    // pending → approved or denied, with the access, guest end and time of the decision.
    Expected<bool, QString> decide(const DeviceGrant& grant);
    // The session and device an approval opened (in the approval's transaction).
    Expected<Ok, QString> attachSession(const QString& id, const QString& sessionId, const QString& deviceId);
    // approved → delivered, recording the poll at `atMs`: true for exactly one poll, the one that
    // hands the tokens out.
    Expected<bool, QString> markDelivered(const QString& id, qint64 atMs);
    std::optional<DeviceGrant> byId(const QString& id) const;
    // Index lookups; the caller compares the hash again in constant time.
    std::optional<DeviceGrant> byDeviceCodeHash(const QByteArray& hash) const;
    std::optional<DeviceGrant> byUserCodeHash(const QByteArray& hash) const;
    // Undecided codes that have not expired at `nowMs`, of one address or of everyone (empty ip).
    int countWaiting(const QString& ip, qint64 nowMs) const;
    // Forgets codes that expired long enough ago that nobody asks about them any more.
    Expected<Ok, QString> purgeExpiredBefore(qint64 ms);

    static QStringList migration();

private:
    std::optional<DeviceGrant> one(const QString& where, const QVariant& value) const;

    Database& m_database;
};

} // namespace mockd
