#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QString>

namespace mockd {

class Clock;
class Store;
struct Device;
struct Scenario;
struct ScenarioAccount;
struct ScenarioDevice;

// Writes a scenario into an empty store in one transaction: accounts, profiles, devices, and for
// every signed-in device a session (whose tokens nobody knows: they exist to be signed out) plus
// its sign-in in the audit log. Seeded sessions stay valid for 30 days from the moment of seeding.
// The one exception: a device the scenario shows online (streaming, paused, idle) must really be,
// so the refresh token of its session is kept in memory until the in-process simulator takes it
// to run that device (POST /__admin/simulator {"action":"connect"}).
class ScenarioSeeder final
{
public:
    ScenarioSeeder(Store& store, const Clock& clock);

    Expected<Ok, QString> seed(const Scenario& scenario);
    // The refresh token of an online device's seeded session, once (empty afterwards, for an offline
    // or unknown device, and after the next seed).
    QString takeOnlineSession(const QString& deviceId);

private:
    // What only a snapshot carries: stored recovery-code hashes and settings, then (after the
    // devices) its sessions with their token hashes, trust and guest ends, and its device cookies.
    Expected<Ok, QString> seedSnapshotAccount(const ScenarioAccount& source);
    Expected<Ok, QString> seedSnapshotSessions(const ScenarioAccount& source);
    Expected<Ok, QString>
    seedSession(const QString& accountId, const Device& device, const ScenarioDevice& seeded, qint64 now);

    Store& m_store;
    const Clock& m_clock;
    QHash<QString, QString> m_onlineSessions; // device id → refresh token (plaintext)
};

} // namespace mockd
