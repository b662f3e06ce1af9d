#include "core/devices/DeviceFilterModel.h"

#include "core/devices/DeviceListModel.h"
#include "core/devices/DevicesLog.h"
#include "core/devices/SearchKey.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

namespace vigil {

namespace {

// Ranges larger than this (the relative-time tick, say) are re-sorted and re-filtered in one
// layout change instead of row by row.
constexpr int incrementalLimit = 32;

int compareNumbers(qint64 left, qint64 right)
{
    return left < right ? -1 : left > right ? 1 : 0;
}

template <typename Enum>
quint32 maskOf(const QList<Enum>& values)
{
    quint32 mask = 0;
    for (const Enum value : values) {
        mask |= 1u << unsigned(value);
    }
    return mask;
}

} // namespace

DeviceFilterModel::DeviceFilterModel(QObject* parent)
    : QAbstractProxyModel(parent), m_sortColumn(DeviceListModel::LastActiveColumn)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

DeviceFilterModel::~DeviceFilterModel() = default;

void DeviceFilterModel::setSourceModel(QAbstractItemModel* model)
{
    auto* devices = qobject_cast<DeviceListModel*>(model);
    if (model && !devices) {
        qCWarning(lcDevices) << "DeviceFilterModel only works on a DeviceListModel";
    }
    beginResetModel();
    for (const QMetaObject::Connection& connection : std::as_const(m_connections)) {
        disconnect(connection);
    }
    m_connections.clear();
    m_devices = devices;
    QAbstractProxyModel::setSourceModel(devices);
    if (devices) {
        m_connections = {
            connect(devices, &QAbstractItemModel::dataChanged, this, &DeviceFilterModel::onSourceDataChanged),
            connect(devices, &QAbstractItemModel::rowsInserted, this, &DeviceFilterModel::onSourceRowsInserted),
            connect(devices,
                    &QAbstractItemModel::rowsAboutToBeRemoved,
                    this,
                    &DeviceFilterModel::onSourceRowsAboutToBeRemoved),
            connect(devices, &QAbstractItemModel::rowsRemoved, this, &DeviceFilterModel::onSourceRowsRemoved),
            connect(
                devices, &QAbstractItemModel::modelAboutToBeReset, this, &DeviceFilterModel::onSourceAboutToBeReset),
            connect(devices, &QAbstractItemModel::modelReset, this, &DeviceFilterModel::onSourceReset),
            // The source never reorders itself; should it, start over rather than guess.
            connect(
                devices, &QAbstractItemModel::layoutAboutToBeChanged, this, &DeviceFilterModel::onSourceAboutToBeReset),
            connect(devices, &QAbstractItemModel::layoutChanged, this, &DeviceFilterModel::onSourceReset),
            connect(
                devices, &QAbstractItemModel::headerDataChanged, this, &DeviceFilterModel::onSourceHeaderDataChanged),
            connect(devices,
                    &QObject::destroyed,
                    this,
                    [this] {
                        beginResetModel();
                        m_sorted.clear();
                        m_sortedPos.clear();
                        m_rows.clear();
                        m_proxyOf.clear();
                        endResetModel();
                    }),
        };
    }
    rebuild();
    endResetModel();
}

void DeviceFilterModel::setStatusFilter(const QList<Device::Status>& statuses)
{
    const quint32 mask = maskOf(statuses);
    if (mask != m_statusMask) {
        m_statusMask = mask;
        filterChanged(false);
    }
}

void DeviceFilterModel::setTypeFilter(const QList<Device::Type>& types)
{
    const quint32 mask = maskOf(types);
    if (mask != m_typeMask) {
        m_typeMask = mask;
        filterChanged(false);
    }
}

void DeviceFilterModel::setInactiveOnly(bool on)
{
    if (on != m_inactiveOnly) {
        m_inactiveOnly = on;
        filterChanged(false);
    }
}

void DeviceFilterModel::setUnfamiliarOnly(bool on)
{
    if (on != m_unfamiliarOnly) {
        m_unfamiliarOnly = on;
        filterChanged(false);
    }
}

void DeviceFilterModel::setUsualCountries(const std::optional<QSet<QString>>& countries)
{
    m_usualOverride = countries;
    filterChanged(false);
}

void DeviceFilterModel::setHideCurrent(bool on)
{
    if (on != m_hideCurrent) {
        m_hideCurrent = on;
        filterChanged(false);
    }
}

void DeviceFilterModel::setSearchText(const QString& text)
{
    if (text == m_searchText) {
        return;
    }
    const QString folded = SearchKey::fold(text);
    // Every word of the longer text contains a word of the shorter one, so a text that only grew
    // can only hide rows: look at the current result, not at every device.
    const bool narrowing = folded.startsWith(m_foldedSearch);
    m_searchText = text;
    m_foldedSearch = folded;
    m_searchWords.clear();
    const QStringList words = folded.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        m_searchWords.emplace_back(word, Qt::CaseSensitive);
    }
    filterChanged(narrowing);
}

