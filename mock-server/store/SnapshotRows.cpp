#include "store/SnapshotRows.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

// NULL for the "not set" zero the records use.
QVariant orNull(qint64 value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

} // namespace

Expected<QHash<QString, SnapshotRows::Tokens>, QString> SnapshotRows::tokens()
{
    QHash<QString, Tokens> out;
    auto access = m_database.exec(
        QStringLiteral("SELECT hash, session_id, issued_at, expires_at FROM access_tokens ORDER BY issued_at"));
    if (!access)
        return unexpected(access.error());
    QSqlQuery& a = **access;
    while (a.next())
        out[a.value(1).toString()].access.append(
            {a.value(0).toByteArray(), a.value(1).toString(), a.value(2).toLongLong(), a.value(3).toLongLong()});
    a.finish();
    auto refresh = m_database.exec(QStringLiteral(
        "SELECT hash, session_id, issued_at, expires_at, rotated_at FROM refresh_tokens ORDER BY issued_at"));
    if (!refresh)
        return unexpected(refresh.error());
    QSqlQuery& r = **refresh;
    while (r.next())
        out[r.value(1).toString()].refresh.append({r.value(0).toByteArray(),
                                                   r.value(1).toString(),
                                                   r.value(2).toLongLong(),
                                                   r.value(3).toLongLong(),
                                                   r.value(4).toLongLong()});
    r.finish();
    return out;
}

Expected<QHash<QString, QList<SnapshotRows::Cookie>>, QString> SnapshotRows::cookies()
{
    QHash<QString, QList<Cookie>> out;
    auto rows =
        m_database.exec(QStringLiteral("SELECT c.hash, c.account_id, c.issued_at, c.expires_at, e.hash IS NOT NULL"
                                       " FROM device_cookies c LEFT JOIN established_cookies e ON e.hash = c.hash"
                                       " ORDER BY c.issued_at"));
    if (!rows)
        return unexpected(rows.error());
    QSqlQuery& q = **rows;
    while (q.next()) {
        Cookie cookie{
            {q.value(0).toByteArray(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()},
            q.value(4).toBool()};
        out[cookie.cookie.accountId].append(cookie);
    }
    q.finish();
    return out;
}

Expected<Ok, QString> SnapshotRows::insertSession(const Session& s)
{
    return m_database.run(QStringLiteral("INSERT INTO sessions (id, account_id, device_id, issued_at, expires_at,"
                                         " auth_method, ip, last_seen_at, revoked_at, revoked_reason)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {s.id,
                           s.accountId,
                           s.deviceId,
                           s.issuedAtMs,
                           s.expiresAtMs,
                           s.authMethod,
                           s.ip,
                           s.lastSeenAtMs,
                           orNull(s.revokedAtMs),
                           s.revokedReason.isEmpty() ? QVariant() : QVariant(s.revokedReason)});
}

Expected<Ok, QString> SnapshotRows::insertAccess(const AccessToken& t)
{
    return m_database.run(
        QStringLiteral("INSERT INTO access_tokens (hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)"),
        {t.hash, t.sessionId, t.issuedAtMs, t.expiresAtMs});
}

Expected<Ok, QString> SnapshotRows::insertRefresh(const RefreshToken& t)
{
    return m_database.run(QStringLiteral("INSERT INTO refresh_tokens (hash, session_id, issued_at, expires_at,"
                                         " rotated_at) VALUES (?, ?, ?, ?, ?)"),
                          {t.hash, t.sessionId, t.issuedAtMs, t.expiresAtMs, orNull(t.rotatedAtMs)});
}

Expected<Ok, QString> SnapshotRows::insertCookie(const Cookie& c)
{
    auto ok = m_database.run(
        QStringLiteral("INSERT INTO device_cookies (hash, account_id, issued_at, expires_at) VALUES (?, ?, ?, ?)"),
        {c.cookie.hash, c.cookie.accountId, c.cookie.issuedAtMs, c.cookie.expiresAtMs});
    if (ok && c.established)
        ok = m_database.run(QStringLiteral("INSERT INTO established_cookies (hash, account_id) VALUES (?, ?)"),
                            {c.cookie.hash, c.cookie.accountId});
    return ok;
}

} // namespace mockd
