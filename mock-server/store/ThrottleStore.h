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
    // When a run of failures counts as over, so that the next one starts a new run.
    enum class Quiet
    {
        // The window has passed since the last failure and no wait is running (sign-in).
        SinceLastFailure,
        // The window has passed since the last failure or the end of the wait, whichever is later
        // (step-up: a wait longer than the window must not hand out a fresh free budget).
        SinceWaitEnded,
    };
    // Counts one failure in a single statement, so that instances counting the same key at once
    // lose none; returns the state with the new count (blocked_until as it was).
    Expected<ThrottleState, QString> countFailure(const QString& key, qint64 nowMs, qint64 windowMs, Quiet quiet);
    // Raises blocked_until to `untilMs` unless a longer wait is set already (a parallel failure's).
    Expected<Ok, QString> blockUntil(const QString& key, qint64 untilMs);
    // Forgets counters whose last failure is older than `cutoffMs` and that block nothing any more.
    Expected<Ok, QString> prune(qint64 cutoffMs, qint64 nowMs);

private:
    Database& m_database;
};

} // namespace mockd
