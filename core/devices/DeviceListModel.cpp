#include "core/devices/DeviceListModel.h"

#include "core/devices/DevicesLog.h"
#include "core/devices/SearchKey.h"

#include <QJsonValue>
#include <utility>

namespace vigil {

namespace {

constexpr qint64 msPerDay = qint64(24) * 60 * 60 * 1000;

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

qint64 toMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : DeviceListModel::noTime;
}

QString eventDeviceId(const QJsonObject& body, const QJsonObject& payload)
{
    QString id = body.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        id = payload.value(QLatin1String("device_id")).toString();
    }
    return id;
}

} // namespace

DeviceListModel::DeviceListModel(QObject* parent) : QAbstractTableModel(parent) {}

DeviceListModel::~DeviceListModel() = default;

void DeviceListModel::setRelativeTime(const RelativeTime& relativeTime)
{
    m_time = relativeTime;
    refreshRelativeTimes();
}

DeviceListModel::Row DeviceListModel::makeRow(const Device& device)
{
    Row row;
    row.device = device;
    row.locationText = device.locationText();
    row.lastActiveMs = toMs(device.lastActive);
    row.firstSignInMs = toMs(device.firstSignIn);
    return row;
}

void DeviceListModel::storeSearchKey(Row& row)
{
    const Device& device = row.device;
    const Device::Location& place = device.location;
    const QString fields[] = {device.displayName(),
                              Device::typeText(device.type),
                              Device::statusText(device.status),
                              device.osText(),
                              device.appText(),
                              device.ip,
                              place.city,
                              place.region,
                              place.country,
                              device.lastProfile,
                              device.statusProfile,
                              device.statusTitle};
    row.keyStart = m_searchKeys.size();
    for (const QString& field : fields) {
        if (field.isEmpty()) {
            continue;
        }
        if (m_searchKeys.size() > row.keyStart) {
            m_searchKeys.append(SearchKey::separator);
        }
        SearchKey::appendFolded(m_searchKeys, field);
    }
    row.keyLength = m_searchKeys.size() - row.keyStart;
}

void DeviceListModel::dropSearchKey(const Row& row)
{
    m_searchKeyGarbage += row.keyLength;
    if (m_searchKeyGarbage < 64 * 1024 || m_searchKeyGarbage < m_searchKeys.size() / 2) {
        return;
    }
    // Mostly garbage: copy the live keys into a fresh buffer, in row order.
    QString compact;
    compact.reserve(m_searchKeys.size() - m_searchKeyGarbage + row.keyLength + 256);
    for (Row& entry : m_rows) {
        const qsizetype start = compact.size();
        compact.append(QStringView(m_searchKeys.constData() + entry.keyStart, entry.keyLength));
        entry.keyStart = start;
    }
    m_searchKeys = std::move(compact);
    m_searchKeyGarbage = 0;
}

void DeviceListModel::rebuildIndex(int fromRow)
{
    for (int row = fromRow; row < int(m_rows.size()); ++row) {
        m_rowById.insert(m_rows[size_t(row)].device.id, row);
    }
}

void DeviceListModel::setDevices(const QList<Device>& devices)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_searchKeys.clear();
    m_searchKeyGarbage = 0;
    m_rows.reserve(size_t(devices.size()));
    m_rowById.reserve(devices.size());
    m_searchKeys.reserve(devices.size() * 128);
    int ignored = 0;
    for (const Device& device : devices) {
        if (device.id.isEmpty() || m_rowById.contains(device.id)) {
            ++ignored;
            continue;
        }
        m_rowById.insert(device.id, int(m_rows.size()));
        m_rows.push_back(makeRow(device));
        storeSearchKey(m_rows.back());
    }
    m_usualCountries.reset();
    endResetModel();
    if (ignored > 0) {
        qCWarning(lcDevices) << "ignored" << ignored << "devices without id or with a duplicate id";
    }
}

QList<Device> DeviceListModel::devices() const
{
    QList<Device> list;
    list.reserve(qsizetype(m_rows.size()));
    for (const Row& row : m_rows) {
        list.append(row.device);
    }
    return list;
}

DeviceListModel::Change DeviceListModel::upsert(const Device& device)
{
    if (device.id.isEmpty()) {
        return Change::InvalidPayload;
    }
    const auto it = m_rowById.constFind(device.id);
    if (it == m_rowById.constEnd()) {
        const int row = int(m_rows.size());
        beginInsertRows(QModelIndex(), row, row);
        m_rows.push_back(makeRow(device));
        storeSearchKey(m_rows.back());
        m_rowById.insert(device.id, row);
        m_usualCountries.reset();
        endInsertRows();
        return Change::Inserted;
    }
    const int row = *it;
    Row& current = m_rows[size_t(row)];
    if (current.device == device) {
        return Change::Unchanged;
    }
    const Row previous = std::exchange(current, makeRow(device));
    storeSearchKey(current);
    dropSearchKey(previous);
    m_usualCountries.reset();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return Change::Updated;
}

