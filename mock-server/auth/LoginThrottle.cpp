#include "auth/LoginThrottle.h"

#include "auth/AuthPolicy.h"
#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/ThrottleStore.h"

namespace mockd {

LoginThrottle::LoginThrottle(ThrottleStore& store, const Clock& clock) : m_store(store), m_clock(clock) {}

LoginThrottle::Keys LoginThrottle::keysFor(const QString& email, const QHostAddress& address)
{
    QString where;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        where = QHostAddress(v4).toString();
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        // One person usually owns a whole /64.
        Q_IPV6ADDR bytes = address.toIPv6Address();
        for (int i = 8; i < 16; ++i)
            bytes[i] = 0;
        where = QHostAddress(bytes).toString() + QStringLiteral("/64");
    } else {
        where = address.toString();
    }
    return {QStringLiteral("account:") + email.trimmed().toLower(), QStringLiteral("address:") + where, QString()};
}

LoginThrottle::Keys LoginThrottle::keysForDevice(const QByteArray& cookieHash)
{
    return {QString(), QString(), QStringLiteral("device:") + QString::fromLatin1(cookieHash.toHex())};
}

QStringList LoginThrottle::used(const Keys& keys)
{
    QStringList out;
    for (const QString& key : {keys.account, keys.address, keys.device}) {
        if (!key.isEmpty())
            out.append(key);
    }
    return out;
}

qint64 LoginThrottle::delaySeconds(int failures)
{
    if (failures < AuthPolicy::throttleFreeFailures)
        return 0;
    const int doublings = qMin(failures - AuthPolicy::throttleFreeFailures, 20);
    return qMin(AuthPolicy::throttleBaseDelaySeconds << doublings, AuthPolicy::throttleMaxDelaySeconds);
}

qint64 LoginThrottle::retryAfter(const QString& key) const
{
    if (key.isEmpty())
        return 0;
    const qint64 remainingMs = m_store.get(key).blockedUntilMs - m_clock.nowMs();
    return remainingMs > 0 ? (remainingMs + 999) / 1000 : 0;
}

qint64 LoginThrottle::retryAfter(const Keys& keys) const
{
    qint64 wait = 0;
    for (const QString& key : used(keys))
        wait = qMax(wait, retryAfter(key));
    return wait;
}

QString LoginThrottle::blockingKey(const Keys& keys) const
{
    // A fixed order, not the longest wait: two counters blocked by the same failures end within a
    // millisecond of each other, and the answer must not flip between them.
    for (const QString& key : {keys.device, keys.account, keys.address}) {
        if (retryAfter(key) > 0)
            return key;
    }
    return {};
}

void LoginThrottle::fail(const QString& key)
{
    const qint64 now = m_clock.nowMs();
    const auto state = m_store.countFailure(
        key, now, AuthPolicy::throttleWindowSeconds * 1000, ThrottleStore::Quiet::SinceLastFailure);
    if (!state) {
        qCWarning(lcAuth) << "cannot record a failed sign-in:" << state.error();
        return;
    }
    if (const qint64 delay = delaySeconds(state->failures); delay > 0) {
        if (auto ok = m_store.blockUntil(key, now + delay * 1000); !ok)
            qCWarning(lcAuth) << "cannot record a failed sign-in:" << ok.error();
    }
}

void LoginThrottle::recordFailure(const Keys& keys)
{
    for (const QString& key : used(keys))
        fail(key);
}

void LoginThrottle::recordSuccess(const Keys& keys)
{
    for (const QString& key : used(keys)) {
        if (auto ok = m_store.remove(key); !ok)
            qCWarning(lcAuth) << "cannot clear a sign-in counter:" << ok.error();
    }
}

void LoginThrottle::prune()
{
    const qint64 now = m_clock.nowMs();
    if (auto ok = m_store.prune(now - AuthPolicy::throttleWindowSeconds * 1000, now); !ok)
        qCWarning(lcAuth) << "cannot prune sign-in counters:" << ok.error();
}

} // namespace mockd
