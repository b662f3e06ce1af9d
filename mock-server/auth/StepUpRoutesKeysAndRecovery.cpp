// StepUpRoutes: the two methods answered off the common path. Recovery codes: argon2id on the
// HashingPool, the matching code spent on the main thread before the grant. Security keys: what a
// refused assertion is called, the audit of a counter that went backwards (a possibly cloned key),
// and recording a verified key's use.
#include "auth/HashingPool.h"
#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "auth/StepUpRoutes.h"
#include "base/Clock.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "securitykeys/AssertionCheck.h"
#include "store/Store.h"

namespace mockd {

void StepUpRoutes::verifyRecoveryCode(const RequestContext& context, const QString& handle, const QString& secret)
{
    const auto challenge = m_stepUp.find(handle);
    const QString normalized = StepUp::normalizeRecoveryCode(secret);
    QHash<QByteArray, QList<QByteArray>> hashesBySalt;
    for (const RecoveryCode& code : m_store.accounts().recoveryCodes(challenge->accountId)) {
        if (!code.isUsed())
            hashesBySalt[code.salt].append(code.hash);
    }
    // Not shaped like a code, or none left: a wrong try, without spending a hash on it.
    if (normalized.isEmpty() || hashesBySalt.isEmpty())
        return finishVerify(context, handle, false, -1);
    const bool queued = m_hasher.pool().run(
        this,
        [normalized, hashesBySalt] {
            QByteArray matched;
            for (auto it = hashesBySalt.cbegin(); it != hashesBySalt.cend() && matched.isEmpty(); ++it)
                matched = StepUp::matchingHash(it.value(), StepUp::recoveryCodeHash(it.key(), normalized));
            return matched;
        },
        [this, context, handle](const QByteArray& matched) { finishRecovery(context, handle, matched); });
    if (!queued)
        context.fail(HashingPool::busyError());
}

void StepUpRoutes::finishRecovery(const RequestContext& context, const QString& handle, const QByteArray& matchedHash)
{
    // Judged before the code is spent: a throttled try must not use it up.
    const auto challenge = judgeableChallenge(context, handle);
    if (!challenge)
        return;
    bool consumed = false;
    if (!matchedHash.isEmpty()) {
        // Consumed here, on the main thread, before the grant: a code used by a parallel request
        // in the meantime no longer matches.
        const auto used = m_store.accounts().useRecoveryCode(challenge->accountId, matchedHash, m_clock.nowMs());
        if (!used)
            return context.fail(ApiError::internal());
        consumed = *used;
    }
    finishVerify(context, handle, consumed, -1);
}

void StepUpRoutes::auditKeyFailure(const RequestContext& context, const AssertionCheck& key, QJsonObject& details)
{
    details.insert(QStringLiteral("reason"), key.reason());
    if (!key.key)
        return;
    details.insert(QStringLiteral("key_id"), key.key->id);
    if (key.outcome != AssertionCheck::Outcome::CounterRegressed)
        return;
    // A valid signature whose counter did not go up: two copies of the key may be in use. The
    // stored counter stays, so the copy that counts higher keeps working and this one does not.
    qCWarning(lcAuth) << "security key counter did not increase; possibly a cloned key:" << key.key->id;
    audit(context,
          QStringLiteral("security_key_counter_regressed"),
          {{QStringLiteral("key_id"), key.key->id},
           {QStringLiteral("name"), key.key->name},
           {QStringLiteral("stored_counter"), qint64(key.key->signCount)},
           {QStringLiteral("presented_counter"), qint64(key.signCount)}});
}

void StepUpRoutes::recordKeyUse(const AssertionCheck& key, QJsonObject& details)
{
    if (auto ok = m_store.securityKeys().recordUse(key.key->id, key.signCount, m_clock.nowMs()); !ok)
        qCWarning(lcAuth) << "cannot record a security key's use:" << ok.error();
    details.insert(QStringLiteral("key_id"), key.key->id);
    details.insert(QStringLiteral("key_name"), key.key->name);
    details.insert(QStringLiteral("user_verified"), key.userVerified);
}

QString StepUpRoutes::keyRefusalText(const AssertionCheck& key)
{
    switch (key.outcome) {
    case AssertionCheck::Outcome::UnknownCredential:
        return QStringLiteral("That security key is not one of this account's keys.");
    case AssertionCheck::Outcome::CounterRegressed:
        return QStringLiteral("That security key's counter went backwards, so it may have been copied. Use another "
                              "way to confirm, and check your keys.");
    case AssertionCheck::Outcome::Verified:
    case AssertionCheck::Outcome::Invalid:
        break;
    }
    return QStringLiteral("The security key's answer could not be verified.");
}

} // namespace mockd
