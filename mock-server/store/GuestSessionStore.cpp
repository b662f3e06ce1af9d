#include "store/GuestSessionStore.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

GuestSessionStore::GuestSessionStore(Database& database, ChangeFeed& changes) : m_database(database), m_changes(changes)
{}

void GuestSessionStore::clearMemory()
{
    m_bySession.clear();
    m_sessionsByDevice.clear();
}

Expected<Ok, QString> GuestSessionStore::load()
{
    clearMemory();
    return read({}, {});
}

Expected<Ok, QString> GuestSessionStore::reloadDevice(const QString& deviceId)
{
    const QStringList known = m_sessionsByDevice.value(deviceId);
    for (const QString& sessionId : known)
        forget(sessionId);
    return read(QStringLiteral(" WHERE device_id = ?"), {deviceId});
}

Expected<Ok, QString> GuestSessionStore::read(const QString& where, const QVariantList& bindings)
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT session_id, account_id, device_id, until_at FROM guest_sessions") + where, bindings);
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

void GuestSessionStore::forget(const QString& sessionId)
{
    const GuestSession guest = m_bySession.take(sessionId);
    auto it = m_sessionsByDevice.find(guest.deviceId);
    if (it != m_sessionsByDevice.end()) {
        it->removeAll(sessionId);
        if (it->isEmpty())
            m_sessionsByDevice.erase(it);
    }
}

Expected<Ok, QString>
GuestSessionStore::write(const QString& deviceId, const QString& sql, const QVariantList& bindings)
{
    Transaction transaction(m_database);
    if (auto ok = m_database.run(sql, bindings); !ok)
        return ok;
    if (auto told = m_changes.publish(ChangeTopic::guest, deviceId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the guests of device %1").arg(deviceId));
    return Ok{};
}

Expected<Ok, QString> GuestSessionStore::add(const GuestSession& guest)
{
    auto ok = write(
        guest.deviceId,
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
    auto ok = write(
        deviceId, QStringLiteral("UPDATE guest_sessions SET until_at = ? WHERE device_id = ?"), {untilMs, deviceId});
    if (ok) {
        for (const QString& sessionId : m_sessionsByDevice.value(deviceId))
            m_bySession[sessionId].untilMs = untilMs;
    }
    return ok;
}

Expected<Ok, QString> GuestSessionStore::remove(const QString& sessionId)
{
    // Memory is kept in step with the database, so it knows the device to tell the others about.
    const QString deviceId = m_bySession.value(sessionId).deviceId;
    auto ok = write(deviceId, QStringLiteral("DELETE FROM guest_sessions WHERE session_id = ?"), {sessionId});
    if (ok)
        forget(sessionId);
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
