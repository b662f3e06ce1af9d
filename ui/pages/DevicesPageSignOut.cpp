// DevicesPage: the sign-out entry points (kept apart from the list itself).
#include "DevicesPage.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/devices/SignOutActions.h"
#include "ui/devices/SignOutRowDelegate.h"
#include "ui/devices/UnrecognizedDeviceGuide.h"
#include "ui/main/SectionNavigator.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil {

void DevicesPage::setSignOutActions(SignOutActions* actions, QWidget* banner)
{
    if (m_signOut || m_readOnly) // a read-only page has no sign-out control to show
        return;
    m_signOut = actions;

    // The buttons exist from the constructor on (hidden), so they come first in the Tab order,
    // as they come first on screen.
    m_signOutSelected->setAccessibleName(tr("Sign Out Selected Devices"));
    m_signOutSelected->setToolTip(tr("Sign out the devices selected in the list (Delete)"));
    m_signOutAll->setText(tr("Sign Out of All Devices…"));
    m_signOutAll->setMenu(actions->createAllDevicesMenu(m_signOutAll));
    m_headerActions->addWidget(m_signOutSelected, 0, Qt::AlignBottom);
    m_headerActions->addWidget(m_signOutAll, 0, Qt::AlignBottom);
    m_signOutAll->show();
    if (banner)
        m_layout->insertWidget(1, banner);

    m_rowDelegate = new SignOutRowDelegate(m_table);
    m_table->setItemDelegateForColumn(DeviceListModel::LastActiveColumn, m_rowDelegate);
    connect(m_rowDelegate, &SignOutRowDelegate::signOutClicked, this, [this](const QModelIndex& index) {
        m_signOut->signOutDevices({index.data(DeviceListModel::IdRole).toString()});
    });

    auto* deleteAction = new QAction(tr("Sign Out…"), m_table);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, [this] { m_signOut->signOutDevices(selectedDeviceIds()); });
    m_table->addAction(deleteAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_signOutThis = new QPushButton(tr("Sign Out This Device…"), m_details);
    m_signOutThis->setAccessibleName(tr("Sign Out This Device"));
    m_signOutThis->setToolTip(tr("Sign this device out of your account. Its profiles and history are kept."));
    m_details->addActionButton(m_signOutThis);
    connect(m_signOutThis, &QPushButton::clicked, this, [this] { m_signOut->signOutDevices({m_details->deviceId()}); });

    m_guide = new UnrecognizedDeviceGuide(actions, this, this);
    connect(m_details, &DeviceDetailsPane::unrecognizedRequested, m_guide, &UnrecognizedDeviceGuide::begin);
    // Sign-out entry points exist only on the holder's page, which always has a navigator.
    const auto security = [this] { m_navigator->request(Section::Security); };
    connect(m_guide, &UnrecognizedDeviceGuide::passwordChangeRequested, this, security);
    connect(m_guide, &UnrecognizedDeviceGuide::twoStepReviewRequested, this, security);

    connect(m_signOutSelected, &QPushButton::clicked, this, [this] { m_signOut->signOutDevices(selectedDeviceIds()); });
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DevicesPage::updateSignOutButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DevicesPage::updateSignOutButtons);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DevicesPage::updateSignOutButtons);
    connect(actions, &SignOutActions::availabilityChanged, this, &DevicesPage::updateSignOutButtons);
    updateSignOutButtons();
}

QStringList DevicesPage::selectedDeviceIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(DeviceListModel::NameColumn);
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids.append(index.data(DeviceListModel::IdRole).toString());
    return ids;
}

void DevicesPage::updateSignOutButtons()
{
    if (!m_signOut)
        return;
    const bool canStart = m_signOut->canStart();
    const qsizetype selected = m_table->selectionModel()->selectedRows().size();
    m_signOutSelected->setText(tr("Sign Out Selected (%1)…").arg(selected));
    m_signOutSelected->setVisible(selected > 0);
    m_signOutSelected->setEnabled(canStart && selected > 0);
    m_signOutAll->setEnabled(canStart && m_service->model()->rowCount() > 0);
    m_signOutThis->setEnabled(canStart);
}

} // namespace vigil
