#include "SignOutActions.h"

#include "core/devices/DeviceListModel.h"

#include <QAction>
#include <QMenu>

namespace vigil {

SignOutActions::SignOutActions(SignOutFlow* flow, const DeviceListModel* devices, QObject* parent)
    : QObject(parent), m_flow(flow), m_devices(devices)
{
    connect(m_flow, &SignOutFlow::stateChanged, this, &SignOutActions::availabilityChanged);
}

SignOutActions::~SignOutActions() = default;

QList<SignOutFlow::Target> SignOutActions::targets(const QStringList& deviceIds) const
{
    QList<SignOutFlow::Target> result;
    result.reserve(deviceIds.size());
    for (const QString& id : deviceIds) {
        const int row = m_devices->rowOf(id);
        if (row < 0)
            continue;
        result.append(target(row));
    }
    return result;
}

SignOutFlow::Target SignOutActions::target(int row) const
{
    const Device& device = m_devices->deviceAt(row);
    return {device.id, device.displayName(), device.locationText(), m_devices->factsAt(row).isCurrent};
}

QList<SignOutFlow::Target> SignOutActions::allTargets(bool includeThisDevice) const
{
    QList<SignOutFlow::Target> result;
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        if (!includeThisDevice && m_devices->factsAt(row).isCurrent)
            continue;
        result.append(target(row));
    }
    return result;
}

bool SignOutActions::canStart() const
{
    switch (m_flow->state()) {
    case SignOutFlow::State::Idle:
    case SignOutFlow::State::Reporting:
    case SignOutFlow::State::Done:
    case SignOutFlow::State::Failed:
        return true;
    default:
        return false;
    }
}

void SignOutActions::signOutDevices(const QStringList& deviceIds)
{
    const auto chosen = targets(deviceIds);
    if (chosen.isEmpty() || !canStart())
        return;
    m_flow->start(SignOutFlow::Scope::selected(chosen));
}

void SignOutActions::signOutProfile(const QString& profile, const QStringList& deviceIds)
{
    const auto chosen = targets(deviceIds);
    if (chosen.isEmpty() || !canStart())
        return;
    m_flow->start(SignOutFlow::Scope::ofProfile(profile, chosen));
}

void SignOutActions::signOutOthers()
{
    if (canStart())
        m_flow->start(SignOutFlow::Scope::others(allTargets(false)));
}

void SignOutActions::signOutAll()
{
    if (canStart())
        m_flow->start(SignOutFlow::Scope::all(allTargets(true)));
}

QMenu* SignOutActions::createAllDevicesMenu(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    QAction* others = menu->addAction(tr("All Other Devices…"));
    others->setToolTip(tr("Sign out every device except this computer. You stay signed in to Vigil."));
    QAction* all = menu->addAction(tr("Every Device, Including This One…"));
    all->setToolTip(tr("Sign out every device, this computer too. You'll need to sign in to Vigil again."));
    menu->setToolTipsVisible(true);
    connect(others, &QAction::triggered, this, &SignOutActions::signOutOthers);
    connect(all, &QAction::triggered, this, &SignOutActions::signOutAll);
    return menu;
}

} // namespace vigil
