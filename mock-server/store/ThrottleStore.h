#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QHash>

namespace mockd {

class Database;

// Failure counters for sign-in throttling, keyed "account:<email>", "address:<ip>" and
// "device:<device cookie hash>", and for step-up ("step-up-account:<id>", "step-up-session:<id>").
// Kept in memory, written through so a restart does not reset an attacker's delay.
class ThrottleStore final
{
public:
    explicit ThrottleStore(Database& database);

    Expected<Ok, QString> load();
    void clearMemory();

    // A zero state when the key has none.
    ThrottleState get(const QString& key) const;
    Expected<Ok, QString> put(const ThrottleState& state);
    Expected<Ok, QString> remove(const QString& key);
    // Forgets counters whose last failure is older than `cutoffMs` and that block nothing any more.
    Expected<Ok, QString> prune(qint64 cutoffMs, qint64 nowMs);
    qsizetype size() const { return m_states.size(); }

private:
    Database& m_database;
    QHash<QString, ThrottleState> m_states;
};

} // namespace mockd
