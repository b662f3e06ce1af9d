#include "store/EstablishedCookieStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

EstablishedCookieStore::EstablishedCookieStore(Database& database) : m_database(database) {}

bool EstablishedCookieStore::contains(const QByteArray& hash) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT 1 FROM established_cookies WHERE hash = ?"), {hash});
    const bool found = rows && (*rows)->next();
    if (rows)
        (*rows)->finish();
    return found;
}

Expected<Ok, QString>
EstablishedCookieStore::add(const QString& accountId, const QByteArray& hash, const QByteArray& replacedHash)
{
    if (!replacedHash.isEmpty()) {
        if (auto ok = m_database.run(QStringLiteral("DELETE FROM established_cookies WHERE hash = ?"), {replacedHash});
            !ok)
            return ok;
    }
    return m_database.run(QStringLiteral("INSERT INTO established_cookies (hash, account_id) VALUES (?, ?)"
                                         " ON CONFLICT(hash) DO UPDATE SET account_id = excluded.account_id"),
                          {hash, accountId});
}

} // namespace mockd
