#include "store/Store.h"

#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/ShortLivedTables.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

Store::Store(std::unique_ptr<Database> database)
    : m_database(std::move(database)), m_changes(*m_database),
      m_shared(m_database->dialect() == SqlDialect::Postgres || m_database->path() != QLatin1String(":memory:")),
      m_accounts(*m_database, m_changes), m_devices(*m_database, m_listing, m_changes),
      m_sessions(*m_database, m_listing, m_changes), m_throttle(*m_database), m_audit(*m_database),
      m_supportCodes(*m_database), m_deviceCookies(*m_database), m_sessionTrust(*m_database, m_changes),
      m_deviceGrants(*m_database), m_guests(*m_database, m_changes), m_securityKeys(*m_database)
{
    QObject::connect(&m_changes, &ChangeFeed::changed, &m_changes, [this](const QString& topic, const QString& key) {
        changedElsewhere(topic, key);
    });
}

void Store::changedElsewhere(const QString& topic, const QString& key)
{
    Expected<Ok, QString> reloaded = Ok{};
    if (topic == ChangeTopic::session)
        reloaded = m_sessions.reload(key);
    else if (topic == ChangeTopic::device)
        reloaded = m_devices.reload(key);
    else if (topic == ChangeTopic::account)
        reloaded = m_accounts.reload(key);
    else if (topic == ChangeTopic::sessionTrust)
        reloaded = m_sessionTrust.reload(key);
    else if (topic == ChangeTopic::guest)
        reloaded = m_guests.reloadDevice(key);
    if (!reloaded)
        qCWarning(lcStore) << "could not reload" << topic << key << reloaded.error();
}

const AccessToken* Store::currentAccess(const QByteArray& hash)
{
    if (!m_shared)
        return m_sessions.access(hash);
    m_changes.catchUp();
    return m_sessions.accessReadThrough(hash);
}

const RefreshToken* Store::currentRefresh(const QByteArray& hash)
{
    if (!m_shared)
        return m_sessions.refresh(hash);
    m_changes.catchUp();
    return m_sessions.refreshReadThrough(hash);
}

Store::~Store() = default;

Expected<std::unique_ptr<Store>, QString> Store::open(const QString& path)
{
    auto database = Database::open(path);
    if (!database)
        return unexpected(database.error());
    if (auto migrated = Migrations::apply(**database); !migrated)
        return unexpected(migrated.error());
    std::unique_ptr<Store> store(new Store(std::move(*database)));
    // Before the tables are read: a change committed meanwhile is applied twice, never missed.
    if (auto started = store->m_changes.start(); !started)
        return unexpected(started.error());
    if (auto loaded = store->reload(); !loaded)
        return unexpected(loaded.error());
    return store;
}

Expected<Ok, QString> Store::reload()
{
    for (auto* load : {+[](Store& s) { return s.m_accounts.load(); },
                       +[](Store& s) { return s.m_devices.load(); },
                       +[](Store& s) { return s.m_sessions.load(); },
                       +[](Store& s) { return s.m_sessionTrust.load(); },
                       +[](Store& s) { return s.m_guests.load(); }}) {
        if (auto ok = load(*this); !ok)
            return ok;
    }
    m_listing.rebuild(m_devices, m_sessions);
    return Ok{};
}

Expected<Ok, QString> Store::wipe()
{
    Transaction transaction(*m_database);
    for (const char* table : ShortLivedTables::tables()) {
        if (auto ok = m_database->run(QStringLiteral("DELETE FROM ") + QLatin1String(table)); !ok)
            return ok;
    }
    // Children before parents, so foreign keys never object. pending_signouts: store/PendingSignOutStore.
    for (const char* table : {"pending_signouts",
                              "security_keys",
                              "guest_sessions",
                              "device_grants",
                              "support_codes",
                              "device_cookies",
                              "session_trust",
                              "established_cookies",
                              "access_tokens",
                              "refresh_tokens",
                              "recovery_codes",
                              "sessions",
                              "devices",
                              "profiles",
                              "accounts",
                              "audit",
                              "login_throttle"}) {
        if (auto ok = m_database->run(QStringLiteral("DELETE FROM ") + QLatin1String(table)); !ok)
            return ok;
    }
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the wipe"));
    m_accounts.clearMemory();
    m_devices.clearMemory();
    m_sessions.clearMemory();
    m_listing.clear();
    m_sessionTrust.clearMemory();
    m_guests.clearMemory();
    return Ok{};
}

Expected<bool, QString> Store::fillIfEmpty(const std::function<Expected<Ok, QString>()>& fill)
{
    bool empty = false;
    {
        Transaction transaction(*m_database, Database::Lock::Setup);
        if (!transaction.isActive())
            return unexpected(QStringLiteral("cannot lock the database to seed it"));
        auto accounts = m_database->exec(QStringLiteral("SELECT COUNT(*) FROM accounts"));
        if (!accounts)
            return unexpected(accounts.error());
        empty = (*accounts)->next() && (*accounts)->value(0).toLongLong() == 0;
        (*accounts)->finish();
        if (empty) {
            if (auto filled = fill(); !filled)
                return unexpected(filled.error());
        }
        if (!transaction.commit())
            return unexpected(QStringLiteral("could not commit the seeding"));
    }
    // Another instance filled it after this one read the tables.
    if (!empty && isEmpty()) {
        if (auto loaded = reload(); !loaded)
            return unexpected(loaded.error());
    }
    return empty;
}

QString Store::meta(const QString& key) const
{
    auto rows = m_database->exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!rows || !(*rows)->next())
        return {};
    QString value = (*rows)->value(0).toString();
    (*rows)->finish();
    return value;
}

Expected<Ok, QString> Store::setMeta(const QString& key, const QString& value)
{
    return m_database->run(
        QStringLiteral(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {key, value});
}

void Store::close()
{
    m_database->close();
}

} // namespace mockd
