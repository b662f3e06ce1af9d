// DeviceListModel, continued: what each cell shows, says to screen readers, and sorts by.
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceSortKey.h"

namespace vigil {

namespace {

QString statusWord(Device::Status status)
{
    switch (status) {
    case Device::Status::Streaming:
        return DeviceListModel::tr("streaming");
    case Device::Status::Paused:
        return DeviceListModel::tr("paused");
    case Device::Status::Idle:
        return DeviceListModel::tr("idle");
    case Device::Status::Offline:
        return DeviceListModel::tr("offline");
    case Device::Status::Unknown:
        break;
    }
    return DeviceListModel::tr("status unknown");
}

} // namespace

QVariant DeviceListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[size_t(index.row())];
    const Device& device = row.device;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        if (column == NameColumn) {
            return accessibleText(row);
        }
        if (column == LastActiveColumn) {
            return m_time.text(device.lastActive, RelativeTime::Style::Long);
        }
        // An empty cell reads as nothing at all to a screen reader: say what the blank means.
        if (displayText(row, column).isEmpty()) {
            return column == ProfileColumn ? tr("No profile") : tr("Not known");
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        return column == NameColumn ? QVariant(accessibleDescription(row)) : QVariant();
    case IdRole:
        return device.id;
    case DeviceRole:
        return QVariant::fromValue(device);
    case TypeRole:
        return int(device.type);
    case TypeIconRole:
        return Device::typeIconName(device.type);
    case StatusRole:
        return int(device.status);
    case StatusIconRole:
        return Device::statusIconName(device.status);
    case StatusTextRole:
        return Device::statusText(device.status);
    case StatusTitleRole:
        return device.statusTitle;
    case ProfileRole:
        return device.shownProfile();
    case IsCurrentRole:
        return device.isCurrent;
    case IncompleteRole:
        return device.incomplete();
    case LastActiveRole:
        return device.lastActive;
    case FirstSignInRole:
        return device.firstSignIn;
    case InactiveRole:
        return isInactive(row, m_time.now().toMSecsSinceEpoch());
    case CountryRole:
        return device.location.countryCode;
    case LocationRole:
        return row.locationText;
    case SearchKeyRole:
        return searchKeyAt(index.row()).toString();
    case SortRole:
        return DeviceSortKey::of(*this, index.row(), column).value();
    case NewRole:
        return isNewAt(index.row(), m_time.now().toMSecsSinceEpoch());
    default:
        return {};
    }
}

QString DeviceListModel::displayText(const Row& row, int column) const
{
    const Device& device = row.device;
    switch (column) {
    case NameColumn:
        return device.displayName();
    case StatusColumn:
        return Device::statusText(device.status);
    case ProfileColumn:
        return device.shownProfile();
    case LocationColumn:
        return row.locationText;
    case LastActiveColumn:
        return m_time.text(device.lastActive);
    case TypeColumn:
        return Device::typeText(device.type);
    case OsColumn:
        return device.osText();
    case AppColumn:
        return device.appText();
    case IpColumn:
        return device.ip;
    case FirstSignInColumn:
        return m_time.dateText(device.firstSignIn);
    default:
        return {};
    }
}

QString DeviceListModel::accessibleText(const Row& row) const
{
    const Device& device = row.device;
    QString text = device.isCurrent ? tr("%1 (this device)").arg(device.displayName()) : device.displayName();
    text = tr("%1, %2", "device name, status").arg(text, statusWord(device.status));
    if (!device.shownProfile().isEmpty()) {
        text = tr("%1, profile %2").arg(text, device.shownProfile());
    }
    if (row.newUntilMs > m_time.now().toMSecsSinceEpoch()) {
        // What the "New" badge says, for those who don't see it.
        text = tr("%1, new, not confirmed yet").arg(text);
    }
    if (device.incomplete()) {
        text = tr("%1, incomplete data").arg(text);
    }
    return text;
}

QString DeviceListModel::accessibleDescription(const Row& row) const
{
    const Device& device = row.device;
    if (!device.lastActive.isValid()) {
        return tr("no activity yet, %1").arg(device.placeText());
    }
    return tr("last active %1, %2").arg(m_time.text(device.lastActive, RelativeTime::Style::Long), device.placeText());
}

QString DeviceListModel::toolTip(const Row& row, int column) const
{
    const Device& device = row.device;
    switch (column) {
    case NameColumn:
        if (device.incomplete()) {
            return tr("Some details of this device are missing or unreadable: %1")
                .arg(device.problems.join(QLatin1String(", ")));
        }
        return device.isCurrent ? tr("This device") : QString();
    case StatusColumn:
        if ((device.status == Device::Status::Streaming || device.status == Device::Status::Paused) &&
            !device.statusTitle.isEmpty()) {
            return tr("%1 “%2” on profile %3")
                .arg(Device::statusText(device.status), device.statusTitle, device.statusProfile);
        }
        return {};
    case LastActiveColumn:
        return m_time.exactText(device.lastActive);
    case FirstSignInColumn:
        return m_time.exactText(device.firstSignIn);
    default:
        return {};
    }
}

QVariant DeviceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Device");
    case StatusColumn:
        return tr("Status");
    case ProfileColumn:
        return tr("Profile");
    case LocationColumn:
        return tr("Location");
    case LastActiveColumn:
        return tr("Last Active");
    case TypeColumn:
        return tr("Type");
    case OsColumn:
        return tr("System");
    case AppColumn:
        return tr("App");
    case IpColumn:
        return tr("IP Address");
    case FirstSignInColumn:
        return tr("First Sign-In");
    default:
        return {};
    }
}

Qt::ItemFlags DeviceListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {IdRole, "deviceId"},
        {DeviceRole, "device"},
        {TypeRole, "type"},
        {TypeIconRole, "typeIcon"},
        {StatusRole, "status"},
        {StatusIconRole, "statusIcon"},
        {StatusTextRole, "statusText"},
        {StatusTitleRole, "statusTitle"},
        {ProfileRole, "profile"},
        {IsCurrentRole, "isCurrent"},
        {IncompleteRole, "incomplete"},
        {LastActiveRole, "lastActive"},
        {FirstSignInRole, "firstSignIn"},
        {InactiveRole, "inactive"},
        {CountryRole, "country"},
        {LocationRole, "location"},
        {SearchKeyRole, "searchKey"},
        {SortRole, "sortValue"},
        {NewRole, "isNew"},
    });
    return names;
}

} // namespace vigil
