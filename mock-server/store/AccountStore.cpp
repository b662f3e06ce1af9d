#include "store/AccountStore.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace mockd {

namespace {

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

AccountStore::AccountStore(Database& database, ChangeFeed& changes) : m_database(database), m_changes(changes) {}

Expected<Ok, QString> AccountStore::load()
{
    clearMemory();
    if (auto ok = readAccounts({}, {}); !ok)
        return ok;
    if (auto ok = readProfiles({}, {}); !ok)
        return ok;
    return readRecoveryCodes({}, {});
}

Expected<Ok, QString> AccountStore::reload(const QString& accountId)
{
    m_profiles.remove(accountId);
    m_recoveryCodes.remove(accountId);
    const QString where = QStringLiteral(" WHERE account_id = ?");
    if (auto ok = readAccounts(QStringLiteral(" WHERE id = ?"), {accountId}); !ok)
        return ok;
    if (auto ok = readProfiles(where, {accountId}); !ok)
        return ok;
    return readRecoveryCodes(where, {accountId});
}

Expected<Ok, QString> AccountStore::readAccounts(const QString& where, const QVariantList& bindings)
{
    auto accounts = m_database.exec(
        QStringLiteral("SELECT id, email, display_name, role, password_hash, email_verified, phone, phone_verified,"
                       " totp_secret, totp_last_step, sms_two_step, not_before, created_at, auto_sign_out_days"
                       " FROM accounts") +
            where,
        bindings);
    if (!accounts)
        return unexpected(accounts.error());
    QSqlQuery& q = **accounts;
    while (q.next()) {
        Account account;
        account.id = q.value(0).toString();
        account.email = q.value(1).toString();
        account.displayName = q.value(2).toString();
        account.role = roleFromName(q.value(3).toString()).value_or(Role::Holder);
        account.passwordHash = q.value(4).toString();
        account.emailVerified = q.value(5).toBool();
        account.phone = q.value(6).toString();
        account.phoneVerified = q.value(7).toBool();
        account.totpSecret = q.value(8).toString();
        account.totpLastStep = q.value(9).toLongLong();
        account.smsTwoStep = q.value(10).toBool();
        account.notBeforeMs = q.value(11).toLongLong();
        account.createdAtMs = q.value(12).toLongLong();
        account.autoSignOutDays = q.value(13).isNull() ? 0 : q.value(13).toInt();
        m_idByEmail.insert(normalizeEmail(account.email), account.id);
        m_accounts.insert(account.id, account);
    }
    q.finish();
    return Ok{};
}

Expected<Ok, QString> AccountStore::readProfiles(const QString& where, const QVariantList& bindings)
{
    auto profiles = m_database.exec(
        QStringLiteral("SELECT id, account_id, name, kind, avatar, position, created_at FROM profiles") + where +
            QStringLiteral(" ORDER BY account_id, position"),
        bindings);
    if (!profiles)
        return unexpected(profiles.error());
    QSqlQuery& p = **profiles;
    while (p.next()) {
        Profile profile;
        profile.id = p.value(0).toString();
        profile.accountId = p.value(1).toString();
        profile.name = p.value(2).toString();
        profile.kind = p.value(3).toString();
        profile.avatar = p.value(4).toString();
        profile.position = p.value(5).toInt();
        profile.createdAtMs = p.value(6).toLongLong();
        m_profiles[profile.accountId].append(profile);
    }
    p.finish();
    return Ok{};
}

Expected<Ok, QString> AccountStore::readRecoveryCodes(const QString& where, const QVariantList& bindings)
{
    auto codes =
        m_database.exec(QStringLiteral("SELECT account_id, hash, salt, used_at FROM recovery_codes") + where, bindings);
    if (!codes)
        return unexpected(codes.error());
    QSqlQuery& c = **codes;
    while (c.next()) {
        RecoveryCode code;
        code.accountId = c.value(0).toString();
        code.hash = c.value(1).toByteArray();
        code.salt = c.value(2).toByteArray();
        code.usedAtMs = c.value(3).toLongLong();
        m_recoveryCodes[code.accountId].append(code);
    }
    c.finish();
    return Ok{};
}

Expected<Ok, QString> AccountStore::write(const QString& accountId, const QString& sql, const QVariantList& bindings)
{
    Transaction transaction(m_database);
    if (auto ok = m_database.run(sql, bindings); !ok)
        return ok;
    if (auto told = m_changes.publish(ChangeTopic::account, accountId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the change of account %1").arg(accountId));
    return Ok{};
}

void AccountStore::clearMemory()
{
    m_accounts.clear();
    m_idByEmail.clear();
    m_profiles.clear();
    m_recoveryCodes.clear();
}

const Account* AccountStore::byId(const QString& id) const
{
    const auto it = m_accounts.constFind(id);
    return it == m_accounts.constEnd() ? nullptr : &it.value();
}

const Account* AccountStore::byEmail(const QString& email) const
{
    const auto it = m_idByEmail.constFind(normalizeEmail(email));
    return it == m_idByEmail.constEnd() ? nullptr : byId(it.value());
}

QList<const Account*> AccountStore::all() const
{
    QList<const Account*> out;
    out.reserve(m_accounts.size());
    for (const Account& account : m_accounts)
        out.append(&account);
    return out;
}

Expected<Ok, QString> AccountStore::insert(const Account& account)
{
    auto ok = write(
        account.id,
        QStringLiteral("INSERT INTO accounts (id, email, display_name, role, password_hash, email_verified, phone,"
                       " phone_verified, totp_secret, totp_last_step, sms_two_step, not_before, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {account.id,
         account.email,
         account.displayName,
         roleName(account.role),
         account.passwordHash,
         account.emailVerified,
         nullable(account.phone),
         account.phoneVerified,
         nullable(account.totpSecret),
         account.totpLastStep,
         account.smsTwoStep,
         account.notBeforeMs,
         account.createdAtMs});
    if (!ok)
        return ok;
    m_idByEmail.insert(normalizeEmail(account.email), account.id);
    m_accounts.insert(account.id, account);
    return Ok{};
}

Expected<Ok, QString> AccountStore::insertProfile(const Profile& profile)
{
    auto ok = write(profile.accountId,
                    QStringLiteral("INSERT INTO profiles (id, account_id, name, kind, avatar, position,"
                                   " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {profile.id,
                     profile.accountId,
                     profile.name,
                     profile.kind,
                     nullable(profile.avatar),
                     profile.position,
                     profile.createdAtMs});
    if (!ok)
        return ok;
    m_profiles[profile.accountId].append(profile);
    return Ok{};
}

Expected<Ok, QString> AccountStore::setTotpLastStep(const QString& accountId, qint64 step)
{
    auto ok =
        write(accountId, QStringLiteral("UPDATE accounts SET totp_last_step = ? WHERE id = ?"), {step, accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end())
        it->totpLastStep = step;
    return Ok{};
}

Expected<Ok, QString> AccountStore::setPasswordHash(const QString& accountId, const QString& passwordHash)
{
    auto ok = write(
        accountId, QStringLiteral("UPDATE accounts SET password_hash = ? WHERE id = ?"), {passwordHash, accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end())
        it->passwordHash = passwordHash;
    return Ok{};
}

Expected<Ok, QString> AccountStore::setNotBefore(const QString& accountId, qint64 notBeforeMs)
{
    auto ok =
        write(accountId, QStringLiteral("UPDATE accounts SET not_before = ? WHERE id = ?"), {notBeforeMs, accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end())
        it->notBeforeMs = notBeforeMs;
    return Ok{};
}

Expected<Ok, QString> AccountStore::setAutoSignOutDays(const QString& accountId, int days)
{
    auto ok = write(accountId,
                    QStringLiteral("UPDATE accounts SET auto_sign_out_days = ? WHERE id = ?"),
                    {days > 0 ? QVariant(days) : QVariant(), accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end())
        it->autoSignOutDays = days;
    return Ok{};
}

Expected<Ok, QString> AccountStore::setSmsTwoStep(const QString& accountId, bool on)
{
    auto ok =
        write(accountId, QStringLiteral("UPDATE accounts SET sms_two_step = ? WHERE id = ?"), {on ? 1 : 0, accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end())
        it->smsTwoStep = on;
    return Ok{};
}

Expected<Ok, QString> AccountStore::setTotpSecret(const QString& accountId, const QString& secret, qint64 lastStep)
{
    auto ok = write(accountId,
                    QStringLiteral("UPDATE accounts SET totp_secret = ?, totp_last_step = ? WHERE id = ?"),
                    {nullable(secret), lastStep, accountId});
    if (!ok)
        return ok;
    if (auto it = m_accounts.find(accountId); it != m_accounts.end()) {
        it->totpSecret = secret;
        it->totpLastStep = lastStep;
    }
    return Ok{};
}

Expected<Ok, QString> AccountStore::deleteRecoveryCodes(const QString& accountId)
{
    auto ok = write(accountId, QStringLiteral("DELETE FROM recovery_codes WHERE account_id = ?"), {accountId});
    if (!ok)
        return ok;
    m_recoveryCodes.remove(accountId);
    return Ok{};
}

Expected<Ok, QString> AccountStore::insertRecoveryCode(const RecoveryCode& code)
{
    auto ok = write(code.accountId,
                    QStringLiteral("INSERT INTO recovery_codes (account_id, hash, salt, used_at) VALUES (?, ?, ?, ?)"),
                    {code.accountId, code.hash, code.salt, code.isUsed() ? QVariant(code.usedAtMs) : QVariant()});
    if (!ok)
        return ok;
    m_recoveryCodes[code.accountId].append(code);
    return Ok{};
}

qsizetype AccountStore::unusedRecoveryCodes(const QString& accountId) const
{
    const auto it = m_recoveryCodes.constFind(accountId);
    if (it == m_recoveryCodes.constEnd())
        return 0;
    return std::count_if(it->cbegin(), it->cend(), [](const RecoveryCode& code) { return !code.isUsed(); });
}

Expected<bool, QString> AccountStore::useRecoveryCode(const QString& accountId, const QByteArray& hash, qint64 atMs)
{
    auto it = m_recoveryCodes.find(accountId);
    if (it == m_recoveryCodes.end())
        return false;
    for (RecoveryCode& code : *it) {
        if (code.isUsed() || code.hash != hash)
            continue;
        // Another instance may have used it a moment ago: only the write that changed the row wins.
        Transaction transaction(m_database);
        auto used = m_database.exec(QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND"
                                                   " hash = ? AND used_at IS NULL RETURNING hash"),
                                    {atMs, accountId, hash});
        if (!used)
            return unexpected(used.error());
        const bool changed = (*used)->next();
        (*used)->finish();
        if (changed) {
            if (auto told = m_changes.publish(ChangeTopic::account, accountId); !told)
                return unexpected(told.error());
        }
        if (!transaction.commit())
            return unexpected(QStringLiteral("could not commit the use of a recovery code"));
        code.usedAtMs = atMs;
        return changed;
    }
    return false;
}

qsizetype AccountStore::profilesCount(const QString& accountId) const
{
    const auto it = m_profiles.constFind(accountId);
    return it == m_profiles.constEnd() ? 0 : it->size();
}

} // namespace mockd
