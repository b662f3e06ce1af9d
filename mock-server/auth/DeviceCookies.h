#pragma once

#include <QByteArray>
#include <QString>

namespace mockd {

class Clock;
class Store;

// The OWASP "device cookie": a secret (vdc_…) handed to a client at each successful sign-in and
// presented at its next one, proving the client signed in to that account before. The login
// throttle counts such a client on the cookie alone (LoginThrottle::keysForDevice). The cookie is
// random and kept only as its SHA-256, like every other token.
class DeviceCookies final
{
public:
    DeviceCookies(Store& store, const Clock& clock);

    // The hash of `cookie` when it is a live cookie of `accountId`; empty when it is absent,
    // malformed, unknown, expired or another account's (the client is then a stranger).
    QByteArray validFor(const QString& accountId, const QString& cookie) const;
    // A new cookie for the account that replaces `presentedHash` (empty: none); empty when it could
    // not be stored (the sign-in still succeeds, the client just stays a stranger).
    QString issue(const QString& accountId, const QByteArray& presentedHash);

private:
    Store& m_store;
    const Clock& m_clock;
};

} // namespace mockd
