#include "store/SupportCodeStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

SupportCodeStore::SupportCodeStore(Database& database) : m_database(database) {}

QStringList SupportCodeStore::migration()
{
    return {
        QStringLiteral("CREATE TABLE support_codes ("
                       " account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,"
                       " hash BLOB NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " used_at INTEGER,"
                       " failed_attempts INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX support_codes_hash ON support_codes(hash)"),
    };
}

Expected<Ok, QString> SupportCodeStore::replace(const SupportCode& code)
{
    return m_database.run(QStringLiteral("INSERT INTO support_codes"
                                         " (account_id, hash, created_at, expires_at, used_at, failed_attempts)"
                                         " VALUES (?, ?, ?, ?, NULL, 0) ON CONFLICT(account_id) DO UPDATE SET"
                                         " hash = excluded.hash, created_at = excluded.created_at,"
                                         " expires_at = excluded.expires_at, used_at = NULL, failed_attempts = 0"),
                          {code.accountId, code.hash, code.createdAtMs, code.expiresAtMs});
}

std::optional<SupportCode> SupportCodeStore::forAccount(const QString& accountId) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT hash, created_at, expires_at, used_at, failed_attempts"
                                               " FROM support_codes WHERE account_id = ?"),
                                {accountId});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    QSqlQuery& q = **rows;
    SupportCode code;
    code.accountId = accountId;
    code.hash = q.value(0).toByteArray();
    code.createdAtMs = q.value(1).toLongLong();
    code.expiresAtMs = q.value(2).toLongLong();
    code.usedAtMs = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
    code.failedAttempts = q.value(4).toInt();
    q.finish();
    return code;
}

QString SupportCodeStore::accountOfHash(const QByteArray& hash) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT account_id FROM support_codes WHERE hash = ? LIMIT 1"), {hash});
    if (!rows || !(*rows)->next())
        return {};
    QString accountId = (*rows)->value(0).toString();
    (*rows)->finish();
    return accountId;
}

Expected<bool, QString> SupportCodeStore::markUsed(const QString& accountId, qint64 atMs)
{
    auto query =
        m_database.exec(QStringLiteral("UPDATE support_codes SET used_at = ? WHERE account_id = ? AND used_at IS NULL"),
                        {atMs, accountId});
    if (!query)
        return unexpected(query.error());
    const bool changed = (*query)->numRowsAffected() == 1;
    (*query)->finish();
    return changed;
}

Expected<int, QString> SupportCodeStore::recordFailure(const QString& accountId)
{
    if (auto ok = m_database.run(
            QStringLiteral("UPDATE support_codes SET failed_attempts = failed_attempts + 1 WHERE account_id = ?"),
            {accountId});
        !ok)
        return unexpected(ok.error());
    const auto code = forAccount(accountId);
    return code ? code->failedAttempts : 0;
}

} // namespace mockd
