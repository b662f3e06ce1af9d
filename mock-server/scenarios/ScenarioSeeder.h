#pragma once

#include "base/Expected.h"

#include <QString>

namespace mockd {

class Clock;
class Store;
struct Device;
struct Scenario;
struct ScenarioDevice;

// Writes a scenario into an empty store in one transaction: accounts, profiles, devices, and for
// every signed-in device a session (whose tokens nobody knows: they exist to be signed out) plus
// its sign-in in the audit log. Seeded sessions stay valid for 30 days from the moment of seeding.
class ScenarioSeeder final
{
public:
    ScenarioSeeder(Store& store, const Clock& clock);

    Expected<Ok, QString> seed(const Scenario& scenario);

private:
    Expected<Ok, QString>
    seedSession(const QString& accountId, const Device& device, const ScenarioDevice& seeded, qint64 now);

    Store& m_store;
    const Clock& m_clock;
};

} // namespace mockd
