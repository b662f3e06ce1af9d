#include "store/ThrottleStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

ThrottleStore::ThrottleStore(Database& database) : m_database(database) {}

Expected<Ok, QString> ThrottleStore::load()
{
    clearMemory();
    auto rows =
        m_database.exec(QStringLiteral("SELECT key, failures, last_failure_at, blocked_until FROM login_throttle"));
    if (!rows)
        return unexpected(rows.error());
    QSqlQuery& q = **rows;
    while (q.next()) {
        ThrottleState state{
            q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toLongLong()};
        m_states.insert(state.key, state);
    }
    q.finish();
    return Ok{};
}

void ThrottleStore::clearMemory()
{
    m_states.clear();
}

ThrottleState ThrottleStore::get(const QString& key) const
{
    const auto it = m_states.constFind(key);
    if (it != m_states.constEnd())
        return it.value();
    ThrottleState state;
    state.key = key;
    return state;
}

Expected<Ok, QString> ThrottleStore::put(const ThrottleState& state)
{
    auto ok = m_database.run(QStringLiteral("INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until)"
                                            " VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET"
                                            " failures = excluded.failures, last_failure_at = excluded.last_failure_at,"
                                            " blocked_until = excluded.blocked_until"),
                             {state.key, state.failures, state.lastFailureMs, state.blockedUntilMs});
    if (!ok)
        return ok;
    m_states.insert(state.key, state);
    return Ok{};
}

Expected<Ok, QString> ThrottleStore::remove(const QString& key)
{
    if (!m_states.contains(key))
        return Ok{};
    auto ok = m_database.run(QStringLiteral("DELETE FROM login_throttle WHERE key = ?"), {key});
    if (!ok)
        return ok;
    m_states.remove(key);
    return Ok{};
}

Expected<Ok, QString> ThrottleStore::prune(qint64 cutoffMs, qint64 nowMs)
{
    auto ok =
        m_database.run(QStringLiteral("DELETE FROM login_throttle WHERE last_failure_at < ? AND blocked_until <= ?"),
                       {cutoffMs, nowMs});
    if (!ok)
        return ok;
    m_states.removeIf([cutoffMs, nowMs](const auto& it) {
        return it.value().lastFailureMs < cutoffMs && it.value().blockedUntilMs <= nowMs;
    });
    return Ok{};
}

} // namespace mockd