void DeviceFilterModel::refresh()
{
    if (!m_devices) {
        return;
    }
    std::vector<std::pair<int, int>> kept; // (source row, column) of every persistent index
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    kept.reserve(size_t(from.size()));
    for (const QModelIndex& index : from) {
        kept.emplace_back(m_rows[size_t(index.row())], index.column());
    }
    rebuild();
    QModelIndexList to;
    to.reserve(from.size());
    for (const auto& [sourceRow, column] : kept) {
        const int row = m_proxyOf[size_t(sourceRow)];
        to.append(row >= 0 ? createIndex(row, column) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void DeviceFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column >= DeviceListModel::ColumnCount || (column == m_sortColumn && order == m_sortOrder)) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    refresh();
}

void DeviceFilterModel::captureCriteria()
{
    if (!m_devices) {
        return;
    }
    m_nowMs = m_devices->relativeTime().now().toMSecsSinceEpoch();
    m_usual = m_usualOverride ? *m_usualOverride : m_devices->usualCountries();
}

bool DeviceFilterModel::matchesSearch(int sourceRow) const
{
    if (m_searchWords.empty()) {
        return true;
    }
    const QStringView key = m_devices->searchKeyAt(sourceRow);
    for (const QStringMatcher& word : m_searchWords) {
        if (word.indexIn(key) < 0) {
            return false;
        }
    }
    return true;
}

bool DeviceFilterModel::accepts(int sourceRow) const
{
    const Device& device = m_devices->deviceAt(sourceRow);
    if (m_hideCurrent && device.isCurrent) {
        return false;
    }
    if (m_statusMask != 0 && (m_statusMask & (1u << unsigned(device.status))) == 0) {
        return false;
    }
    if (m_typeMask != 0 && (m_typeMask & (1u << unsigned(device.type))) == 0) {
        return false;
    }
    if (m_inactiveOnly && !m_devices->isInactiveAt(sourceRow, m_nowMs)) {
        return false;
    }
    if (m_unfamiliarOnly && (device.isCurrent || m_devices->isFamiliarAt(sourceRow, m_usual))) {
        return false;
    }
    return matchesSearch(sourceRow);
}

int DeviceFilterModel::compareColumn(int left, int right, bool& leftEmpty, bool& rightEmpty) const
{
    const DeviceListModel& model = *m_devices;
    const Device& a = model.deviceAt(left);
    const Device& b = model.deviceAt(right);
    const auto texts = [&](const QString& x, const QString& y) {
        leftEmpty = x.isEmpty();
        rightEmpty = y.isEmpty();
        return leftEmpty || rightEmpty ? 0 : m_collator.compare(x, y);
    };
    const auto times = [&](qint64 x, qint64 y) {
        leftEmpty = x == DeviceListModel::noTime;
        rightEmpty = y == DeviceListModel::noTime;
        return compareNumbers(x, y);
    };
    switch (m_sortColumn) {
    case DeviceListModel::NameColumn:
        return texts(a.name, b.name);
    case DeviceListModel::StatusColumn:
        leftEmpty = a.status == Device::Status::Unknown;
        rightEmpty = b.status == Device::Status::Unknown;
        return compareNumbers(int(a.status), int(b.status));
    case DeviceListModel::ProfileColumn:
        return texts(a.shownProfile(), b.shownProfile());
    case DeviceListModel::LocationColumn:
        leftEmpty = !a.location.isKnown();
        rightEmpty = !b.location.isKnown();
        return leftEmpty || rightEmpty ? 0
                                       : m_collator.compare(model.locationTextAt(left), model.locationTextAt(right));
    case DeviceListModel::LastActiveColumn:
        return times(model.lastActiveMsAt(left), model.lastActiveMsAt(right));
    case DeviceListModel::TypeColumn:
        leftEmpty = a.type == Device::Type::Unknown;
        rightEmpty = b.type == Device::Type::Unknown;
        return compareNumbers(int(a.type), int(b.type));
    case DeviceListModel::OsColumn: {
        const int result = texts(a.os, b.os);
        return result != 0 || leftEmpty || rightEmpty ? result : m_collator.compare(a.osVersion, b.osVersion);
    }
    case DeviceListModel::AppColumn: {
        const int result = texts(a.app, b.app);
        return result != 0 || leftEmpty || rightEmpty ? result : m_collator.compare(a.appVersion, b.appVersion);
    }
    case DeviceListModel::IpColumn:
        return texts(a.ip, b.ip);
    case DeviceListModel::FirstSignInColumn:
        return times(model.firstSignInMsAt(left), model.firstSignInMsAt(right));
    default:
        leftEmpty = rightEmpty = false;
        return 0;
    }
}

bool DeviceFilterModel::lessThan(int left, int right) const
{
    if (left == right) {
        return false;
    }
    bool leftEmpty = false;
    bool rightEmpty = false;
    int result = compareColumn(left, right, leftEmpty, rightEmpty);
    if (leftEmpty != rightEmpty) {
        return rightEmpty; // empty values last, whatever the order
    }
    if (!leftEmpty && result != 0) {
        return m_sortOrder == Qt::DescendingOrder ? result > 0 : result < 0;
    }
    if (m_sortColumn != DeviceListModel::LastActiveColumn) {
        // Ties: most recently active first, never-active last.
        const qint64 a = m_devices->lastActiveMsAt(left);
        const qint64 b = m_devices->lastActiveMsAt(right);
        if (a != b) {
            return a > b;
        }
    }
    return left < right; // arrival order: a strict total order keeps binary searches exact
}

void DeviceFilterModel::rebuild()
{
    captureCriteria();
    resortAll();
    refilterAll();
}

void DeviceFilterModel::resortAll()
{
    const int count = m_devices ? m_devices->rowCount() : 0;
    m_sorted.resize(size_t(count));
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    if (m_sortColumn >= 0 && m_devices) {
        std::sort(m_sorted.begin(), m_sorted.end(), [this](int a, int b) { return lessThan(a, b); });
    }
    m_sortedPos.resize(size_t(count));
    rebuildSortedPos(0, count);
}

void DeviceFilterModel::refilterAll()
{
    m_rows.clear();
    m_rows.reserve(m_sorted.size());
    for (const int sourceRow : m_sorted) {
        if (accepts(sourceRow)) {
            m_rows.push_back(sourceRow);
        }
    }
    m_lastScanCount = int(m_sorted.size());
    m_proxyOf.assign(m_sorted.size(), -1);
    rebuildProxyOf(0, int(m_rows.size()));
}

void DeviceFilterModel::rebuildProxyOf(int fromProxyRow, int toProxyRow)
{
    toProxyRow = std::min(toProxyRow, int(m_rows.size()));
    for (int row = std::max(fromProxyRow, 0); row < toProxyRow; ++row) {
        m_proxyOf[size_t(m_rows[size_t(row)])] = row;
    }
}

void DeviceFilterModel::rebuildSortedPos(int from, int to)
{
    to = std::min(to, int(m_sorted.size()));
    for (int position = std::max(from, 0); position < to; ++position) {
        m_sortedPos[size_t(m_sorted[size_t(position)])] = position;
    }
}

void DeviceFilterModel::filterChanged(bool narrowing)
{
    if (!m_devices) {
        return;
    }
    std::vector<int> rows;
    if (narrowing) {
        rows.reserve(m_rows.size());
        for (const int sourceRow : m_rows) {
            if (matchesSearch(sourceRow)) {
                rows.push_back(sourceRow);
            }
        }
        m_lastScanCount = int(m_rows.size());
    } else {
        captureCriteria();
        rows.reserve(m_sorted.size());
        for (const int sourceRow : m_sorted) {
            if (accepts(sourceRow)) {
                rows.push_back(sourceRow);
            }
        }
        m_lastScanCount = int(m_sorted.size());
    }
    publishRows(std::move(rows));
}

void DeviceFilterModel::publishRows(std::vector<int> rows)
{
    if (rows == m_rows) {
        return;
    }
    // One layout change instead of one remove per hidden stretch of rows: views relayout once,
    // and selection/current index survive wherever their row is still shown.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    const QModelIndexList from = persistentIndexList();
    std::vector<std::pair<int, int>> kept;
    kept.reserve(size_t(from.size()));
    for (const QModelIndex& index : from) {
        kept.emplace_back(m_rows[size_t(index.row())], index.column());
    }
    for (const int sourceRow : m_rows) {
        m_proxyOf[size_t(sourceRow)] = -1;
    }
    m_rows = std::move(rows);
    rebuildProxyOf(0, int(m_rows.size()));
    QModelIndexList to;
    to.reserve(from.size());
    for (const auto& [sourceRow, column] : kept) {
        const int row = m_proxyOf[size_t(sourceRow)];
        to.append(row >= 0 ? createIndex(row, column) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

void DeviceFilterModel::updateSourceRow(int sourceRow)
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };

    // Keep the full sorted order exact, so later filter changes need no sorting.
    const int oldPosition = m_sortedPos[size_t(sourceRow)];
    m_sorted.erase(m_sorted.begin() + oldPosition);
    const auto at = std::lower_bound(m_sorted.begin(), m_sorted.end(), sourceRow, less);
    const int newPosition = int(at - m_sorted.begin());
    m_sorted.insert(at, sourceRow);
    rebuildSortedPos(std::min(oldPosition, newPosition), std::max(oldPosition, newPosition) + 1);

    const int oldRow = m_proxyOf[size_t(sourceRow)];
    const bool accepted = accepts(sourceRow);
    if (oldRow >= 0 && accepted) {
        // Find the new place without the row, then put it back until the views are told.
        m_rows.erase(m_rows.begin() + oldRow);
        const int newRow = int(std::lower_bound(m_rows.begin(), m_rows.end(), sourceRow, less) - m_rows.begin());
        m_rows.insert(m_rows.begin() + oldRow, sourceRow);
        if (newRow == oldRow) {
            return;
        }
        beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(), newRow > oldRow ? newRow + 1 : newRow);
        m_rows.erase(m_rows.begin() + oldRow);
        m_rows.insert(m_rows.begin() + newRow, sourceRow);
        rebuildProxyOf(std::min(oldRow, newRow), std::max(oldRow, newRow) + 1);
        endMoveRows();
    } else if (oldRow >= 0) {
        beginRemoveRows(QModelIndex(), oldRow, oldRow);
        m_rows.erase(m_rows.begin() + oldRow);
        m_proxyOf[size_t(sourceRow)] = -1;
        rebuildProxyOf(oldRow, int(m_rows.size()));
        endRemoveRows();
    } else if (accepted) {
        const auto place = std::lower_bound(m_rows.begin(), m_rows.end(), sourceRow, less);
        const int newRow = int(place - m_rows.begin());
        beginInsertRows(QModelIndex(), newRow, newRow);
        m_rows.insert(place, sourceRow);
        rebuildProxyOf(newRow, int(m_rows.size()));
        endInsertRows();
    }
}

void DeviceFilterModel::onSourceDataChanged(const QModelIndex& topLeft,
                                            const QModelIndex& bottomRight,
                                            const QList<int>& roles)
{
    if (!m_devices || !topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid()) {
        return;
    }
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (last - first >= incrementalLimit) {
        refresh();
        if (!m_rows.empty()) {
            Q_EMIT dataChanged(
                createIndex(0, topLeft.column()), createIndex(int(m_rows.size()) - 1, bottomRight.column()), roles);
        }
        return;
    }
    m_nowMs = m_devices->relativeTime().now().toMSecsSinceEpoch();
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        updateSourceRow(sourceRow);
        const int row = m_proxyOf[size_t(sourceRow)];
        if (row >= 0) {
            Q_EMIT dataChanged(createIndex(row, topLeft.column()), createIndex(row, bottomRight.column()), roles);
        }
    }
    checkUsualCountries();
}

