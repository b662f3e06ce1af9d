#pragma once

#include "store/Records.h"

#include <QHash>

namespace mockd {

class Store;

// Audits refused (429) attempts without letting a flood of them grow the database: the first
// refusal of a window for one blocking counter and account writes a row, later ones only raise
// that row's `count` (and `retry_after`, `last_at`). A window lasts
// AuthPolicy::throttledAuditWindowSeconds; remembered rows are forgotten when their window ends.
class ThrottledAudit final
{
public:
    explicit ThrottledAudit(Store& store);

    // `blockingKey` names the counter that refused (LoginThrottle::blockingKey); `entry` is the
    // row to write when this is the first refusal of the window.
    void record(const QString& blockingKey, AuditEntry entry, qint64 retryAfter);
    qsizetype openWindows() const { return m_open.size(); }

private:
    struct Open
    {
        qint64 rowId = 0;
        qint64 windowEndMs = 0;
        int count = 0;
        QJsonObject details;
    };

    void forgetEnded(qint64 nowMs);

    Store& m_store;
    QHash<QString, Open> m_open;
    qint64 m_nextSweepMs = 0;
};

} // namespace mockd