bool DeviceListModel::remove(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0) {
        return false;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_searchKeyGarbage += m_rows[size_t(row)].keyLength;
    m_rows.erase(m_rows.begin() + row);
    m_rowById.remove(id);
    rebuildIndex(row);
    m_usualCountries.reset();
    endRemoveRows();
    return true;
}

DeviceListModel::Change DeviceListModel::applyEvent(QStringView type, const QJsonObject& payload)
{
    const QJsonValue wrapped = payload.value(QLatin1String("device"));
    const QJsonObject body = wrapped.isObject() ? wrapped.toObject() : payload;

    if (type == QLatin1String("device.removed")) {
        const QString id = eventDeviceId(body, payload);
        if (id.isEmpty()) {
            return Change::InvalidPayload;
        }
        return remove(id) ? Change::Removed : Change::UnknownDevice;
    }
    if (type == QLatin1String("device.signed_in")) {
        const std::optional<Device> device = Device::fromJson(body);
        return device ? upsert(*device) : Change::InvalidPayload;
    }
    if (type == QLatin1String("device.updated")) {
        const QString id = eventDeviceId(body, payload);
        if (id.isEmpty()) {
            return Change::InvalidPayload;
        }
        const int row = rowOf(id);
        if (row < 0) {
            // A full device can be shown at once; a partial one needs a refetch by the caller.
            const std::optional<Device> device = Device::fromJson(body);
            return device && !device->incomplete() ? upsert(*device) : Change::UnknownDevice;
        }
        Device merged = m_rows[size_t(row)].device;
        merged.mergeJson(body);
        return upsert(merged);
    }
    return Change::IgnoredEvent;
}

void DeviceListModel::refreshRelativeTimes()
{
    m_usualCountries.reset();
    if (m_rows.empty()) {
        return;
    }
    Q_EMIT dataChanged(
        index(0, 0),
        index(int(m_rows.size()) - 1, LastActiveColumn),
        {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, Qt::AccessibleDescriptionRole, InactiveRole});
}

int DeviceListModel::incompleteCount() const
{
    int count = 0;
    for (const Row& row : m_rows) {
        count += row.device.incomplete() ? 1 : 0;
    }
    return count;
}

QSet<QString> DeviceListModel::usualCountries() const
{
    if (m_usualCountries) {
        return *m_usualCountries;
    }
    const qint64 familiarBefore = m_time.now().toMSecsSinceEpoch() - familiarAfterDays * msPerDay;
    QSet<QString> countries;
    for (const Row& row : m_rows) {
        const QString& code = row.device.location.countryCode;
        if (code.isEmpty()) {
            continue;
        }
        if (row.device.isCurrent || (row.firstSignInMs != noTime && row.firstSignInMs <= familiarBefore)) {
            countries.insert(code);
        }
    }
    m_usualCountries = countries;
    return countries;
}

bool DeviceListModel::isInactive(const Row& row, qint64 nowMs) const
{
    if (row.device.isCurrent) {
        return false;
    }
    const qint64 activity = row.lastActiveMs != noTime ? row.lastActiveMs : row.firstSignInMs;
    return activity != noTime && activity <= nowMs - RelativeTime::inactiveDays * msPerDay;
}

bool DeviceListModel::isInactiveAt(int row, qint64 nowMs) const
{
    return isInactive(m_rows[size_t(row)], nowMs);
}

bool DeviceListModel::isFamiliarAt(int row, const QSet<QString>& usualCountries) const
{
    // With no baseline yet, or no known country, nothing can be called unfamiliar.
    const QString& code = m_rows[size_t(row)].device.location.countryCode;
    return code.isEmpty() || usualCountries.isEmpty() || usualCountries.contains(code);
}

int DeviceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeviceListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

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
        return sortValue(row, column);
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

QVariant DeviceListModel::sortValue(const Row& row, int column) const
{
    const Device& device = row.device;
    switch (column) {
    case NameColumn:
        return device.displayName();
    case StatusColumn:
        return int(device.status);
    case ProfileColumn:
        return device.shownProfile();
    case LocationColumn:
        return device.location.isKnown() ? row.locationText : QString();
    case LastActiveColumn:
        return row.lastActiveMs;
    case TypeColumn:
        return int(device.type);
    case OsColumn:
        return device.osText();
    case AppColumn:
        return device.appText();
    case IpColumn:
        return device.ip;
    case FirstSignInColumn:
        return row.firstSignInMs;
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
    });
    return names;
}

} // namespace vigil
