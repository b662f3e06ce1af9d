#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace mockd {

class Clock;
class ThrottleStore;

// Growing delays after failed sign-ins (see AuthPolicy). A client without a valid device cookie
// is a stranger: counted per account (by the email given, so unknown and known accounts behave the
// same) and per client address (IPv6 by /64). A client with a valid device cookie for the account
// is counted only on that cookie, so strangers cannot lock the owner's devices out.
class LoginThrottle final
{
public:
    // The counters one attempt answers to; empty ones are not used.
    struct Keys
    {
        QString account;
        QString address;
        QString device;
    };

    LoginThrottle(ThrottleStore& store, const Clock& clock);

    // A stranger's attempt.
    static Keys keysFor(const QString& email, const QHostAddress& address);
    // An attempt with a valid device cookie (its SHA-256).
    static Keys keysForDevice(const QByteArray& cookieHash);
    // The delay after `failures` consecutive failures (0 while still free).
    static qint64 delaySeconds(int failures);

    // Seconds until an attempt may be made, 0 when it may be made now.
    qint64 retryAfter(const Keys& keys) const;
    // The counter that refuses the attempt (the device's, else the account's, else the address's),
    // empty when none does.
    QString blockingKey(const Keys& keys) const;
    void recordFailure(const Keys& keys);
    void recordSuccess(const Keys& keys);
    // Forgets counters that have been quiet for a whole window.
    void prune();

private:
    static QStringList used(const Keys& keys);
    qint64 retryAfter(const QString& key) const;
    void fail(const QString& key);

    ThrottleStore& m_store;
    const Clock& m_clock;
};

} // namespace mockd
