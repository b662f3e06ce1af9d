#include "simulator/Simulator.h"

#include "simulator/DeviceDescription.h"
#include "simulator/SimulatedDevice.h"

#include <QNetworkAccessManager>
#include <array>

namespace mockd::sim {

namespace {

const std::array<const char*, 12> titles{"Night Trains",
                                         "The Lighthouse Keeper",
                                         "Ocean Worlds",
                                         "Kitchen Heroes",
                                         "Midnight in Lisbon",
                                         "Space Cadets",
                                         "The Long Season",
                                         "Desert Skies",
                                         "Little Explorers",
                                         "Cold Case Files",
                                         "Mountain Rescue",
                                         "The Quiet Orchard"};

} // namespace

QString behaviourName(Behaviour behaviour)
{
    switch (behaviour) {
    case Behaviour::Steady:
        return QStringLiteral("steady");
    case Behaviour::Flaky:
        return QStringLiteral("flaky");
    case Behaviour::Binge:
        return QStringLiteral("binge");
    case Behaviour::Mixed:
        break;
    }
    return QStringLiteral("mixed");
}

std::optional<Behaviour> behaviourFromName(const QString& name)
{
    for (const Behaviour behaviour : {Behaviour::Mixed, Behaviour::Steady, Behaviour::Flaky, Behaviour::Binge}) {
        if (behaviourName(behaviour) == name)
            return behaviour;
    }
    return std::nullopt;
}

Simulator::Simulator(const SimulatorConfig& config, QObject* parent)
    : QObject(parent), m_config(config), m_network(new QNetworkAccessManager(this)), m_random(config.seed)
{
    if (m_config.profiles.isEmpty())
        m_config.profiles = SimulatorConfig().profiles;
    connect(&m_tick, &QTimer::timeout, this, &Simulator::tick);
    setTickInterval(m_config.tickMs);
}

Simulator::~Simulator()
{
    // Devices go before the network manager (an older child): aborting their requests must not
    // call back into devices that are half destroyed.
    m_tick.stop();
    m_loginQueue.clear();
    for (Slot& slot : m_devices) {
        slot.device->disconnect(this);
        delete slot.device;
    }
    m_devices.clear();
}

SimulatedDevice* Simulator::addSlot(const DeviceDescription& description, bool scheduled)
{
    const int index = deviceCount();
    Slot slot;
    slot.device = new SimulatedDevice(
        index + 1, description, m_config.server, {m_config.email, m_config.password}, *m_network, this);
    slot.scheduled = scheduled;
    // Each device draws from its own sequence, so one device's choices do not depend on how
    // the network interleaved the others.
    slot.random.seed(m_config.seed * 7919u + quint32(index) * 104729u + 1u);
    SimulatedDevice* device = slot.device;
    connect(device, &SimulatedDevice::report, this, &Simulator::report);
    connect(device, &SimulatedDevice::stopped, this, &Simulator::onDeviceStopped);
    m_devices.append(slot);
    return device;
}

int Simulator::addDevices(int count)
{
    const int first = deviceCount();
    for (int i = 0; i < count; ++i) {
        SimulatedDevice* device = addSlot(DeviceDescription::generate(m_random, m_names), true);
        connect(device, &SimulatedDevice::signInFinished, this, [this] {
            --m_loginsInFlight;
            pumpLogins();
        });
        connect(device, &SimulatedDevice::signInDeferred, this, [this, device](int delayMs) {
            QTimer::singleShot(delayMs, device, [this, device] {
                if (device->state() != SimulatedDevice::State::New || m_shuttingDown)
                    return;
                m_loginQueue.append(device);
                pumpLogins();
            });
        });
        // The first status is chosen now, so it goes out right after the sign-in.
        chooseStatus(m_devices.last());
        m_loginQueue.append(device);
    }
    pumpLogins();
    return first;
}

int Simulator::resumeDevice(const DeviceDescription& description,
                            const QString& deviceId,
                            const QString& refreshToken,
                            DeviceStatus status,
                            const QString& profile,
                            const QString& title)
{
    const int index = deviceCount();
    m_names.insert(description.name);
    SimulatedDevice* device = addSlot(description, false);
    device->setStatus(status, profile, title);
    device->resume(deviceId, refreshToken);
    return index;
}

int Simulator::activeCount() const
{
    int active = 0;
    for (const Slot& slot : m_devices)
        active += slot.device->isFinal() ? 0 : 1;
    return active;
}

const SimulatedDevice* Simulator::device(int index) const
{
    return index >= 0 && index < deviceCount() ? m_devices.at(index).device : nullptr;
}

bool Simulator::setStatus(int index, DeviceStatus status, const QString& profile, const QString& title)
{
    if (index < 0 || index >= deviceCount() || m_devices.at(index).device->isFinal())
        return false;
    m_devices[index].device->setStatus(status, profile, title);
    return true;
}

bool Simulator::goOffline(int index)
{
    if (index < 0 || index >= deviceCount() || m_devices.at(index).device->state() != SimulatedDevice::State::Online)
        return false;
    m_devices[index].device->goOffline();
    return true;
}

bool Simulator::comeBack(int index)
{
    if (index < 0 || index >= deviceCount() || m_devices.at(index).device->state() != SimulatedDevice::State::Offline)
        return false;
    m_devices[index].device->comeBack();
    return true;
}

void Simulator::setTickInterval(int ms)
{
    m_config.tickMs = ms;
    if (ms > 0 && !m_shuttingDown)
        m_tick.start(ms);
    else
        m_tick.stop();
}

void Simulator::pumpLogins()
{
    while (!m_shuttingDown && m_loginsInFlight < m_config.maxConcurrentLogins && !m_loginQueue.isEmpty()) {
        SimulatedDevice* device = m_loginQueue.takeFirst();
        if (device->state() != SimulatedDevice::State::New)
            continue;
        ++m_loginsInFlight;
        device->signIn();
    }
}

void Simulator::chooseStatus(Slot& slot)
{
    QRandomGenerator& random = slot.random;
    const int draw = m_config.behaviour == Behaviour::Binge ? 0 : random.bounded(10);
    const DeviceStatus status = draw < 6   ? DeviceStatus::Streaming
                                : draw < 8 ? DeviceStatus::Paused
                                           : DeviceStatus::Idle;
    QString profile = m_config.profiles.at(random.bounded(int(m_config.profiles.size())));
    QString title = QString::fromUtf8(titles.at(random.bounded(int(titles.size()))));
    // Pausing (or resuming) keeps what was playing and who was watching.
    if (status != DeviceStatus::Idle && slot.device->status() != DeviceStatus::Idle &&
        !slot.device->title().isEmpty() && status != slot.device->status()) {
        profile = slot.device->profile();
        title = slot.device->title();
    }
    slot.device->setStatus(status, profile, title);
}

void Simulator::act(Slot& slot)
{
    SimulatedDevice& device = *slot.device;
    QRandomGenerator& random = slot.random;
    const int draw = random.bounded(100);
    // Percentages per behaviour: going offline, changing activity, coming back.
    int offline = 8;
    int change = 40;
    int back = 35;
    switch (m_config.behaviour) {
    case Behaviour::Mixed:
        break;
    case Behaviour::Steady:
        offline = 0;
        change = 20;
        back = 0; // a steady device that was sent offline stays there until told to come back
        break;
    case Behaviour::Flaky:
        offline = 30;
        change = 50;
        back = 50;
        break;
    case Behaviour::Binge:
        offline = 0;
        change = 5;
        back = 0;
        break;
    }
    if (device.state() == SimulatedDevice::State::Online) {
        if (draw < offline)
            device.goOffline();
        else if (draw < change)
            chooseStatus(slot);
        // A separate draw, and only when asked for: the schedules without drops stay as they were.
        if (m_config.dropPercent > 0 && int(random.bounded(100)) < m_config.dropPercent)
            device.dropConnection();
    } else if (device.state() == SimulatedDevice::State::Offline) {
        if (draw < back) {
            // Whatever it was doing before, a device that comes back starts a new activity.
            chooseStatus(slot);
            device.comeBack();
        }
    }
}

void Simulator::tick()
{
    for (Slot& slot : m_devices) {
        if (slot.scheduled)
            act(slot);
    }
}

void Simulator::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_tick.stop();
    m_loginQueue.clear();
    if (activeCount() == 0) {
        Q_EMIT shutDown();
        return;
    }
    for (const Slot& slot : m_devices)
        slot.device->signOut();
}

void Simulator::onDeviceStopped()
{
    if (activeCount() > 0)
        return;
    if (m_shuttingDown)
        Q_EMIT shutDown();
    else
        Q_EMIT allStopped();
}

} // namespace mockd::sim
