#include "store/GuestSessionStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

GuestSessionStore::GuestSessionStore(Database& database) : m_database(database) {}

void GuestSessionStore::clearMemory()
{
    m_bySession.clear();
    m_sessionsByDevice.clear();
}

Expected<Ok, QString> GuestSessionStore::load()
{
    clearMemory();
    auto rows =
        m_database.exec(QStringLiteral("SELECT session_id, account_id, device_id, until_at FROM guest_sessions"));
    if (!rows)
        return unexpected(rows.error());
    QSqlQuery& q = **rows;
    while (q.next()) {
        const GuestSession guest{
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
        m_bySession.insert(guest.sessionId, guest);
        m_sessionsByDevice[guest.deviceId].append(guest.sessionId);
    }
    q.finish();
    return Ok{};
}

Expected<Ok, QString> GuestSessionStore::add(const GuestSession& guest)
{
    auto ok = m_database.run(
        QStringLiteral("INSERT INTO guest_sessions (session_id, account_id, device_id, until_at) VALUES (?, ?, ?, ?)"),
        {guest.sessionId, guest.accountId, guest.deviceId, guest.untilMs});
    if (ok) {
        m_bySession.insert(guest.sessionId, guest);
        m_sessionsByDevice[guest.deviceId].append(guest.sessionId);
    }
    return ok;
}

Expected<Ok, QString> GuestSessionStore::setDeviceUntil(const QString& deviceId, qint64 untilMs)
{
    auto ok = m_database.run(QStringLiteral("UPDATE guest_sessions SET until_at = ? WHERE device_id = ?"),
                             {untilMs, deviceId});
    if (ok) {
        for (const QString& sessionId : m_sessionsByDevice.value(deviceId))
            m_bySession[sessionId].untilMs = untilMs;
    }
    return ok;
}

Expected<Ok, QString> GuestSessionStore::remove(const QString& sessionId)
{
    auto ok = m_database.run(QStringLiteral("DELETE FROM guest_sessions WHERE session_id = ?"), {sessionId});
    if (ok) {
        const GuestSession guest = m_bySession.take(sessionId);
        auto it = m_sessionsByDevice.find(guest.deviceId);
        if (it != m_sessionsByDevice.end()) {
            it->removeAll(sessionId);
            if (it->isEmpty())
                m_sessionsByDevice.erase(it);
        }
    }
    return ok;
}

qint64 GuestSessionStore::deviceUntil(const QString& deviceId) const
{
    qint64 until = 0;
    for (const QString& sessionId : m_sessionsByDevice.value(deviceId))
        until = qMax(until, m_bySession.value(sessionId).untilMs);
    return until;
}

} // namespace mockd
