#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QList>

namespace mockd {

class Database;

// The account's security history: sign-ins, failures, sign-outs, reuse detections. Append-only,
// except that a row may count repeats of itself (ThrottledAudit); details are JSON and never
// contain a secret.
class AuditLog final
{
public:
    explicit AuditLog(Database& database);

    Expected<Ok, QString> append(const AuditEntry& entry);
    // append() that answers the new row's id.
    Expected<qint64, QString> add(const AuditEntry& entry);
    // Replaces the details of row `id` when it has type `type`; false when there is no such row.
    Expected<bool, QString> updateDetails(qint64 id, const QString& type, const QJsonObject& details);
    // Newest first; an empty accountId lists entries for unknown accounts.
    QList<AuditEntry> forAccount(const QString& accountId, int limit = 100) const;
    qint64 count() const;
    // Sign-in attempts of one device (types sign_in and sign_in_failed), newest first, strictly
    // older than (beforeAtMs, beforeId) when beforeId > 0; at most `limit` entries.
    QList<AuditEntry> signInsOfDevice(
        const QString& accountId, const QString& deviceId, qint64 beforeAtMs, qint64 beforeId, int limit) const;
    // The account's entries with fromMs <= at <= toMs, newest first, strictly older than
    // (beforeAtMs, beforeId) when beforeId > 0; at most `limit` entries (the activity page).
    QList<AuditEntry>
    page(const QString& accountId, qint64 fromMs, qint64 toMs, qint64 beforeAtMs, qint64 beforeId, int limit) const;

private:
    Database& m_database;
};

} // namespace mockd
