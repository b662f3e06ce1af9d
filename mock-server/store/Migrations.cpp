#include "store/Migrations.h"

#include "log/LogCategories.h"
#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/DeviceCookieStore.h"
#include "store/DeviceGrantStore.h"
#include "store/EventLog.h"
#include "store/FaultRuleTable.h"
#include "store/PendingSignOutStore.h"
#include "store/ProfileUsage.h"
#include "store/SecurityKeyStore.h"
#include "store/SessionTrustStore.h"
#include "store/ShortLivedTables.h"
#include "store/SupportCodeStore.h"

#include <QSqlQuery>

namespace mockd::Migrations {

namespace {

QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE accounts ("
                       " id TEXT PRIMARY KEY,"
                       " email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                       " display_name TEXT NOT NULL,"
                       " role TEXT NOT NULL DEFAULT 'holder' CHECK (role IN ('holder', 'support')),"
                       " password_hash TEXT NOT NULL,"
                       " email_verified INTEGER NOT NULL DEFAULT 1,"
                       " phone TEXT,"
                       " phone_verified INTEGER NOT NULL DEFAULT 0,"
                       " totp_secret TEXT,"
                       " totp_last_step INTEGER NOT NULL DEFAULT -1,"
                       " sms_two_step INTEGER NOT NULL DEFAULT 0,"
                       " not_before INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE profiles ("
                       " id TEXT PRIMARY KEY,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " kind TEXT NOT NULL DEFAULT 'adult' CHECK (kind IN ('adult', 'kids')),"
                       " avatar TEXT,"
                       " position INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX profiles_account ON profiles(account_id, position)"),
        QStringLiteral(
            "CREATE TABLE devices ("
            " id TEXT PRIMARY KEY,"
            " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
            " name TEXT NOT NULL,"
            " type TEXT NOT NULL"
            "  CHECK (type IN ('tv', 'phone', 'tablet', 'computer', 'console', 'browser', 'settopbox')),"
            " os TEXT, os_version TEXT, app TEXT, app_version TEXT,"
            " ip TEXT, city TEXT, region TEXT, country TEXT, country_code TEXT, latitude REAL, longitude REAL,"
            " first_sign_in INTEGER NOT NULL,"
            " last_active INTEGER NOT NULL,"
            " last_profile_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,"
            " status TEXT NOT NULL DEFAULT 'offline' CHECK (status IN ('streaming', 'paused', 'idle', 'offline')),"
            " status_title TEXT)"),
        QStringLiteral("CREATE INDEX devices_account ON devices(account_id)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " id TEXT PRIMARY KEY,"
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
                       " issued_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " auth_method TEXT NOT NULL,"
                       " ip TEXT,"
                       " last_seen_at INTEGER NOT NULL,"
                       " revoked_at INTEGER,"
                       " revoked_reason TEXT)"),
        QStringLiteral("CREATE INDEX sessions_account ON sessions(account_id)"),
        QStringLiteral("CREATE INDEX sessions_device ON sessions(device_id)"),
        QStringLiteral("CREATE TABLE access_tokens ("
                       " hash BLOB PRIMARY KEY,"
                       " session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                       " issued_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX access_tokens_session ON access_tokens(session_id)"),
        QStringLiteral("CREATE TABLE refresh_tokens ("
                       " hash BLOB PRIMARY KEY,"
                       " session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                       " issued_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " rotated_at INTEGER) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id)"),
        QStringLiteral("CREATE TABLE audit ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " account_id TEXT,"
                       " device_id TEXT,"
                       " at INTEGER NOT NULL,"
                       " type TEXT NOT NULL,"
                       " actor TEXT NOT NULL DEFAULT 'holder',"
                       " ip TEXT,"
                       " details TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE INDEX audit_account_at ON audit(account_id, at)"),
        QStringLiteral("CREATE INDEX audit_device_at ON audit(device_id, at)"),
        QStringLiteral("CREATE TABLE login_throttle ("
                       " key TEXT PRIMARY KEY,"
                       " failures INTEGER NOT NULL,"
                       " last_failure_at INTEGER NOT NULL,"
                       " blocked_until INTEGER NOT NULL) WITHOUT ROWID"),
    };
}

// Recovery codes: single use, only a hash is kept, so a stolen database cannot sign anyone in.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE recovery_codes ("
                       " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                       " hash BLOB NOT NULL,"
                       " salt BLOB NOT NULL,"
                       " used_at INTEGER,"
                       " PRIMARY KEY (account_id, hash)) WITHOUT ROWID"),
    };
}

