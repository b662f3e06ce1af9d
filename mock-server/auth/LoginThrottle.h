#pragma once

#include <QHostAddress>
#include <QString>

namespace mockd {

class Clock;
class ThrottleStore;

// Growing delays after failed sign-ins, counted per account (by the email given, so unknown and
// known accounts behave the same) and per client address (IPv6 by /64). See AuthPolicy.
class LoginThrottle final
{
public:
    struct Keys
    {
        QString account;
        QString address;
    };

    LoginThrottle(ThrottleStore& store, const Clock& clock);

    static Keys keysFor(const QString& email, const QHostAddress& address);
    // The delay after `failures` consecutive failures (0 while still free).
    static qint64 delaySeconds(int failures);

    // Seconds until an attempt may be made, 0 when it may be made now.
    qint64 retryAfter(const Keys& keys) const;
    void recordFailure(const Keys& keys);
    void recordSuccess(const Keys& keys);
    // Forgets counters that have been quiet for a whole window.
    void prune();

private:
    qint64 retryAfter(const QString& key) const;
    void fail(const QString& key);

    ThrottleStore& m_store;
    const Clock& m_clock;
};

} // namespace mockd
