#include "auth/DeviceCookies.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/Store.h"

namespace mockd {

DeviceCookies::DeviceCookies(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

QByteArray DeviceCookies::validFor(const QString& accountId, const QString& cookie) const
{
    if (!Tokens::hasShape(Tokens::Kind::DeviceCookie, cookie))
        return {};
    QByteArray hash = Tokens::hash(cookie);
    // Looked up even for unknown accounts, so a cookie costs the same whatever the email.
    const auto stored = m_store.deviceCookies().byHash(hash);
    if (!stored || accountId.isEmpty() || stored->accountId != accountId || !Tokens::sameHash(stored->hash, hash) ||
        stored->expiresAtMs <= m_clock.nowMs())
        return {};
    return hash;
}

QString DeviceCookies::issue(const QString& accountId, const QByteArray& presentedHash)
{
    const qint64 now = m_clock.nowMs();
    QString cookie = Tokens::generate(Tokens::Kind::DeviceCookie);
    const DeviceCookie stored{Tokens::hash(cookie), accountId, now, now + AuthPolicy::deviceCookieSeconds * 1000};
    if (auto ok = m_store.deviceCookies().issue(stored, presentedHash, AuthPolicy::deviceCookiesPerAccount); !ok) {
        qCWarning(lcAuth) << "cannot store a device cookie:" << ok.error();
        return {};
    }
    return cookie;
}

} // namespace mockd
