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

Expected<ThrottleState, QString>
ThrottleStore::countFailure(const QString& key, qint64 nowMs, qint64 windowMs, Quiet quiet)
{
    // Table-qualified names: PostgreSQL finds a bare column name ambiguous next to `excluded`.
    const QString quietSince =
        quiet == Quiet::SinceWaitEnded
            ? QStringLiteral("CASE WHEN login_throttle.blocked_until > login_throttle.last_failure_at"
                             " THEN login_throttle.blocked_until ELSE login_throttle.last_failure_at END")
            : QStringLiteral("login_throttle.last_failure_at");
    const QString stillBlocked =
        quiet == Quiet::SinceWaitEnded ? QStringLiteral("0 = 1") : QStringLiteral("login_throttle.blocked_until > ?");
    QVariantList bindings{key, nowMs, nowMs, windowMs};
    if (quiet == Quiet::SinceLastFailure)
        bindings.append(nowMs);
    auto rows = m_database.exec(
        QStringLiteral("INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES (?, 1, ?, 0)"
                       " ON CONFLICT(key) DO UPDATE SET failures = CASE WHEN login_throttle.failures > 0 AND ? - ") +
            quietSince + QStringLiteral(" > ? AND NOT (") + stillBlocked +
            QStringLiteral(
                ") THEN 1 ELSE login_throttle.failures + 1 END,"
                " last_failure_at = excluded.last_failure_at RETURNING failures, last_failure_at, blocked_until"),
        bindings);
    if (!rows)
        return unexpected(rows.error());
    ThrottleState state;
    state.key = key;
    if ((*rows)->next()) {
        state.failures = (*rows)->value(0).toInt();
        state.lastFailureMs = (*rows)->value(1).toLongLong();
        state.blockedUntilMs = (*rows)->value(2).toLongLong();
    }
    (*rows)->finish();
    return state;
}

Expected<Ok, QString> ThrottleStore::blockUntil(const QString& key, qint64 untilMs)
{
    return m_database.run(
        QStringLiteral("UPDATE login_throttle SET blocked_until = ? WHERE key = ? AND blocked_until < ?"),
        {untilMs, key, untilMs});
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
