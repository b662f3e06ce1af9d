#include "admin/SimulatorRoutes.h"

#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "scenarios/Scenario.h"
#include "simulator/DeviceDescription.h"
#include "simulator/SimulatedDevice.h"
#include "simulator/Simulator.h"

#include <QJsonArray>
#include <QTimer>
#include <memory>

namespace mockd {

namespace {

constexpr int maxDevices = 200;
// `connect` answers when every device it took over has its event socket, or after this long.
constexpr int connectAnswerTimeoutMs = 10000;

QString stateName(sim::SimulatedDevice::State state)
{
    using State = sim::SimulatedDevice::State;
    switch (state) {
    case State::New:
        return QStringLiteral("new");
    case State::SigningIn:
        return QStringLiteral("signing_in");
    case State::Online:
        return QStringLiteral("online");
    case State::Offline:
        return QStringLiteral("offline");
    case State::SigningOut:
        return QStringLiteral("signing_out");
    case State::SignedOut:
        return QStringLiteral("signed_out");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QJsonObject describe(const sim::SimulatedDevice& device)
{
    const QString id = device.deviceId();
    return {
        {QStringLiteral("number"), device.number()},
        {QStringLiteral("name"), device.name()},
        {QStringLiteral("type"), device.description().type},
        {QStringLiteral("state"), stateName(device.state())},
        {QStringLiteral("status"), sim::statusName(device.status())},
        {QStringLiteral("profile"), device.profile().isEmpty() ? QJsonValue() : QJsonValue(device.profile())},
        {QStringLiteral("title"), device.title().isEmpty() ? QJsonValue() : QJsonValue(device.title())},
        {QStringLiteral("device_id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
    };
}

ApiError conflict(const QString& message)
{
    return ApiError::make(409, QStringLiteral("conflict"), message);
}

QString profileName(const ScenarioAccount& account, const QString& profileId)
{
    for (const Profile& profile : account.profiles) {
        if (profile.id == profileId)
            return profile.name;
    }
    return {};
}

QJsonArray describeAll(const sim::Simulator* simulator)
{
    QJsonArray devices;
    for (int i = 0; simulator && i < simulator->deviceCount(); ++i)
        devices.append(describe(*simulator->device(i)));
    return devices;
}

} // namespace

SimulatorRoutes::SimulatorRoutes(UrlFunction serviceUrl,
                                 ScenarioFunction scenario,
                                 SessionFunction takeSession,
                                 QObject* parent)
    : QObject(parent), m_serviceUrl(std::move(serviceUrl)), m_scenario(std::move(scenario)),
      m_takeSession(std::move(takeSession))
{}

SimulatorRoutes::~SimulatorRoutes()
{
    discard();
}

void SimulatorRoutes::registerRoutes(Router& router)
{
    const QString base = QStringLiteral("/__admin/simulator");
    router.add("POST", base, {Access::admin(), true}, [this](const RequestContext& c) { control(c); });
    router.add("GET", base, {Access::admin(), false}, [this](const RequestContext& c) { list(c); });
    router.add("POST", base + QStringLiteral("/devices/{n}"), {Access::admin(), true}, [this](const RequestContext& c) {
        command(c);
    });
}

void SimulatorRoutes::discard()
{
    for (QPointer<sim::Simulator>* held : {&m_simulator, &m_scenarioDevices}) {
        sim::Simulator* simulator = *held;
        if (!simulator)
            continue;
        *held = nullptr;
        simulator->setTickInterval(0);
        simulator->disconnect(this);
        delete simulator;
    }
}

void SimulatorRoutes::control(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString action = body.string(QStringLiteral("action"), {.maxLength = 16});
    if (!body.ok())
        return context.fail(*body.error());
    if (action == QLatin1String("start"))
        return start(context);
    if (action == QLatin1String("stop"))
        return stop(context);
    if (action == QLatin1String("connect"))
        return connectScenarioDevices(context);
    context.fail(
        ApiError::invalidField(QStringLiteral("action"), QStringLiteral("action must be start, stop or connect.")));
}

void SimulatorRoutes::start(const RequestContext& context)
{
    const Scenario& scenario = m_scenario();
    const ScenarioSimulator defaults = scenario.simulator.value_or(ScenarioSimulator{});
    FieldReader body(context.body);
    const auto count = body.integer(QStringLiteral("devices"), false, 1, maxDevices);
    QString email = body.string(QStringLiteral("account"), {.required = false, .maxLength = 254, .trim = true});
    QString profile = body.string(QStringLiteral("profile"), {.required = false, .maxLength = 16});
    if (!body.ok())
        return context.fail(*body.error());
    if (email.isEmpty())
        email = defaults.account.isEmpty() ? scenario.accounts.value(0).account.email : defaults.account;
    if (profile.isEmpty())
        profile = defaults.profile;
    const auto behaviour = sim::behaviourFromName(profile);
    if (!behaviour || *behaviour == sim::Behaviour::Mixed)
        return context.fail(ApiError::invalidField(QStringLiteral("profile"),
                                                   QStringLiteral("profile must be steady, flaky or binge.")));
    const ScenarioAccount* account = scenario.account(email);
    if (!account)
        return context.fail(ApiError::invalidField(
            QStringLiteral("account"),
            QStringLiteral("'%1' is not an account of the scenario %2.").arg(email, scenario.name)));
    if (m_simulator && m_simulator->isShuttingDown())
        return context.fail(
            conflict(QStringLiteral("The simulator is stopping; start it again when GET /__admin/simulator "
                                    "shows it stopped.")));
    if (m_simulator && (m_account != account->account.email || m_simulator->config().behaviour != *behaviour))
        return context.fail(conflict(QStringLiteral("The simulator already runs for %1 with profile %2; stop it first.")
                                         .arg(m_account, sim::behaviourName(m_simulator->config().behaviour))));
    if (!m_simulator) {
        sim::SimulatorConfig config;
        config.server = m_serviceUrl();
        config.email = account->account.email;
        config.password = account->password;
        config.behaviour = *behaviour;
        config.tickMs = *behaviour == sim::Behaviour::Flaky ? 2000 : 5000;
        QStringList profiles;
        for (const Profile& p : account->profiles)
            profiles.append(p.name);
        if (!profiles.isEmpty())
            config.profiles = profiles;
        m_simulator = new sim::Simulator(config, this);
        m_account = account->account.email;
        sim::Simulator* simulator = m_simulator;
        connect(simulator, &sim::Simulator::report, this, [](const QString& line) {
            qCInfo(lcAdmin).noquote() << "simulator:" << line;
        });
        connect(simulator, &sim::Simulator::shutDown, this, [this, simulator] {
            if (m_simulator == simulator)
                m_simulator = nullptr;
            simulator->deleteLater();
        });
    }
    const int n = count.value_or(defaults.devices);
    if (m_simulator->deviceCount() + n > maxDevices)
        return context.fail(conflict(QStringLiteral("At most %1 simulated devices at a time.").arg(maxDevices)));
    m_simulator->addDevices(n);
    qCInfo(lcAdmin) << "simulator: started" << n << "devices with profile" << profile;
    list(context);
}

void SimulatorRoutes::stop(const RequestContext& context)
{
    if (m_simulator)
        m_simulator->shutdown(); // signs every device out; the simulator goes away when all have
    list(context);
}

void SimulatorRoutes::connectScenarioDevices(const RequestContext& context)
{
    if (!m_scenarioDevices) {
        sim::SimulatorConfig config;
        config.server = m_serviceUrl();
        config.tickMs = 0; // what they play stays as the scenario says
        m_scenarioDevices = new sim::Simulator(config, this);
        connect(m_scenarioDevices, &sim::Simulator::report, this, [](const QString& line) {
            qCInfo(lcAdmin).noquote() << "scenario device:" << line;
        });
    }
    // The answer waits until each device taken over now has its event socket (or has stopped), so
    // whoever signs in after it finds them online. `gate` owns the wait and goes with the answer.
    struct Wait
    {
        int remaining = 0;
        bool answered = false;
    };
    auto wait = std::make_shared<Wait>();
    auto* gate = new QObject(this);
    const auto answer = [this, context, wait, gate] {
        if (wait->answered)
            return;
        wait->answered = true;
        list(context);
        gate->deleteLater();
    };
    int taken = 0;
    for (const ScenarioAccount& account : m_scenario().accounts) {
        for (const ScenarioDevice& seeded : account.devices) {
            const Device& device = seeded.device;
            const auto status = sim::statusFromName(device.status); // none for "offline"
            if (!seeded.signedIn || !status || m_scenarioDevices->deviceCount() >= maxDevices)
                continue;
            // Empty when it was taken over before (or its sessions were reseeded since).
            const QString refreshToken = m_takeSession(device.id);
            if (refreshToken.isEmpty())
                continue;
            const sim::DeviceDescription description{
                device.name, device.type, device.os, device.osVersion, device.app, device.appVersion};
            const int index = m_scenarioDevices->resumeDevice(description,
                                                              device.id,
                                                              refreshToken,
                                                              *status,
                                                              profileName(account, device.lastProfileId),
                                                              device.statusTitle);
            const sim::SimulatedDevice* simulated = m_scenarioDevices->device(index);
            auto counted = std::make_shared<bool>(false);
            const auto done = [wait, counted, answer] {
                if (std::exchange(*counted, true))
                    return;
                if (--wait->remaining == 0)
                    answer();
            };
            ++wait->remaining;
            ++taken;
            connect(simulated, &sim::SimulatedDevice::connected, gate, done);
            connect(simulated, &sim::SimulatedDevice::stopped, gate, done);
        }
    }
    qCInfo(lcAdmin) << "simulator: connecting" << taken << "scenario devices";
    if (wait->remaining == 0)
        return answer();
    QTimer::singleShot(connectAnswerTimeoutMs, gate, answer);
}

void SimulatorRoutes::list(const RequestContext& context)
{
    QJsonArray devices;
    QJsonObject json;
    json.insert(QStringLiteral("scenario_devices"), describeAll(m_scenarioDevices));
    if (m_simulator) {
        devices = describeAll(m_simulator);
        json.insert(QStringLiteral("running"), !m_simulator->isShuttingDown());
        json.insert(QStringLiteral("stopping"), m_simulator->isShuttingDown());
        json.insert(QStringLiteral("account"), m_account);
        json.insert(QStringLiteral("profile"), sim::behaviourName(m_simulator->config().behaviour));
    } else {
        json.insert(QStringLiteral("running"), false);
        json.insert(QStringLiteral("stopping"), false);
        json.insert(QStringLiteral("account"), QJsonValue());
        json.insert(QStringLiteral("profile"), QJsonValue());
    }
    json.insert(QStringLiteral("devices"), devices);
    context.respond(HttpResponse::json(json));
}

void SimulatorRoutes::command(const RequestContext& context)
{
    bool isNumber = false;
    const int number = context.param(u"n").toInt(&isNumber);
    if (!m_simulator || !isNumber || number < 1 || number > m_simulator->deviceCount())
        return context.fail(ApiError::notFound());
    const int index = number - 1;
    const sim::SimulatedDevice& device = *m_simulator->device(index);
    FieldReader body(context.body);
    const QString command = body.string(QStringLiteral("command"), {.maxLength = 16});
    const QString profile =
        body.string(QStringLiteral("profile"), {.required = false, .maxLength = 64, .trim = true, .visibleOnly = true});
    const QString title =
        body.string(QStringLiteral("title"), {.required = false, .maxLength = 128, .trim = true, .visibleOnly = true});
    if (!body.ok())
        return context.fail(*body.error());
    bool done = false;
    if (command == QLatin1String("offline")) {
        done = m_simulator->goOffline(index);
    } else if (command == QLatin1String("online")) {
        done = m_simulator->comeBack(index);
    } else if (command == QLatin1String("stream")) {
        const QString who = profile.isEmpty() ? device.profile() : profile;
        const QString what = title.isEmpty() ? device.title() : title;
        done = m_simulator->setStatus(index, sim::DeviceStatus::Streaming, who, what);
    } else if (command == QLatin1String("pause")) {
        done = m_simulator->setStatus(index, sim::DeviceStatus::Paused, device.profile(), device.title());
    } else if (command == QLatin1String("idle")) {
        done = m_simulator->setStatus(index, sim::DeviceStatus::Idle);
    } else {
        return context.fail(ApiError::invalidField(
            QStringLiteral("command"), QStringLiteral("command must be offline, online, stream, pause or idle.")));
    }
    if (!done)
        return context.fail(conflict(QStringLiteral("Device %1 is %2 and cannot do '%3' now.")
                                         .arg(number)
                                         .arg(stateName(device.state()), command)));
    context.respond(HttpResponse::json(describe(device)));
}

} // namespace mockd
