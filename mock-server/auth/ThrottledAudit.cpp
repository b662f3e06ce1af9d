#include "auth/ThrottledAudit.h"

#include "auth/AuthPolicy.h"
#include "base/TimeFormat.h"
#include "log/LogCategories.h"
#include "store/Store.h"

namespace mockd {

namespace {

constexpr qint64 windowMs = AuthPolicy::throttledAuditWindowSeconds * 1000;

} // namespace

ThrottledAudit::ThrottledAudit(Store& store) : m_store(store) {}

void ThrottledAudit::record(const QString& blockingKey, AuditEntry entry, qint64 retryAfter)
{
    forgetEnded(entry.atMs);
    const QString key = blockingKey + QLatin1Char('|') + entry.accountId + QLatin1Char('|') + entry.type;
    if (auto it = m_open.find(key); it != m_open.end() && it->windowEndMs > entry.atMs) {
        it->details.insert(QStringLiteral("count"), ++it->count);
        it->details.insert(QStringLiteral("retry_after"), retryAfter);
        it->details.insert(QStringLiteral("last_at"), TimeFormat::toRfc3339(entry.atMs));
        const auto updated = m_store.audit().updateDetails(it->rowId, entry.type, it->details);
        if (updated && *updated)
            return;
        if (!updated)
            qCWarning(lcAuth) << "cannot count a refused attempt:" << updated.error();
        // The row is gone (the store was reset): start a new window below.
    }
    entry.details.insert(QStringLiteral("count"), 1);
    entry.details.insert(QStringLiteral("retry_after"), retryAfter);
    const auto id = m_store.audit().add(entry);
    if (!id) {
        qCWarning(lcAuth) << "cannot write an audit entry:" << id.error();
        return;
    }
    m_open.insert(key, Open{*id, entry.atMs + windowMs, 1, entry.details});
}

void ThrottledAudit::forgetEnded(qint64 nowMs)
{
    // A sweep per window keeps the map as small as the counters that refuse within one.
    if (nowMs < m_nextSweepMs)
        return;
    m_nextSweepMs = nowMs + windowMs;
    m_open.removeIf([nowMs](const auto& it) { return it.value().windowEndMs <= nowMs; });
}

} // namespace mockd