void DeviceFilterModel::onSourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (!m_devices || parent.isValid()) {
        return;
    }
    const int count = last - first + 1;
    for (int& sourceRow : m_sorted) {
        sourceRow += sourceRow >= first ? count : 0;
    }
    for (int& sourceRow : m_rows) {
        sourceRow += sourceRow >= first ? count : 0;
    }
    m_proxyOf.insert(m_proxyOf.begin() + first, size_t(count), -1);
    m_sortedPos.insert(m_sortedPos.begin() + first, size_t(count), 0);

    const auto less = [this](int a, int b) { return lessThan(a, b); };
    m_nowMs = m_devices->relativeTime().now().toMSecsSinceEpoch();
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        const auto at = std::lower_bound(m_sorted.begin(), m_sorted.end(), sourceRow, less);
        const int position = int(at - m_sorted.begin());
        m_sorted.insert(at, sourceRow);
        rebuildSortedPos(position, int(m_sorted.size()));
        if (!accepts(sourceRow)) {
            continue;
        }
        const auto place = std::lower_bound(m_rows.begin(), m_rows.end(), sourceRow, less);
        const int row = int(place - m_rows.begin());
        beginInsertRows(QModelIndex(), row, row);
        m_rows.insert(place, sourceRow);
        rebuildProxyOf(row, int(m_rows.size()));
        endInsertRows();
    }
    checkUsualCountries();
}

