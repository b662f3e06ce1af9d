#pragma once

#include "simulator/DeviceStatus.h"

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;

namespace mockd::sim {

class SimulatedDevice;
struct DeviceDescription;

// How the random schedule treats the devices. Commands from the admin API always apply.
enum class Behaviour
{
    Mixed,  // `vigil-mockd simulate`: streams, pauses, goes offline and comes back now and then
    Steady, // changes what it plays now and then; never goes offline by itself
    Flaky,  // drops offline and comes back often
    Binge,  // streams without pause; never goes offline by itself
};

QString behaviourName(Behaviour behaviour);
std::optional<Behaviour> behaviourFromName(const QString& name);

struct SimulatorConfig
{
    QUrl server;
    QString email;
    QString password;
    quint32 seed = 1;
    // Interval of the random schedule; 0 = no schedule, the devices only do what they are told.
    int tickMs = 3000;
    Behaviour behaviour = Behaviour::Mixed;
    // Chance in % per tick that an online device loses its connection without closing it.
    int dropPercent = 0;
    // argon2 on the service is deliberately slow: more parallel sign-ins only queue there.
    int maxConcurrentLogins = 2;
    QStringList profiles{QStringLiteral("Sam"), QStringLiteral("Alex"), QStringLiteral("Leo"), QStringLiteral("Mia")};
};

// Runs simulated devices against a service. The command line (`vigil-mockd simulate`) drives it
// with a seeded random schedule; an admin route can drive the same object by hand.
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    explicit Simulator(const SimulatorConfig& config, QObject* parent = nullptr);
    ~Simulator() override;

    // Creates `count` devices and queues their sign-in; returns the index of the first one.
    int addDevices(int count);
    // Takes over a device the service already lists as signed in (a scenario's device, known by its
    // id and the refresh token of its session): it goes online at once, reports `status` and keeps
    // it (the random schedule leaves it alone). Returns its index.
    int resumeDevice(const DeviceDescription& description,
                     const QString& deviceId,
                     const QString& refreshToken,
                     DeviceStatus status,
                     const QString& profile,
                     const QString& title);
    int deviceCount() const { return int(m_devices.size()); }
    // Devices that are not finished (signed out, refused, failed).
    int activeCount() const;
    const SimulatedDevice* device(int index) const;

    // Each returns false for an unknown index or a device that cannot do it now.
    bool setStatus(int index, DeviceStatus status, const QString& profile = {}, const QString& title = {});
    bool goOffline(int index);
    bool comeBack(int index);
    const SimulatorConfig& config() const { return m_config; }
    bool isShuttingDown() const { return m_shuttingDown; }

    // Starts (or stops, with 0) the random schedule.
    void setTickInterval(int ms);
    // Signs every device out; emits shutDown() once all have finished.
    void shutdown();

Q_SIGNALS:
    // One line per thing that happened, e.g. "device Hotel Room TV status paused profile=Sam".
    void report(const QString& line);
    // Every device has finished without shutdown(): the service refused them all, or sign-in failed.
    void allStopped();
    void shutDown();

private:
    struct Slot
    {
        SimulatedDevice* device = nullptr;
        QRandomGenerator random;
        bool scheduled = true; // false: only commands change it (a resumed scenario device)
    };

    SimulatedDevice* addSlot(const DeviceDescription& description, bool scheduled);

    void pumpLogins();
    void tick();
    void act(Slot& slot);
    void chooseStatus(Slot& slot);
    void onDeviceStopped();

    SimulatorConfig m_config;
    QNetworkAccessManager* m_network;
    QRandomGenerator m_random;
    QSet<QString> m_names;
    QList<Slot> m_devices;
    QList<SimulatedDevice*> m_loginQueue;
    int m_loginsInFlight = 0;
    QTimer m_tick;
    bool m_shuttingDown = false;
};

} // namespace mockd::sim
