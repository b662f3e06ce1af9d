#pragma once

#include "base/Expected.h"
#include "store/AccountStore.h"
#include "store/AuditLog.h"
#include "store/ChangeFeed.h"
#include "store/DeviceCookieStore.h"
#include "store/DeviceGrantStore.h"
#include "store/DeviceListing.h"
#include "store/DeviceStore.h"
#include "store/GuestSessionStore.h"
#include "store/SecurityKeyStore.h"
#include "store/SessionStore.h"
#include "store/SessionTrustStore.h"
#include "store/SupportCodeStore.h"
#include "store/ThrottleStore.h"

#include <QString>
#include <memory>

namespace mockd {

class Database;

// The service's state: one database (migrated on open), the in-memory tables over it, and the feed
// that keeps them in step with other instances on the same database.
class Store final
{
public:
    static Expected<std::unique_ptr<Store>, QString> open(const QString& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database& database() { return *m_database; }
    // What other instances on the same database changed, and how this one tells them.
    ChangeFeed& changes() { return m_changes; }
    AccountStore& accounts() { return m_accounts; }
    const AccountStore& accounts() const { return m_accounts; }
    DeviceStore& devices() { return m_devices; }
    const DeviceStore& devices() const { return m_devices; }
    // Which devices are listed, kept up to date by the device and session stores.
    const DeviceListing& listing() const { return m_listing; }
    SessionStore& sessions() { return m_sessions; }
    const SessionStore& sessions() const { return m_sessions; }
    ThrottleStore& throttle() { return m_throttle; }
    AuditLog& audit() { return m_audit; }
    const AuditLog& audit() const { return m_audit; }
    SupportCodeStore& supportCodes() { return m_supportCodes; }
    const SupportCodeStore& supportCodes() const { return m_supportCodes; }
    DeviceCookieStore& deviceCookies() { return m_deviceCookies; }
    SessionTrustStore& sessionTrust() { return m_sessionTrust; }
    const SessionTrustStore& sessionTrust() const { return m_sessionTrust; }
    DeviceGrantStore& deviceGrants() { return m_deviceGrants; }
    GuestSessionStore& guests() { return m_guests; }
    const GuestSessionStore& guests() const { return m_guests; }
    SecurityKeyStore& securityKeys() { return m_securityKeys; }
    const SecurityKeyStore& securityKeys() const { return m_securityKeys; }

    // Reads every table into memory.
    Expected<Ok, QString> reload();
    // True when other processes may open the same database (not ":memory:").
    bool isShared() const { return m_shared; }
    // Security decisions see what every instance committed: on a shared database the feed is read
    // first (one range read on its primary key), so a session revoked elsewhere is refused at once,
    // and a token that memory does not know is looked up in the database before it is refused.
    const AccessToken* currentAccess(const QByteArray& hash);
    const RefreshToken* currentRefresh(const QByteArray& hash);
    // Deletes every row of every table (the schema stays) and empties memory.
    Expected<Ok, QString> wipe();
    bool isEmpty() const { return m_accounts.all().isEmpty(); }

    QString meta(const QString& key) const;
    Expected<Ok, QString> setMeta(const QString& key, const QString& value);

    void close();

private:
    explicit Store(std::unique_ptr<Database> database);
    // Another instance changed `key` under `topic`: read it again.
    void changedElsewhere(const QString& topic, const QString& key);

    std::unique_ptr<Database> m_database;
    ChangeFeed m_changes;
    bool m_shared = false;
    AccountStore m_accounts;
    DeviceListing m_listing;
    DeviceStore m_devices;
    SessionStore m_sessions;
    ThrottleStore m_throttle;
    AuditLog m_audit;
    SupportCodeStore m_supportCodes;
    DeviceCookieStore m_deviceCookies;
    SessionTrustStore m_sessionTrust;
    DeviceGrantStore m_deviceGrants;
    GuestSessionStore m_guests;
    SecurityKeyStore m_securityKeys;
};

} // namespace mockd
