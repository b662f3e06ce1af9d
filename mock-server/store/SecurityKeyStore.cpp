#include "store/SecurityKeyStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

const QString columns = QStringLiteral(
    "id, account_id, credential_id, name, algorithm, public_key, sign_count, attestation_format, created_at,"
    " last_used_at");

SecurityKey read(const QSqlQuery& q)
{
    SecurityKey key;
    key.id = q.value(0).toString();
    key.accountId = q.value(1).toString();
    key.credentialId = q.value(2).toByteArray();
    key.name = q.value(3).toString();
    key.algorithm = q.value(4).toInt();
    key.publicKey = q.value(5).toByteArray();
    key.signCount = quint32(q.value(6).toLongLong());
    key.attestationFormat = q.value(7).toString();
    key.createdAtMs = q.value(8).toLongLong();
    key.lastUsedAtMs = q.value(9).toLongLong();
    return key;
}

} // namespace

SecurityKeyStore::SecurityKeyStore(Database& database) : m_database(database) {}

QStringList SecurityKeyStore::migration()
{
    return {
        // credential_id is unique across accounts: one authenticator credential is one account's.
        QStringLiteral("CREATE TABLE security_keys ("
                       " id TEXT PRIMARY KEY,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " credential_id BLOB NOT NULL UNIQUE,"
                       " name TEXT NOT NULL,"
                       " algorithm INTEGER NOT NULL CHECK (algorithm IN (-7, -8)),"
                       " public_key BLOB NOT NULL,"
                       " sign_count INTEGER NOT NULL DEFAULT 0 CHECK (sign_count >= 0),"
                       " attestation_format TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " last_used_at INTEGER) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX security_keys_account ON security_keys(account_id, created_at)"),
    };
}

Expected<Ok, QString> SecurityKeyStore::insert(const SecurityKey& key)
{
    return m_database.run(QStringLiteral("INSERT INTO security_keys (") + columns +
                              QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {key.id,
                           key.accountId,
                           key.credentialId,
                           key.name,
                           key.algorithm,
                           key.publicKey,
                           qint64(key.signCount),
                           key.attestationFormat,
                           key.createdAtMs,
                           key.lastUsedAtMs > 0 ? QVariant(key.lastUsedAtMs) : QVariant()});
}

QList<SecurityKey> SecurityKeyStore::many(const QString& where, const QVariant& value) const
{
    QList<SecurityKey> keys;
    auto rows = m_database.exec(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM security_keys WHERE ") +
                                    where + QStringLiteral(" = ? ORDER BY created_at, id"),
                                {value});
    if (!rows)
        return keys;
    QSqlQuery& q = **rows;
    while (q.next())
        keys.append(read(q));
    q.finish();
    return keys;
}

QList<SecurityKey> SecurityKeyStore::ofAccount(const QString& accountId) const
{
    return many(QStringLiteral("account_id"), accountId);
}

qsizetype SecurityKeyStore::count(const QString& accountId) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM security_keys WHERE account_id = ?"), {accountId});
    if (!rows || !(*rows)->next())
        return 0;
    const qsizetype n = (*rows)->value(0).toLongLong();
    (*rows)->finish();
    return n;
}

std::optional<SecurityKey> SecurityKeyStore::byId(const QString& accountId, const QString& id) const
{
    const QList<SecurityKey> keys = many(QStringLiteral("id"), id);
    if (keys.isEmpty() || keys.first().accountId != accountId)
        return std::nullopt;
    return keys.first();
}

std::optional<SecurityKey> SecurityKeyStore::byCredentialId(const QByteArray& credentialId) const
{
    const QList<SecurityKey> keys = many(QStringLiteral("credential_id"), credentialId);
    if (keys.isEmpty())
        return std::nullopt;
    return keys.first();
}

Expected<Ok, QString> SecurityKeyStore::rename(const QString& id, const QString& name)
{
    return m_database.run(QStringLiteral("UPDATE security_keys SET name = ? WHERE id = ?"), {name, id});
}

Expected<Ok, QString> SecurityKeyStore::recordUse(const QString& id, quint32 signCount, qint64 atMs)
{
    return m_database.run(QStringLiteral("UPDATE security_keys SET sign_count = ?, last_used_at = ? WHERE id = ?"),
                          {qint64(signCount), atMs, id});
}

Expected<Ok, QString> SecurityKeyStore::remove(const QString& id)
{
    return m_database.run(QStringLiteral("DELETE FROM security_keys WHERE id = ?"), {id});
}

} // namespace mockd
