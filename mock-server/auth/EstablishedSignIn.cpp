#include "auth/EstablishedSignIn.h"

#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/EstablishedCookieStore.h"
#include "store/Store.h"

namespace mockd {

void keepEstablished(Store& store,
                     const Clock& clock,
                     const QString& accountId,
                     const QString& sessionId,
                     const QByteArray& presentedHash,
                     const QByteArray& issuedHash)
{
    EstablishedCookieStore cookies(store.database());
    if (presentedHash.isEmpty() || !cookies.contains(presentedHash))
        return;
    SessionTrust trust = store.sessionTrust().of(sessionId);
    trust.confirmedAtMs = clock.nowMs();
    trust.confirmedBy = QStringLiteral("device_cookie");
    Transaction transaction(store.database());
    auto saved = store.sessionTrust().save(trust);
    if (saved && !issuedHash.isEmpty())
        saved = cookies.add(accountId, issuedHash, presentedHash);
    if (!saved || !transaction.commit()) {
        qCWarning(lcAuth) << "cannot keep an established computer's sign-in established:"
                          << (saved ? QStringLiteral("commit failed") : saved.error());
        (void)store.reload();
    }
}

} // namespace mockd
