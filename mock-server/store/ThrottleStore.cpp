#include "store/ThrottleStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

ThrottleStore::ThrottleStore(Database& database) : m_database(database) {}

ThrottleState ThrottleStore::get(const QString& key) const
{
    ThrottleState state;
    state.key = key;
    auto rows = m_database.exec(
        QStringLiteral("SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE key = ?"), {key});
    if (!rows)
        return state;
    if ((*rows)->next()) {
        state.failures = (*rows)->value(0).toInt();
        state.lastFailureMs = (*rows)->value(1).toLongLong();
        state.blockedUntilMs = (*rows)->value(2).toLongLong();
    }
    (*rows)->finish();
    return state;
}

Expected<Ok, QString> ThrottleStore::put(const ThrottleState& state)
{
    return m_database.run(QStringLiteral("INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until)"
                                         " VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET"
                                         " failures = excluded.failures, last_failure_at = excluded.last_failure_at,"
                                         " blocked_until = excluded.blocked_until"),
                          {state.key, state.failures, state.lastFailureMs, state.blockedUntilMs});
}

Expected<Ok, QString> ThrottleStore::remove(const QString& key)
{
    return m_database.run(QStringLiteral("DELETE FROM login_throttle WHERE key = ?"), {key});
}

Expected<Ok, QString> ThrottleStore::prune(qint64 cutoffMs, qint64 nowMs)
{
    return m_database.run(QStringLiteral("DELETE FROM login_throttle WHERE last_failure_at < ? AND blocked_until <= ?"),
                          {cutoffMs, nowMs});
}

} // namespace mockd
