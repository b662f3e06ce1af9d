// DevicesPage: confirming a new device ("Yes, it was me"), kept apart from the list itself.
#include "DevicesPage.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "ui/devices/ConfirmActions.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/devices/DeviceTableModel.h"
#include "ui/widgets/InlineMessage.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

namespace vigil {

void DevicesPage::setConfirmActions(ConfirmActions* actions)
{
    if (m_confirm || m_readOnly) // someone else's devices are never confirmed from here
        return;
    m_confirm = actions;
    m_confirmThis = new QPushButton(tr("Confirm…"), m_details);
    m_confirmThis->setAccessibleName(tr("Confirm This Device"));
    m_confirmThis->setToolTip(tr("This device is yours: it stops being new and can do what your other devices can."));
    m_details->addActionButton(m_confirmThis);
    connect(m_confirmThis, &QPushButton::clicked, this, [this] { m_confirm->confirm(m_details->deviceId()); });
    connect(m_details, &DeviceDetailsPane::rendered, this, &DevicesPage::updateConfirmButton);
    connect(actions, &ConfirmActions::availabilityChanged, this, &DevicesPage::updateConfirmButton);
    connect(actions, &ConfirmActions::confirmed, this, [this](const QString& id, const QString& name) {
        if (id == m_details->deviceId())
            m_details->actionMessage()->showMessage(
                InlineMessage::Kind::Info,
                tr("“%1” is confirmed as one of your devices. It is no longer new.").arg(name));
    });
    connect(actions, &ConfirmActions::failed, this, [this](const QString& id, const QString& message) {
        if (id == m_details->deviceId())
            m_details->actionMessage()->showMessage(InlineMessage::Kind::Error, message);
    });
    updateConfirmButton();
}

void DevicesPage::updateConfirmButton()
{
    if (!m_confirm)
        return;
    const QString id = m_details->deviceId();
    // Only while there is something to confirm: a confirmed device loses the button live.
    const bool offered = !id.isEmpty() && m_confirm->isOffered(id);
    if (m_confirmThis->hasFocus() && !offered)
        m_details->focusFirstControl(); // the button goes away under the keyboard: keep focus in the pane
    m_confirmThis->setVisible(offered);
    m_confirmThis->setEnabled(offered && m_confirm->canConfirm(id));
}

void DevicesPage::showDevice(const QString& deviceId)
{
    const int sourceRow = m_service->model()->rowOf(deviceId);
    if (sourceRow < 0)
        return;
    const QModelIndex source = m_service->model()->index(sourceRow, DeviceListModel::NameColumn);
    if (!m_filter->mapFromSource(source).isValid()) {
        m_search->clear();
        applyPreset(DeviceFilterPreset::All);
    }
    const QModelIndex row = m_tableModel->mapFromSource(m_filter->mapFromSource(source));
    if (!row.isValid())
        return; // this computer's own row is shown apart, in its card
    m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(row);
    followCurrent();
}

} // namespace vigil
