#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QString>

namespace mockd {

class Database;

// Failure counters for sign-in throttling, keyed "account:<email>", "address:<ip>" and
// "device:<device cookie hash>", and for step-up ("step-up-account:<id>", "step-up-session:<id>").
// Read from and written to the database every time, never cached: a restart does not reset an
// attacker's delay, and several vigil-mockd on one PostgreSQL database count the same failures.
class ThrottleStore final
{
public:
    explicit ThrottleStore(Database& database);

    // A zero state when the key has none.
    ThrottleState get(const QString& key) const;
    Expected<Ok, QString> put(const ThrottleState& state);
    Expected<Ok, QString> remove(const QString& key);
    // Forgets counters whose last failure is older than `cutoffMs` and that block nothing any more.
    Expected<Ok, QString> prune(qint64 cutoffMs, qint64 nowMs);

private:
    Database& m_database;
};

} // namespace mockd
