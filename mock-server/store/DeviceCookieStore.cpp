#include "store/DeviceCookieStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

DeviceCookieStore::DeviceCookieStore(Database& database) : m_database(database) {}

QStringList DeviceCookieStore::migration()
{
    return {
        QStringLiteral("CREATE TABLE device_cookies ("
                       " hash BLOB PRIMARY KEY,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " issued_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX device_cookies_account ON device_cookies(account_id, issued_at)"),
    };
}

std::optional<DeviceCookie> DeviceCookieStore::byHash(const QByteArray& hash) const
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT account_id, issued_at, expires_at FROM device_cookies WHERE hash = ?"), {hash});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    QSqlQuery& q = **rows;
    DeviceCookie cookie{hash, q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    q.finish();
    return cookie;
}

Expected<Ok, QString> DeviceCookieStore::issue(const DeviceCookie& cookie, const QByteArray& replacedHash, int keep)
{
    Transaction transaction(m_database);
    if (!replacedHash.isEmpty()) {
        if (auto ok = m_database.run(QStringLiteral("DELETE FROM device_cookies WHERE hash = ?"), {replacedHash}); !ok)
            return ok;
    }
    if (auto ok = m_database.run(
            QStringLiteral("INSERT INTO device_cookies (hash, account_id, issued_at, expires_at) VALUES (?, ?, ?, ?)"),
            {cookie.hash, cookie.accountId, cookie.issuedAtMs, cookie.expiresAtMs});
        !ok)
        return ok;
    // Each sign-in without a cookie adds one: the oldest go, so an account holds a bounded number.
    if (auto ok = m_database.run(QStringLiteral("DELETE FROM device_cookies WHERE account_id = ? AND hash != ? AND"
                                                " hash NOT IN (SELECT hash FROM device_cookies WHERE account_id = ?"
                                                " AND hash != ? ORDER BY issued_at DESC LIMIT ?)"),
                                 {cookie.accountId, cookie.hash, cookie.accountId, cookie.hash, qMax(0, keep - 1)});
        !ok)
        return ok;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the device cookie"));
    return Ok{};
}

Expected<Ok, QString> DeviceCookieStore::pruneExpired(qint64 nowMs)
{
    return m_database.run(QStringLiteral("DELETE FROM device_cookies WHERE expires_at <= ?"), {nowMs});
}

} // namespace mockd