void DeviceFilterModel::onSourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (!m_devices || parent.isValid()) {
        return;
    }
    for (int sourceRow = last; sourceRow >= first; --sourceRow) {
        const int row = m_proxyOf[size_t(sourceRow)];
        if (row >= 0) {
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.erase(m_rows.begin() + row);
            m_proxyOf[size_t(sourceRow)] = -1;
            rebuildProxyOf(row, int(m_rows.size()));
            endRemoveRows();
        }
        const int position = m_sortedPos[size_t(sourceRow)];
        m_sorted.erase(m_sorted.begin() + position);
        rebuildSortedPos(position, int(m_sorted.size()));
    }
}

void DeviceFilterModel::onSourceRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (!m_devices || parent.isValid()) {
        return;
    }
    const int count = last - first + 1;
    for (int& sourceRow : m_sorted) {
        sourceRow -= sourceRow > last ? count : 0;
    }
    for (int& sourceRow : m_rows) {
        sourceRow -= sourceRow > last ? count : 0;
    }
    m_proxyOf.erase(m_proxyOf.begin() + first, m_proxyOf.begin() + last + 1);
    m_sortedPos.erase(m_sortedPos.begin() + first, m_sortedPos.begin() + last + 1);
    checkUsualCountries();
}

void DeviceFilterModel::onSourceAboutToBeReset()
{
    beginResetModel();
}

