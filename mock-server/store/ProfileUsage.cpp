#include "store/ProfileUsage.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

ProfileUsage::ProfileUsage(Database& database) : m_database(database) {}

QList<ProfileUsage::Row> ProfileUsage::forAccount(const QString& accountId) const
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT p.id, p.name, p.avatar, p.kind, p.last_device_id,"
                       " COALESCE(d.name, p.last_device_name), p.last_active_at"
                       " FROM profiles p LEFT JOIN devices d ON d.id = p.last_device_id AND d.account_id = p.account_id"
                       " WHERE p.account_id = ? ORDER BY p.position, p.id"),
        {accountId});
    if (!rows)
        return {};
    QSqlQuery& q = **rows;
    QList<Row> out;
    while (q.next()) {
        Row row;
        row.id = q.value(0).toString();
        row.name = q.value(1).toString();
        row.avatar = q.value(2).toString();
        row.kids = q.value(3).toString() == QLatin1String("kids");
        row.lastDeviceId = q.value(4).toString();
        row.lastDeviceName = q.value(5).toString();
        row.lastActiveMs = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
        out.append(row);
    }
    q.finish();
    return out;
}

QStringList ProfileUsage::migration(SqlDialect dialect)
{
    // A profile is "used" when a device reports playing with it (or is seeded with it); a device
    // that merely signs in, connects, goes offline or is signed out leaves the profile alone.
    // ON DELETE SET NULL is not used for the device: the name stays as it was when last used.
    const QString touch = QStringLiteral(
        " UPDATE profiles SET last_device_id = NEW.id, last_device_name = NEW.name, last_active_at = NEW.last_active"
        " WHERE id = NEW.last_profile_id AND account_id = NEW.account_id"
        " AND (last_active_at IS NULL OR last_active_at <= NEW.last_active);");
    const QString onInsert = QStringLiteral("NEW.last_profile_id IS NOT NULL");
    const QString onUpdate =
        QStringLiteral("NEW.last_profile_id IS NOT NULL AND NEW.status IN ('streaming', 'paused')");
    QStringList steps{
        QStringLiteral("ALTER TABLE profiles ADD COLUMN last_device_id TEXT"),
        QStringLiteral("ALTER TABLE profiles ADD COLUMN last_device_name TEXT"),
        QStringLiteral("ALTER TABLE profiles ADD COLUMN last_active_at INTEGER"),
    };
    if (dialect == SqlDialect::Postgres) {
        // PostgreSQL's triggers call a function instead of holding the statement.
        steps += {
            QStringLiteral("CREATE FUNCTION profiles_used() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN") + touch +
                QStringLiteral(" RETURN NULL; END $$"),
            QStringLiteral("CREATE TRIGGER profiles_used_on_insert AFTER INSERT ON devices FOR EACH ROW WHEN (") +
                onInsert + QStringLiteral(") EXECUTE FUNCTION profiles_used()"),
            QStringLiteral("CREATE TRIGGER profiles_used_on_update AFTER UPDATE OF last_profile_id, status, last_active"
                           " ON devices FOR EACH ROW WHEN (") +
                onUpdate + QStringLiteral(") EXECUTE FUNCTION profiles_used()"),
        };
    } else {
        steps += {
            QStringLiteral("CREATE TRIGGER profiles_used_on_insert AFTER INSERT ON devices WHEN ") + onInsert +
                QStringLiteral(" BEGIN") + touch + QStringLiteral(" END"),
            QStringLiteral("CREATE TRIGGER profiles_used_on_update AFTER UPDATE OF last_profile_id, status, last_active"
                           " ON devices WHEN ") +
                onUpdate + QStringLiteral(" BEGIN") + touch + QStringLiteral(" END"),
        };
    }
    // Databases created before this step: the newest device that names each profile.
    steps += QStringLiteral("UPDATE profiles SET (last_device_id, last_device_name, last_active_at) ="
                            " (SELECT d.id, d.name, d.last_active FROM devices d"
                            "  WHERE d.last_profile_id = profiles.id AND d.account_id = profiles.account_id"
                            "  ORDER BY d.last_active DESC LIMIT 1)");
    return steps;
}

} // namespace mockd
