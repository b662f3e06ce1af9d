#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QList>

namespace mockd {

class Database;

// The account's security history: sign-ins, failures, sign-outs, reuse detections. Append-only;
// details are JSON and never contain a secret.
class AuditLog final
{
public:
    explicit AuditLog(Database& database);

    Expected<Ok, QString> append(const AuditEntry& entry);
    // Newest first; an empty accountId lists entries for unknown accounts.
    QList<AuditEntry> forAccount(const QString& accountId, int limit = 100) const;
    qint64 count() const;

private:
    Database& m_database;
};

} // namespace mockd
