#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QHash>
#include <QList>

namespace mockd {

class ChangeFeed;
class Database;

// Accounts and their profiles, all kept in memory and written through to SQLite. Pointers
// returned stay valid until the next change to this store. Each change is published on the feed
// (topic "account", the account id; profiles and recovery codes included) so other instances reload
// that account.
class AccountStore final
{
public:
    AccountStore(Database& database, ChangeFeed& changes);

    Expected<Ok, QString> load();
    void clearMemory();
    // Reads one account, its profiles and recovery codes again (another instance changed them).
    Expected<Ok, QString> reload(const QString& accountId);

    const Account* byId(const QString& id) const;
    // Case-insensitive; surrounding spaces ignored.
    const Account* byEmail(const QString& email) const;
    QList<const Account*> all() const;

    Expected<Ok, QString> insert(const Account& account);
    Expected<Ok, QString> insertProfile(const Profile& profile);
    Expected<Ok, QString> setTotpLastStep(const QString& accountId, qint64 step);
    Expected<Ok, QString> setNotBefore(const QString& accountId, qint64 notBeforeMs);
    // 0 turns the automatic sign-out of unused devices off.
    Expected<Ok, QString> setAutoSignOutDays(const QString& accountId, int days);
    // Text message codes as a 2-step fallback (the phone must be verified; the route checks).
    Expected<Ok, QString> setSmsTwoStep(const QString& accountId, bool on);
    Expected<Ok, QString> setPasswordHash(const QString& accountId, const QString& passwordHash);
    // Turns the authenticator app on (base32 secret) or off (empty); the replay guard restarts.
    Expected<Ok, QString> setTotpSecret(const QString& accountId, const QString& secret, qint64 lastStep);

    Expected<Ok, QString> insertRecoveryCode(const RecoveryCode& code);
    QList<RecoveryCode> recoveryCodes(const QString& accountId) const { return m_recoveryCodes.value(accountId); }
    qsizetype unusedRecoveryCodes(const QString& accountId) const;
    Expected<Ok, QString> deleteRecoveryCodes(const QString& accountId);
    // Marks the code with this hash used; false when it is unknown or was used before (a code
    // works once, also under two parallel requests: both end here, on the main thread).
    Expected<bool, QString> useRecoveryCode(const QString& accountId, const QByteArray& hash, qint64 atMs);

    QList<Profile> profiles(const QString& accountId) const { return m_profiles.value(accountId); }
    qsizetype profilesCount(const QString& accountId) const;

    static QString normalizeEmail(const QString& email) { return email.trimmed().toLower(); }

private:
    // `where` selects the rows (empty: all); one reader per table serves load() and reload().
    Expected<Ok, QString> readAccounts(const QString& where, const QVariantList& bindings);
    Expected<Ok, QString> readProfiles(const QString& where, const QVariantList& bindings);
    Expected<Ok, QString> readRecoveryCodes(const QString& where, const QVariantList& bindings);
    // Runs one change of the account's rows and publishes it, in one transaction.
    Expected<Ok, QString> write(const QString& accountId, const QString& sql, const QVariantList& bindings);

    Database& m_database;
    ChangeFeed& m_changes;
    QHash<QString, Account> m_accounts;
    QHash<QString, QString> m_idByEmail;
    QHash<QString, QList<Profile>> m_profiles;
    QHash<QString, QList<RecoveryCode>> m_recoveryCodes;
};

} // namespace mockd