// Auto sign-out of unused devices, per account: NULL = never.
QStringList version4()
{
    return {
        QStringLiteral("ALTER TABLE accounts ADD COLUMN auto_sign_out_days INTEGER"
                       " CHECK (auto_sign_out_days IS NULL OR auto_sign_out_days IN (30, 60, 90, 180, 365))"),
    };
}

Expected<int, QString> currentVersion(Database& database)
{
    if (auto created =
            database.run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        !created)
        return unexpected(created.error());
    auto query = database.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query)
        return unexpected(query.error());
    const int version = (*query)->next() ? (*query)->value(0).toInt() : 0;
    (*query)->finish();
    return version;
}

} // namespace

namespace {

QList<Step> stepsIn(SqlDialect dialect)
{
    return {{1, version1()},
            {2, version2()},
            {3, ProfileUsage::migration(dialect)},
            {4, version4()},
            {5, SupportCodeStore::migration()},
            {6, DeviceCookieStore::migration()},
            {7, SessionTrustStore::migration()},
            {8, DeviceGrantStore::migration()},
            {9, SecurityKeyStore::migration()},
            {10, ShortLivedTables::migration()},
            {11, ChangeFeed::migration()},
            {12, EventLog::migration() + FaultRuleTable::migration()},
            {13, PendingSignOutStore::migration()}};
}

} // namespace

const QList<Step>& steps(SqlDialect dialect)
{
    static const QList<Step> sqlite = stepsIn(SqlDialect::Sqlite);
    static const QList<Step> postgres = stepsIn(SqlDialect::Postgres);
    return dialect == SqlDialect::Postgres ? postgres : sqlite;
}

int latestVersion()
{
    return steps().constLast().version;
}

Expected<int, QString> apply(Database& database)
{
    // Several vigil-mockd may start on one database at once: one migrates, the others wait for it
    // (the lock ends with the transaction) and then find nothing to do.
    Transaction whole(database, Database::Lock::Setup);
    if (!whole.isActive())
        return unexpected(QStringLiteral("cannot lock the database for its migrations"));
    if (database.dialect() == SqlDialect::Postgres) {
        // SQLite's COLLATE NOCASE (case-insensitive e-mail addresses), by the same name.
        if (auto ok = database.run(QStringLiteral("CREATE COLLATION IF NOT EXISTS nocase (provider = icu,"
                                                  " locale = 'und-u-ks-level2', deterministic = false)"));
            !ok)
            return unexpected(QStringLiteral("cannot prepare the database: %1").arg(ok.error()));
    }
    auto before = currentVersion(database);
    if (!before)
        return before;
    if (*before > latestVersion())
        return unexpected(QStringLiteral("the database has schema version %1, newer than this vigil-mockd (%2)")
                              .arg(*before)
                              .arg(latestVersion()));
    for (const Step& step : steps(database.dialect())) {
        if (step.version <= *before)
            continue;
        Transaction transaction(database);
        for (const QString& statement : step.statements) {
            if (auto ok = database.run(statement); !ok)
                return unexpected(QStringLiteral("migration %1 failed: %2").arg(step.version).arg(ok.error()));
        }
        if (auto ok = database.run(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {step.version});
            !ok)
            return unexpected(ok.error());
        if (!transaction.commit())
            return unexpected(QStringLiteral("migration %1 could not be committed").arg(step.version));
        qCDebug(lcStore) << "database schema at version" << step.version;
    }
    if (!whole.commit())
        return unexpected(QStringLiteral("the migrations could not be committed"));
    return *before;
}

} // namespace mockd::Migrations
