#include "store/AuditLog.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

// Rows of "SELECT id, account_id, device_id, at, type, actor, ip, details FROM audit ...".
QList<AuditEntry> readEntries(QSqlQuery& q)
{
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.accountId = q.value(1).toString();
        entry.deviceId = q.value(2).toString();
        entry.atMs = q.value(3).toLongLong();
        entry.type = q.value(4).toString();
        entry.actor = q.value(5).toString();
        entry.ip = q.value(6).toString();
        entry.details = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
        out.append(entry);
    }
    q.finish();
    return out;
}

} // namespace

namespace {

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

AuditLog::AuditLog(Database& database) : m_database(database) {}

Expected<Ok, QString> AuditLog::append(const AuditEntry& entry)
{
    if (auto id = add(entry); !id)
        return unexpected(id.error());
    return Ok{};
}

Expected<qint64, QString> AuditLog::add(const AuditEntry& entry)
{
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO audit (account_id, device_id, at, type, actor, ip, details) VALUES (?, ?, ?, ?, ?, "
                       "?, ?) RETURNING id"),
        {nullable(entry.accountId),
         nullable(entry.deviceId),
         entry.atMs,
         entry.type,
         entry.actor,
         nullable(entry.ip),
         QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact))});
    if (!query)
        return unexpected(query.error());
    // RETURNING, not lastInsertId(): PostgreSQL's driver has no last insert id for such tables.
    const qint64 id = (*query)->next() ? (*query)->value(0).toLongLong() : -1;
    (*query)->finish();
    return id;
}

Expected<bool, QString> AuditLog::updateDetails(qint64 id, const QString& type, const QJsonObject& details)
{
    auto query = m_database.exec(QStringLiteral("UPDATE audit SET details = ? WHERE id = ? AND type = ?"),
                                 {QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), id, type});
    if (!query)
        return unexpected(query.error());
    const bool changed = (*query)->numRowsAffected() == 1;
    (*query)->finish();
    return changed;
}

QList<AuditEntry> AuditLog::forAccount(const QString& accountId, int limit) const
{
    const QString sql = accountId.isEmpty()
                            ? QStringLiteral("SELECT id, account_id, device_id, at, type, actor, ip, details FROM audit"
                                             " WHERE account_id IS NULL ORDER BY at DESC, id DESC LIMIT ?")
                            : QStringLiteral("SELECT id, account_id, device_id, at, type, actor, ip, details FROM audit"
                                             " WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT ?");
    const QVariantList bindings = accountId.isEmpty() ? QVariantList{limit} : QVariantList{accountId, limit};
    auto rows = m_database.exec(sql, bindings);
    if (!rows)
        return {};
    return readEntries(**rows);
}

QList<AuditEntry> AuditLog::signInsOfDevice(
    const QString& accountId, const QString& deviceId, qint64 beforeAtMs, qint64 beforeId, int limit) const
{
    QString sql = QStringLiteral("SELECT id, account_id, device_id, at, type, actor, ip, details FROM audit"
                                 " WHERE account_id = ? AND device_id = ? AND type IN ('sign_in', 'sign_in_failed')");
    QVariantList bindings{accountId, deviceId};
    if (beforeId > 0) {
        sql += QStringLiteral(" AND (at < ? OR (at = ? AND id < ?))");
        bindings << beforeAtMs << beforeAtMs << beforeId;
    }
    sql += QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ?");
    bindings << limit;
    auto rows = m_database.exec(sql, bindings);
    if (!rows)
        return {};
    return readEntries(**rows);
}

QList<AuditEntry> AuditLog::page(
    const QString& accountId, qint64 fromMs, qint64 toMs, qint64 beforeAtMs, qint64 beforeId, int limit) const
{
    QString sql = QStringLiteral("SELECT id, account_id, device_id, at, type, actor, ip, details FROM audit"
                                 " WHERE account_id = ? AND at >= ? AND at <= ?");
    QVariantList bindings{accountId, fromMs, toMs};
    if (beforeId > 0) {
        sql += QStringLiteral(" AND (at < ? OR (at = ? AND id < ?))");
        bindings << beforeAtMs << beforeAtMs << beforeId;
    }
    sql += QStringLiteral(" ORDER BY at DESC, id DESC LIMIT ?");
    bindings << limit;
    auto rows = m_database.exec(sql, bindings);
    if (!rows)
        return {};
    return readEntries(**rows);
}

qint64 AuditLog::count() const
{
    auto rows = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM audit"));
    if (!rows || !(*rows)->next())
        return 0;
    const qint64 n = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    return n;
}

} // namespace mockd
