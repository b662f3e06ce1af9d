#include "store/DeviceGrantStore.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

const QString columns = QStringLiteral("id, device_code_hash, user_code_hash, created_at, expires_at, interval_s,"
                                       " last_poll_at, ip, device, account_id, state, session_id, device_id, access,"
                                       " guest_until, decided_at");

QVariant orNull(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant orNull(qint64 ms)
{
    return ms == 0 ? QVariant() : QVariant(ms);
}

DeviceGrant read(const QSqlQuery& q)
{
    DeviceGrant g;
    g.id = q.value(0).toString();
    g.deviceCodeHash = q.value(1).toByteArray();
    g.userCodeHash = q.value(2).toByteArray();
    g.createdAtMs = q.value(3).toLongLong();
    g.expiresAtMs = q.value(4).toLongLong();
    g.intervalSeconds = q.value(5).toInt();
    g.lastPollAtMs = q.value(6).toLongLong();
    g.ip = q.value(7).toString();
    g.device = QJsonDocument::fromJson(q.value(8).toByteArray()).object();
    g.accountId = q.value(9).toString();
    g.state = q.value(10).toString();
    g.sessionId = q.value(11).toString();
    g.deviceId = q.value(12).toString();
    g.access = q.value(13).toString();
    g.guestUntilMs = q.value(14).toLongLong();
    g.decidedAtMs = q.value(15).toLongLong();
    return g;
}

// For a conditional change of one row: whether it changed it (of instances racing to change the
// same row, exactly one is told true).
Expected<bool, QString> changedOne(Database& database, const QString& sql, const QVariantList& bindings)
{
    auto changed = database.change(sql, bindings);
    if (!changed)
        return unexpected(changed.error());
    return *changed == 1;
}

} // namespace

DeviceGrantStore::DeviceGrantStore(Database& database) : m_database(database) {}

QStringList DeviceGrantStore::migration()
{
    return {
        QStringLiteral("CREATE TABLE device_grants ("
                       " id TEXT PRIMARY KEY,"
                       " device_code_hash BLOB NOT NULL UNIQUE,"
                       " user_code_hash BLOB NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " interval_s INTEGER NOT NULL,"
                       " last_poll_at INTEGER,"
                       " ip TEXT,"
                       " device TEXT NOT NULL,"
                       " account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,"
                       " state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'delivered')),"
                       " session_id TEXT,"
                       " device_id TEXT,"
                       " access TEXT CHECK (access IS NULL OR access IN ('until_signed_out', 'guest')),"
                       " guest_until INTEGER,"
                       " decided_at INTEGER) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX device_grants_user_code ON device_grants(user_code_hash)"),
        QStringLiteral("CREATE INDEX device_grants_expiry ON device_grants(expires_at)"),
        // A guest session ends by itself at `until_at`; one row per guest session.
        QStringLiteral("CREATE TABLE guest_sessions ("
                       " session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " device_id TEXT NOT NULL,"
                       " until_at INTEGER NOT NULL) WITHOUT ROWID"),
    };
}

Expected<Ok, QString> DeviceGrantStore::insert(const DeviceGrant& g)
{
    return m_database.run(QStringLiteral("INSERT INTO device_grants (") + columns +
                              QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {g.id,
                           g.deviceCodeHash,
                           g.userCodeHash,
                           g.createdAtMs,
                           g.expiresAtMs,
                           g.intervalSeconds,
                           orNull(g.lastPollAtMs),
                           orNull(g.ip),
                           QString::fromUtf8(QJsonDocument(g.device).toJson(QJsonDocument::Compact)),
                           orNull(g.accountId),
                           g.state,
                           orNull(g.sessionId),
                           orNull(g.deviceId),
                           orNull(g.access),
                           orNull(g.guestUntilMs),
                           orNull(g.decidedAtMs)});
}

Expected<bool, QString> DeviceGrantStore::bindAccount(const QString& id, const QString& accountId)
{
    return changedOne(m_database,
                      QStringLiteral("UPDATE device_grants SET account_id = ?"
                                     " WHERE id = ? AND account_id IS NULL AND state = 'pending'"),
                      {accountId, id});
}

Expected<Ok, QString> DeviceGrantStore::recordPoll(const QString& id, qint64 atMs, int intervalSeconds)
{
    return m_database.run(QStringLiteral("UPDATE device_grants SET last_poll_at = ?, interval_s = ? WHERE id = ?"),
                          {atMs, intervalSeconds, id});
}

Expected<bool, QString> DeviceGrantStore::decide(const DeviceGrant& g)
{
    return changedOne(m_database,
                      QStringLiteral("UPDATE device_grants SET state = ?, access = ?, guest_until = ?,"
                                     " decided_at = ? WHERE id = ? AND state = 'pending'"),
                      {g.state, orNull(g.access), orNull(g.guestUntilMs), orNull(g.decidedAtMs), g.id});
}

Expected<Ok, QString>
DeviceGrantStore::attachSession(const QString& id, const QString& sessionId, const QString& deviceId)
{
    return m_database.run(QStringLiteral("UPDATE device_grants SET session_id = ?, device_id = ? WHERE id = ?"),
                          {sessionId, deviceId, id});
}

Expected<bool, QString> DeviceGrantStore::markDelivered(const QString& id, qint64 atMs)
{
    return changedOne(m_database,
                      QStringLiteral("UPDATE device_grants SET state = 'delivered', last_poll_at = ?"
                                     " WHERE id = ? AND state = 'approved'"),
                      {atMs, id});
}

std::optional<DeviceGrant> DeviceGrantStore::one(const QString& where, const QVariant& value) const
{
    auto rows = m_database.exec(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM device_grants WHERE ") +
                                    where + QStringLiteral(" = ? LIMIT 1"),
                                {value});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    DeviceGrant grant = read(**rows);
    (*rows)->finish();
    return grant;
}

std::optional<DeviceGrant> DeviceGrantStore::byId(const QString& id) const
{
    return one(QStringLiteral("id"), id);
}

std::optional<DeviceGrant> DeviceGrantStore::byDeviceCodeHash(const QByteArray& hash) const
{
    return one(QStringLiteral("device_code_hash"), hash);
}

std::optional<DeviceGrant> DeviceGrantStore::byUserCodeHash(const QByteArray& hash) const
{
    // Two live codes never share a hash (the issuer draws again), but an expired one may: the
    // newest is the one a person typed.
    auto rows = m_database.exec(QStringLiteral("SELECT ") + columns +
                                    QStringLiteral(" FROM device_grants WHERE user_code_hash = ?"
                                                   " ORDER BY created_at DESC LIMIT 1"),
                                {hash});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    DeviceGrant grant = read(**rows);
    (*rows)->finish();
    return grant;
}

int DeviceGrantStore::countWaiting(const QString& ip, qint64 nowMs) const
{
    auto rows = ip.isEmpty() ? m_database.exec(QStringLiteral("SELECT COUNT(*) FROM device_grants"
                                                              " WHERE state = 'pending' AND expires_at > ?"),
                                               {nowMs})
                             : m_database.exec(QStringLiteral("SELECT COUNT(*) FROM device_grants"
                                                              " WHERE state = 'pending' AND expires_at > ? AND ip = ?"),
                                               {nowMs, ip});
    if (!rows || !(*rows)->next())
        return 0;
    const int count = (*rows)->value(0).toInt();
    (*rows)->finish();
    return count;
}

Expected<Ok, QString> DeviceGrantStore::purgeExpiredBefore(qint64 ms)
{
    return m_database.run(QStringLiteral("DELETE FROM device_grants WHERE expires_at < ?"), {ms});
}

} // namespace mockd
