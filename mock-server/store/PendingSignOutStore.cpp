#include "store/PendingSignOutStore.h"

#include "log/LogCategories.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace mockd {

namespace {

// Session ids never hold a space.
constexpr QChar separator = QLatin1Char(' ');

bool settles(const PendingSignOut& row, const QString& sessionId)
{
    return row.sessionIds.isEmpty() || row.sessionIds.contains(sessionId);
}

} // namespace

QStringList PendingSignOutStore::migration()
{
    return {
        QStringLiteral("CREATE TABLE pending_signouts ("
                       " device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
                       " request_id TEXT NOT NULL,"
                       " account_id TEXT NOT NULL,"
                       " session_ids TEXT NOT NULL DEFAULT '',"
                       " expires_at INTEGER NOT NULL,"
                       " PRIMARY KEY (device_id, request_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX pending_signouts_account ON pending_signouts(account_id)"),
        QStringLiteral("CREATE INDEX pending_signouts_expires ON pending_signouts(expires_at)"),
    };
}

Expected<Ok, QString> PendingSignOutStore::add(const PendingSignOut& pending)
{
    return m_database.run(QStringLiteral("INSERT INTO pending_signouts (device_id, request_id, account_id, session_ids,"
                                         " expires_at) VALUES (?, ?, ?, ?, ?)"),
                          {pending.deviceId,
                           pending.requestId,
                           pending.accountId,
                           pending.sessionIds.join(separator),
                           pending.expiresAtMs});
}

QList<PendingSignOut> PendingSignOutStore::select(const QString& where, const QString& key)
{
    QList<PendingSignOut> out;
    auto rows = m_database.exec(
        QStringLiteral(
            "SELECT device_id, request_id, account_id, session_ids, expires_at FROM pending_signouts WHERE ") +
            where,
        {key});
    if (!rows) {
        qCWarning(lcStore) << "cannot read pending sign-outs:" << rows.error();
        return out;
    }
    QSqlQuery& q = **rows;
    while (q.next()) {
        out.append({q.value(1).toString(),
                    q.value(2).toString(),
                    q.value(0).toString(),
                    q.value(3).toString().split(separator, Qt::SkipEmptyParts),
                    q.value(4).toLongLong()});
    }
    q.finish();
    return out;
}

QList<PendingSignOut> PendingSignOutStore::take(const QList<PendingSignOut>& candidates)
{
    QList<PendingSignOut> taken;
    if (candidates.isEmpty())
        return taken;
    Transaction transaction(m_database);
    for (const PendingSignOut& row : candidates) {
        // Another instance may have taken it since it was read: only a row deleted here is ours.
        auto deleted = m_database.exec(QStringLiteral("DELETE FROM pending_signouts WHERE device_id = ? AND"
                                                      " request_id = ? RETURNING request_id"),
                                       {row.deviceId, row.requestId});
        if (!deleted) {
            qCWarning(lcStore) << "cannot take a pending sign-out:" << deleted.error();
            return {};
        }
        if ((*deleted)->next())
            taken.append(row);
        (*deleted)->finish();
    }
    if (!transaction.commit()) {
        qCWarning(lcStore) << "cannot commit taking pending sign-outs";
        return {};
    }
    return taken;
}

QList<PendingSignOut> PendingSignOutStore::claimSession(const QString& deviceId, const QString& sessionId)
{
    QList<PendingSignOut> rows = select(QStringLiteral("device_id = ?"), deviceId);
    rows.removeIf([&sessionId](const PendingSignOut& row) { return !settles(row, sessionId); });
    return take(rows);
}

QList<PendingSignOut> PendingSignOutStore::claimTold(const QString& accountId,
                                                     const QHash<QString, QSet<QString>>& told)
{
    QList<PendingSignOut> rows = select(QStringLiteral("account_id = ?"), accountId);
    rows.removeIf([&told](const PendingSignOut& row) {
        const auto sessions = told.constFind(row.deviceId);
        if (sessions == told.cend())
            return true;
        return std::none_of(
            sessions->cbegin(), sessions->cend(), [&row](const QString& sessionId) { return settles(row, sessionId); });
    });
    return take(rows);
}

Expected<Ok, QString> PendingSignOutStore::prune(qint64 cutoffMs)
{
    return m_database.run(QStringLiteral("DELETE FROM pending_signouts WHERE expires_at < ?"), {cutoffMs});
}

} // namespace mockd
