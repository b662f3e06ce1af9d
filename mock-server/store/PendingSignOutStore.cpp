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
// Rows per INSERT or DELETE: few round trips, few distinct statements in the cache, bindings far below
// SQLite's limit.
constexpr qsizetype rowsPerStatement = 100;

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
                       " session_ids TEXT," // NULL: any session of the device (a sign-out of all)
                       " expires_at INTEGER NOT NULL,"
                       " PRIMARY KEY (device_id, request_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX pending_signouts_account ON pending_signouts(account_id)"),
        QStringLiteral("CREATE INDEX pending_signouts_expires ON pending_signouts(expires_at)"),
    };
}

Expected<Ok, QString> PendingSignOutStore::add(const QList<PendingSignOut>& rows)
{
    // Many rows per statement: a sign-out of thousands of devices whose sockets are on other
    // instances costs a few round trips to PostgreSQL, not one per device.
    for (qsizetype first = 0; first < rows.size(); first += rowsPerStatement) {
        const qsizetype count = qMin(rowsPerStatement, rows.size() - first);
        QStringList values(count, QStringLiteral("(?, ?, ?, ?, ?)"));
        QVariantList bindings;
        bindings.reserve(count * 5);
        for (qsizetype i = first; i < first + count; ++i) {
            const PendingSignOut& row = rows.at(i);
            bindings << row.deviceId << row.requestId << row.accountId
                     << (row.sessionIds.isEmpty() ? QVariant() : QVariant(row.sessionIds.join(separator)))
                     << row.expiresAtMs;
        }
        if (auto ok = m_database.run(QStringLiteral("INSERT INTO pending_signouts (device_id, request_id, account_id,"
                                                    " session_ids, expires_at) VALUES ") +
                                         values.join(QLatin1String(", ")),
                                     bindings);
            !ok)
            return ok;
    }
    return Ok{};
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
    // Another instance may have taken a row since it was read: only a row this statement deleted is
    // ours (PostgreSQL's row locks and SQLite's write lock let one DELETE have it).
    QHash<std::pair<QString, QString>, const PendingSignOut*> byKey;
    for (const PendingSignOut& row : candidates)
        byKey.insert({row.deviceId, row.requestId}, &row);
    QList<PendingSignOut> taken;
    for (qsizetype first = 0; first < candidates.size(); first += rowsPerStatement) {
        const qsizetype count = qMin(rowsPerStatement, candidates.size() - first);
        QStringList keys(count, QStringLiteral("(device_id = ? AND request_id = ?)"));
        QVariantList bindings;
        bindings.reserve(count * 2);
        for (qsizetype i = first; i < first + count; ++i)
            bindings << candidates.at(i).deviceId << candidates.at(i).requestId;
        auto deleted =
            m_database.exec(QStringLiteral("DELETE FROM pending_signouts WHERE ") + keys.join(QLatin1String(" OR ")) +
                                QStringLiteral(" RETURNING device_id, request_id"),
                            bindings);
        if (!deleted) {
            qCWarning(lcStore) << "cannot take pending sign-outs:" << deleted.error();
            break;
        }
        QSqlQuery& q = **deleted;
        while (q.next()) {
            if (const PendingSignOut* row = byKey.value({q.value(0).toString(), q.value(1).toString()}))
                taken.append(*row);
        }
        q.finish();
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
