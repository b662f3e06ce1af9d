#include "core/devices/DeviceListModel.h"

#include "core/devices/DevicesLog.h"
#include "core/devices/SearchKey.h"

#include <QJsonValue>
#include <algorithm>
#include <utility>

namespace vigil {

namespace {

constexpr qint64 msPerDay = qint64(24) * 60 * 60 * 1000;

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
    row.newUntilMs = toMs(device.newUntil);
    row.facts = {device.status, device.type, device.isCurrent};
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
    if (m_searchKeyGarbage < qint64(64) * 1024 || m_searchKeyGarbage < m_searchKeys.size() / 2) {
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

void DeviceListModel::beginUpdates()
{
    ++m_burstDepth;
}

void DeviceListModel::endUpdates()
{
    if (m_burstDepth > 0 && --m_burstDepth == 0)
        announceGathered();
}

void DeviceListModel::announceGathered()
{
    if (m_gathered.empty())
        return;
    std::sort(m_gathered.begin(), m_gathered.end());
    m_gathered.erase(std::unique(m_gathered.begin(), m_gathered.end()), m_gathered.end());
    m_announcing = std::exchange(m_gathered, {});
    Q_EMIT dataChanged(index(m_announcing.front(), 0), index(m_announcing.back(), ColumnCount - 1));
    m_announcing.clear();
}

void DeviceListModel::setDevices(const QList<Device>& devices)
{
    m_gathered.clear(); // every row is new anyway
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
        // Views and proxies must know every earlier change before rows come or go.
        announceGathered();
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
    // Status updates (nearly every live event) leave the usual countries as they are: no rescan of
    // every row for them.
    if (previous.device.location.countryCode != current.device.location.countryCode ||
        previous.firstSignInMs != current.firstSignInMs || previous.facts.isCurrent != current.facts.isCurrent) {
        m_usualCountries.reset();
    }
    if (m_burstDepth > 0)
        m_gathered.push_back(row);
    else
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return Change::Updated;
}

bool DeviceListModel::remove(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0) {
        return false;
    }
    announceGathered(); // with the row numbers they were gathered with
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
    announceGathered();
    m_usualCountries.reset();
    if (m_rows.empty()) {
        return;
    }
    Q_EMIT dataChanged(index(0, 0),
                       index(int(m_rows.size()) - 1, LastActiveColumn),
                       {Qt::DisplayRole,
                        Qt::ToolTipRole,
                        Qt::AccessibleTextRole,
                        Qt::AccessibleDescriptionRole,
                        InactiveRole,
                        NewRole});
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
    if (row.facts.isCurrent) {
        return false;
    }
    const qint64 activity = row.lastActiveMs != noTime ? row.lastActiveMs : row.firstSignInMs;
    return activity != noTime && activity <= nowMs - RelativeTime::inactiveDays * msPerDay;
}

bool DeviceListModel::isInactiveAt(int row, qint64 nowMs) const
{
    return isInactive(m_rows[size_t(row)], nowMs);
}

QDateTime DeviceListModel::currentNewUntil() const
{
    const qint64 nowMs = m_time.now().toMSecsSinceEpoch();
    for (const Row& row : m_rows) {
        if (row.facts.isCurrent) {
            return row.newUntilMs > nowMs ? row.device.newUntil : QDateTime();
        }
    }
    return {};
}

int DeviceListModel::newOthersCount() const
{
    const qint64 nowMs = m_time.now().toMSecsSinceEpoch();
    int count = 0;
    for (const Row& row : m_rows) {
        count += !row.facts.isCurrent && row.newUntilMs > nowMs ? 1 : 0;
    }
    return count;
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

} // namespace vigil
