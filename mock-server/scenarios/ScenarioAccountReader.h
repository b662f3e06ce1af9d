#pragma once

#include "scenarios/Scenario.h"

namespace mockd {

class ScenarioReader;

// Reads one entry of a scenario's "accounts" array: the account with its 2-step settings, profiles,
// devices (listed and generated), their sign-in history, the audit history and seeded throttling.
namespace ScenarioAccountReader {

ScenarioAccount read(ScenarioReader& r, const QJsonObject& o, const QString& path);
// Behaviour profiles of simulated devices: "steady", "flaky", "binge".
const QStringList& simulatorProfiles();

} // namespace ScenarioAccountReader

} // namespace mockd
