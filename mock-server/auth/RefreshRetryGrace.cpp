#include "auth/RefreshRetryGrace.h"

namespace mockd {

void RefreshRetryGrace::remember(const QByteArray& usedRefreshHash, Answer answer)
{
    forget(answer.atMs);
    m_answers.emplace(usedRefreshHash, std::move(answer));
    m_order.push_back(usedRefreshHash);
}

const RefreshRetryGrace::Answer*
RefreshRetryGrace::retry(const QByteArray& usedRefreshHash, const QString& ip, qint64 nowMs) const
{
    const auto it = m_answers.constFind(usedRefreshHash);
    if (it == m_answers.cend() || it->ip != ip)
        return nullptr;
    // The clock can be moved back by QA: a rotation "in the future" is no retry either.
    if (nowMs < it->atMs || nowMs - it->atMs > windowMs)
        return nullptr;
    return &*it;
}

void RefreshRetryGrace::forget(qint64 nowMs)
{
    while (!m_order.empty()) {
        const auto it = m_answers.constFind(m_order.front());
        const bool stale =
            it == m_answers.cend() || nowMs - it->atMs > windowMs || nowMs < it->atMs || m_answers.size() >= maxAnswers;
        if (!stale)
            break;
        if (it != m_answers.cend())
            m_answers.erase(it);
        m_order.pop_front();
    }
}

} // namespace mockd
