#include "ConfirmActions.h"

#include "core/devices/DeviceConfirmService.h"
#include "core/devices/DeviceListModel.h"
#include "core/stepup/StepUpFlow.h"
#include "ui/stepup/StepUpDialog.h"

#include <QWidget>

namespace vigil {

ConfirmActions::ConfirmActions(DeviceConfirmService* service, const DeviceListModel* devices, QObject* parent)
    : QObject(parent), m_service(service), m_devices(devices), m_stepUp(new StepUpFlow(service->stepUp(), this))
{
    // Whether a device (or this computer) is new changes with its row, and with the clock tick.
    connect(devices, &QAbstractItemModel::modelReset, this, &ConfirmActions::availabilityChanged);
    connect(devices, &QAbstractItemModel::dataChanged, this, &ConfirmActions::availabilityChanged);
    connect(devices, &QAbstractItemModel::rowsInserted, this, &ConfirmActions::availabilityChanged);
    connect(devices, &QAbstractItemModel::rowsRemoved, this, &ConfirmActions::availabilityChanged);
}

ConfirmActions::~ConfirmActions() = default;

void ConfirmActions::setStepUpMethods(const QStringList& ids)
{
    m_stepUp->setAvailableMethods(ids);
}

bool ConfirmActions::isOffered(const QString& deviceId) const
{
    const int row = m_devices->rowOf(deviceId);
    if (row < 0 || m_devices->factsAt(row).isCurrent)
        return false;
    return m_devices->isNewAt(row, m_devices->relativeTime().now().toMSecsSinceEpoch()) && !m_devices->isCurrentNew();
}

bool ConfirmActions::canConfirm(const QString& deviceId) const
{
    return isOffered(deviceId) && !isConfirming(deviceId);
}

void ConfirmActions::confirm(const QString& deviceId)
{
    if (!canConfirm(deviceId))
        return;
    const QString name = m_devices->deviceAt(m_devices->rowOf(deviceId)).displayName();
    StepUpDialog::ensure(m_window,
                         m_stepUp,
                         tr("Before Vigil confirms “%1” as one of your devices, confirm that it's you.").arg(name),
                         [this, deviceId, name] { send(deviceId, name); });
}

void ConfirmActions::send(const QString& deviceId, const QString& name)
{
    if (isConfirming(deviceId))
        return;
    m_confirming.append(deviceId);
    Q_EMIT availabilityChanged();
    m_service->confirm(deviceId, this, [this, deviceId, name](const Expected<void, ApiError>& done) {
        m_confirming.removeAll(deviceId);
        if (done)
            Q_EMIT confirmed(deviceId, name);
        else
            Q_EMIT failed(deviceId, tr("“%1” wasn't confirmed. %2").arg(name, done.error().userText()));
        Q_EMIT availabilityChanged();
    });
}

} // namespace vigil
