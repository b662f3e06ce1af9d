#include "DeviceTableModel.h"

#include "core/devices/Device.h"
#include "core/devices/DeviceListModel.h"
#include "core/tv/GuestEnd.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/PlainToolTip.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace vigil {

DeviceTableModel::DeviceTableModel(QObject* parent) : QIdentityProxyModel(parent) {}

DeviceTableModel::~DeviceTableModel() = default;

QColor DeviceTableModel::statusColor(int status)
{
    // The dark shades are unreadable on a dark or high-contrast palette: lighter ones there.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (Device::Status(status)) {
    case Device::Status::Streaming:
        return dark ? QColor(0x57, 0xe3, 0x89) : QColor(0x16, 0x8a, 0x3e); // green
    case Device::Status::Paused:
        return dark ? QColor(0xff, 0xb4, 0x54) : QColor(0xb4, 0x6a, 0x00); // amber
    case Device::Status::Idle:
        return dark ? QColor(0x8c, 0xc0, 0xff) : QColor(0x2f, 0x6f, 0xb3); // blue
    case Device::Status::Offline:
    case Device::Status::Unknown:
        break;
    }
    return {};
}

QIcon DeviceTableModel::icon(const QString& name, const QColor& color) const
{
    const QString key = name + QLatin1Char('/') + (color.isValid() ? color.name() : QString());
    auto it = m_icons.constFind(key);
    if (it == m_icons.constEnd())
        it = m_icons.insert(key, color.isValid() ? Icons::themed(name, color) : Icons::themed(name));
    return *it;
}

QDateTime DeviceTableModel::now() const
{
    if (m_clock)
        return m_clock();
    for (const QAbstractItemModel* model = sourceModel(); model;) {
        if (const auto* list = qobject_cast<const DeviceListModel*>(model))
            return list->relativeTime().now();
        const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model);
        model = proxy ? proxy->sourceModel() : nullptr;
    }
    return QDateTime::currentDateTimeUtc();
}

QString DeviceTableModel::autoSignOutText(const QModelIndex& index) const
{
    const Device device = index.data(DeviceListModel::DeviceRole).value<Device>();
    // A guest's own end comes before any inactivity rule (guests last 30 days at most).
    if (device.isGuest())
        return GuestEnd::detailText(device.guestUntil, now());
    return device.autoSignOutText(now());
}

QString DeviceTableModel::guestText(const QModelIndex& index) const
{
    const QDateTime end = index.data(DeviceListModel::DeviceRole).value<Device>().guestUntil;
    return end.isValid() ? GuestEnd::rowText(end, now()) : QString();
}

QVariant DeviceTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const int column = index.column();
    if (role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) {
        const QString base = QIdentityProxyModel::data(index, role).toString();
        const bool wanted = role == Qt::AccessibleDescriptionRole || column == DeviceListModel::LastActiveColumn;
        const QString autoSignOut = wanted ? autoSignOutText(index) : QString();
        QString text = base;
        if (!autoSignOut.isEmpty())
            text = base.isEmpty()
                       ? autoSignOut
                       : base + (role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", ")) + autoSignOut;
        if (text.isEmpty())
            return QIdentityProxyModel::data(index, role);
        // A tooltip holds the service's titles and profile names: never rendered as markup.
        return role == Qt::ToolTipRole ? PlainToolTip::of(text) : text;
    }
    if (role == Qt::DecorationRole) {
        if (column == DeviceListModel::NameColumn)
            return icon(index.data(DeviceListModel::TypeIconRole).toString());
        if (column == DeviceListModel::StatusColumn) {
            const int status = index.data(DeviceListModel::StatusRole).toInt();
            return icon(index.data(DeviceListModel::StatusIconRole).toString(), statusColor(status));
        }
        if (column == DeviceListModel::LastActiveColumn && index.data(DeviceListModel::InactiveRole).toBool())
            return icon(QStringLiteral("hourglass"));
        if (column == DeviceListModel::LastActiveColumn && !autoSignOutText(index).isEmpty())
            return icon(QStringLiteral("clock"));
        return {};
    }
    if ((role == Qt::DisplayRole || role == Qt::AccessibleTextRole) && column == DeviceListModel::LastActiveColumn) {
        if (const QString guest = guestText(index); !guest.isEmpty())
            return guest; // "Guest · signs out in 1 day 3 h"; the last activity is in the tooltip
    }
    if (role == Qt::DisplayRole) {
        if (column == DeviceListModel::NameColumn && index.data(DeviceListModel::IsCurrentRole).toBool())
            return tr("%1 (This device)").arg(QIdentityProxyModel::data(index, role).toString());
        if (column == DeviceListModel::LastActiveColumn && index.data(DeviceListModel::InactiveRole).toBool())
            return tr("Inactive for 90+ days");
    }
    if (role == Qt::ForegroundRole && column == DeviceListModel::StatusColumn) {
        const QColor color = statusColor(index.data(DeviceListModel::StatusRole).toInt());
        return color.isValid() ? QVariant(color) : QVariant();
    }
    if (role == Qt::FontRole && index.data(DeviceListModel::IsCurrentRole).toBool()) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace vigil
