#include "account/RecoveryCodeMaker.h"

#include "auth/StepUp.h"
#include "log/LogCategories.h"
#include "store/Store.h"

#include <sodium.h>

namespace mockd {

namespace {

// "abcd-efgh-jk12": 12 characters of [a-z0-9] (about 62 bits), the scenario's format.
QString newRecoveryCode()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]));
    }
    return code;
}

} // namespace

RecoveryCodeSet RecoveryCodeMaker::make()
{
    RecoveryCodeSet set;
    set.salt = StepUp::newRecoverySalt();
    for (int i = 0; i < count; ++i) {
        const QString code = newRecoveryCode();
        const QByteArray hash = StepUp::recoveryCodeHash(set.salt, StepUp::normalizeRecoveryCode(code));
        if (hash.isEmpty())
            return {};
        set.codes.append(code);
        set.hashes.append(hash);
    }
    return set;
}

bool RecoveryCodeMaker::replace(Store& store, const QString& accountId, const RecoveryCodeSet& set)
{
    if (set.isEmpty())
        return false;
    if (auto deleted = store.accounts().deleteRecoveryCodes(accountId); !deleted) {
        qCWarning(lcAuth) << "cannot delete recovery codes:" << deleted.error();
        return false;
    }
    for (const QByteArray& hash : set.hashes) {
        RecoveryCode record;
        record.accountId = accountId;
        record.salt = set.salt;
        record.hash = hash;
        if (auto inserted = store.accounts().insertRecoveryCode(record); !inserted) {
            qCWarning(lcAuth) << "cannot store a recovery code:" << inserted.error();
            return false;
        }
    }
    return true;
}

} // namespace mockd