void DeviceFilterModel::onSourceReset()
{
    rebuild();
    endResetModel();
}

void DeviceFilterModel::onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last)
{
    if (orientation == Qt::Horizontal) {
        Q_EMIT headerDataChanged(orientation, first, last);
    }
}

void DeviceFilterModel::checkUsualCountries()
{
    // A change to one device can change which countries are usual, and so every other row.
    if (!m_unfamiliarOnly || m_usualOverride || !m_devices || m_devices->usualCountries() == m_usual) {
        return;
    }
    refresh();
}

QModelIndex DeviceFilterModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex DeviceFilterModel::parent(const QModelIndex& /*child*/) const
{
    return {};
}

QModelIndex DeviceFilterModel::sibling(int row, int column, const QModelIndex& /*index*/) const
{
    return index(row, column);
}

int DeviceFilterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeviceFilterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_devices ? 0 : m_devices->columnCount();
}

bool DeviceFilterModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.empty() && columnCount() > 0;
}

QVariant DeviceFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        return m_devices ? m_devices->headerData(section, orientation, role) : QVariant();
    }
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

QModelIndex DeviceFilterModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_devices || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= int(m_rows.size())) {
        return {};
    }
    return m_devices->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex DeviceFilterModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_devices || !sourceIndex.isValid() || sourceIndex.model() != m_devices ||
        sourceIndex.row() >= int(m_proxyOf.size())) {
        return {};
    }
    const int row = m_proxyOf[size_t(sourceIndex.row())];
    return row >= 0 ? createIndex(row, sourceIndex.column()) : QModelIndex();
}

} // namespace vigil
