#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mockd {

class Database;

// A device signed out while no socket of the answering instance could tell it: the sign-out's
// `signout.progress` is owed to the account until the device is told. One row per (request,
// device), in the database, so that whichever instance tells it (its socket on another instance,
// or the device presenting a revoked token there) owes it, and a restart loses nothing.
struct PendingSignOut
{
    QString requestId;
    QString accountId;
    QString deviceId;
    // The sessions the sign-out ended; empty for "sign out all" (then any revoked session of the
    // device is this sign-out's, as the account's cutoff ended them all).
    QStringList sessionIds;
    // The latest expiry of those sessions: once the device's tokens are long forgotten it can never
    // be told, and the row goes.
    qint64 expiresAtMs = 0;
};

// The pending_signouts table. Claims delete by primary key and publish only what they deleted, so of
// several instances that see the same device told exactly one publishes.
class PendingSignOutStore final
{
public:
    explicit PendingSignOutStore(Database& database) : m_database(database) {}

    static QStringList migration();

    // Joins the caller's transaction, if any. Written before the other instances hear of the sign-out,
    // so that the one holding the device's socket finds the row.
    Expected<Ok, QString> add(const QList<PendingSignOut>& rows);
    // The device presented a revoked token of `sessionId`: the rows it settles, now taken.
    QList<PendingSignOut> claimSession(const QString& deviceId, const QString& sessionId);
    // Sockets of the account were told here (`told`: device id → its told session ids): the rows they
    // settle, now taken. One read of the account's rows, whatever the number of sockets.
    QList<PendingSignOut> claimTold(const QString& accountId, const QHash<QString, QSet<QString>>& told);
    // Rows whose sessions expired before `cutoffMs`.
    Expected<Ok, QString> prune(qint64 cutoffMs);

private:
    // Deletes each row of `candidates` still there; returns those this call deleted.
    QList<PendingSignOut> take(const QList<PendingSignOut>& candidates);
    QList<PendingSignOut> select(const QString& where, const QString& key);

    Database& m_database;
};

} // namespace mockd
