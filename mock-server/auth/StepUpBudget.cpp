#include "auth/StepUpBudget.h"

#include "auth/AuthPolicy.h"
#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/ThrottleStore.h"

namespace mockd {

StepUpBudget::StepUpBudget(ThrottleStore& store, const Clock& clock) : m_store(store), m_clock(clock) {}

StepUpBudget::Keys StepUpBudget::keysFor(const QString& accountId, const QString& sessionId)
{
    // Prefixes that sign-in keys ("account:", "address:") never have.
    return {QStringLiteral("step-up-account:") + accountId, QStringLiteral("step-up-session:") + sessionId};
}

qint64 StepUpBudget::delaySeconds(int failures)
{
    if (failures <= AuthPolicy::stepUpFreeFailures)
        return 0;
    const int doublings = qMin(failures - AuthPolicy::stepUpFreeFailures - 1, 20);
    return qMin(AuthPolicy::stepUpBaseDelaySeconds << doublings, AuthPolicy::stepUpMaxDelaySeconds);
}

qint64 StepUpBudget::retryAfter(const QString& key) const
{
    const qint64 remainingMs = m_store.get(key).blockedUntilMs - m_clock.nowMs();
    return remainingMs > 0 ? (remainingMs + 999) / 1000 : 0;
}

qint64 StepUpBudget::retryAfter(const Keys& keys) const
{
    return qMax(retryAfter(keys.account), retryAfter(keys.session));
}

void StepUpBudget::fail(const QString& key)
{
    const qint64 now = m_clock.nowMs();
    // Quiet is measured from the end of the last wait, not from the last failure: otherwise a wait
    // longer than the window would hand out a fresh free budget as soon as it ended.
    const auto state =
        m_store.countFailure(key, now, AuthPolicy::stepUpWindowSeconds * 1000, ThrottleStore::Quiet::SinceWaitEnded);
    if (!state) {
        qCWarning(lcAuth) << "cannot record a failed step-up:" << state.error();
        return;
    }
    if (const qint64 delay = delaySeconds(state->failures); delay > 0) {
        if (auto ok = m_store.blockUntil(key, now + delay * 1000); !ok)
            qCWarning(lcAuth) << "cannot record a failed step-up:" << ok.error();
    }
}

qint64 StepUpBudget::recordFailure(const Keys& keys)
{
    fail(keys.account);
    fail(keys.session);
    return retryAfter(keys);
}

void StepUpBudget::recordSuccess(const Keys& keys)
{
    for (const QString& key : {keys.account, keys.session}) {
        if (auto ok = m_store.remove(key); !ok)
            qCWarning(lcAuth) << "cannot clear a step-up counter:" << ok.error();
    }
}

} // namespace mockd
