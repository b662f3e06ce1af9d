#pragma once

#include <QString>

namespace mockd {

class Clock;
class ThrottleStore;

// How many wrong step-up secrets an account and a session may give (see AuthPolicy): one budget
// across every method and challenge, kept in the ThrottleStore next to the sign-in counters, so
// neither a new challenge nor a restart of the service resets it.
class StepUpBudget final
{
public:
    struct Keys
    {
        QString account;
        QString session;
    };

    StepUpBudget(ThrottleStore& store, const Clock& clock);

    static Keys keysFor(const QString& accountId, const QString& sessionId);
    // The wait after `failures` wrong secrets in a row (0 while still free).
    static qint64 delaySeconds(int failures);

    // Seconds until a secret may be tried again (0 = now): the longer of the two waits.
    qint64 retryAfter(const Keys& keys) const;
    // Counts a wrong secret against both; returns the wait it starts (0 while still free).
    qint64 recordFailure(const Keys& keys);
    // The holder proved it: the account and this session start afresh.
    void recordSuccess(const Keys& keys);

private:
    qint64 retryAfter(const QString& key) const;
    void fail(const QString& key);

    ThrottleStore& m_store;
    const Clock& m_clock;
};

} // namespace mockd
