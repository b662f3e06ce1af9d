#include "core/devices/DeviceFilterModel.h"

#include "core/devices/DeviceListModel.h"
#include "core/devices/DevicesLog.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace vigil {

namespace {
constexpr size_t maxSearchSteps = 64;
} // namespace

DeviceFilterModel::DeviceFilterModel(QObject* parent) : QAbstractProxyModel(parent) {}

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
        using Model = QAbstractItemModel;
        using Self = DeviceFilterModel;
        m_connections = {
            connect(devices, &Model::dataChanged, this, &Self::onSourceDataChanged),
            connect(devices, &Model::rowsInserted, this, &Self::onSourceRowsInserted),
            connect(devices, &Model::rowsAboutToBeRemoved, this, &Self::onSourceRowsAboutToBeRemoved),
            connect(devices, &Model::rowsRemoved, this, &Self::onSourceRowsRemoved),
            connect(devices, &Model::modelAboutToBeReset, this, &Self::onSourceAboutToBeReset),
            connect(devices, &Model::modelReset, this, &Self::onSourceReset),
            // The source never reorders itself; should it, start over rather than guess.
            connect(devices, &Model::layoutAboutToBeChanged, this, &Self::onSourceAboutToBeReset),
            connect(devices, &Model::layoutChanged, this, &Self::onSourceReset),
            connect(devices, &Model::headerDataChanged, this, &Self::onSourceHeaderDataChanged),
            connect(devices,
                    &QObject::destroyed,
                    this,
                    [this] {
                        beginResetModel();
                        m_sorted.clear();
                        m_sortedPos.clear();
                        m_rows.clear();
                        m_proxyOf.clear();
                        m_searchSteps.clear();
                        endResetModel();
                    }),
        };
    }
    rebuild();
    endResetModel();
}

void DeviceFilterModel::setStatusFilter(const QList<Device::Status>& statuses)
{
    if (m_filter.setStatuses(statuses)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setTypeFilter(const QList<Device::Type>& types)
{
    if (m_filter.setTypes(types)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setInactiveOnly(bool on)
{
    if (m_filter.setInactiveOnly(on)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setUnfamiliarOnly(bool on)
{
    if (m_filter.setUnfamiliarOnly(on)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setNewOnly(bool on)
{
    if (m_filter.setNewOnly(on)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setUsualCountries(const std::optional<QSet<QString>>& countries)
{
    m_usualOverride = countries;
    criteriaChanged();
}

void DeviceFilterModel::setHideCurrent(bool on)
{
    if (m_filter.setHideCurrent(on)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::setProfileFilter(const QString& profile)
{
    if (m_filter.setProfile(profile)) {
        criteriaChanged();
    }
}

void DeviceFilterModel::criteriaChanged()
{
    m_searchSteps.clear();
    captureContext();
    applyFilter(Scan::AllRows);
}

void DeviceFilterModel::setSearchText(const QString& text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    const QString previous = m_filter.foldedSearch();
    switch (m_filter.setSearchText(text)) {
    case DeviceFilter::SearchChange::Same:
        return;
    case DeviceFilter::SearchChange::Narrower:
        if (m_heldChanges) {
            break; // the shown rows are not what the filter would show now: look at all
        }
        if (m_searchSteps.size() >= maxSearchSteps) {
            m_searchSteps.erase(m_searchSteps.begin());
        }
        m_searchSteps.push_back({previous, m_rows});
        applyFilter(Scan::ShownRows);
        return;
    case DeviceFilter::SearchChange::Wider: {
        const QString& folded = m_filter.foldedSearch();
        while (!m_searchSteps.empty() && m_searchSteps.back().folded.size() > folded.size()) {
            m_searchSteps.pop_back();
        }
        if (!m_searchSteps.empty() && m_searchSteps.back().folded == folded) {
            const std::vector<int> rows = std::move(m_searchSteps.back().rows);
            m_searchSteps.pop_back();
            m_lastScanCount = 0;
            publishRows(rows, QAbstractItemModel::VerticalSortHint);
            return;
        }
        break;
    }
    case DeviceFilter::SearchChange::Other:
        break;
    }
    m_searchSteps.clear();
    applyFilter(Scan::AllRows);
}

void DeviceFilterModel::refresh()
{
    if (!m_devices) {
        return;
    }
    m_searchSteps.clear();
    captureContext();
    resortAll();
    applyFilter(Scan::AllRows);
}

void DeviceFilterModel::setOrderHeld(bool held)
{
    if (held == m_held) {
        return;
    }
    m_held = held;
    if (!held && std::exchange(m_heldChanges, false) && m_devices) {
        m_searchSteps.clear();
        captureContext();
        applyFilter(Scan::AllRows);
    }
}

void DeviceFilterModel::sort(int column, Qt::SortOrder order)
{
    if (!m_sorter.setSort(column, order) || !m_devices) {
        return;
    }
    m_searchSteps.clear();
    resortAll();
    std::vector<int> rows;
    rows.reserve(m_rows.size());
    for (const int sourceRow : m_sorted) {
        if (m_proxyOf[size_t(sourceRow)] >= 0) {
            rows.push_back(sourceRow);
        }
    }
    publishRows(rows, QAbstractItemModel::VerticalSortHint);
}

bool DeviceFilterModel::lessThan(int left, int right) const
{
    return m_sorter.lessThan(*m_devices, left, right);
}

void DeviceFilterModel::captureContext()
{
    if (m_devices) {
        m_filter.setContext(m_devices->relativeTime().now().toMSecsSinceEpoch(),
                            m_usualOverride ? *m_usualOverride : m_devices->usualCountries());
    }
}

void DeviceFilterModel::applyFilter(Scan scan)
{
    if (!m_devices) {
        return;
    }
    // Test in source order (memory order, friendly to the cache), collect in sort order.
    const int count = int(m_proxyOf.size());
    std::vector<char> pass(size_t(count), 0);
    if (scan == Scan::ShownRows) {
        for (int sourceRow = 0; sourceRow < count; ++sourceRow) {
            pass[size_t(sourceRow)] =
                m_proxyOf[size_t(sourceRow)] >= 0 && m_filter.matchesSearch(*m_devices, sourceRow);
        }
        m_lastScanCount = int(m_rows.size());
    } else {
        for (int sourceRow = 0; sourceRow < count; ++sourceRow) {
            pass[size_t(sourceRow)] = m_filter.accepts(*m_devices, sourceRow);
        }
        m_lastScanCount = count;
        m_heldChanges = false; // everything shown as it is now
    }
    std::vector<int> rows;
    rows.reserve(scan == Scan::ShownRows ? m_rows.size() : m_sorted.size());
    for (const int sourceRow : scan == Scan::ShownRows ? m_rows : m_sorted) {
        if (pass[size_t(sourceRow)]) {
            rows.push_back(sourceRow);
        }
    }
    publishRows(rows, QAbstractItemModel::VerticalSortHint);
}

void DeviceFilterModel::publishRows(const std::vector<int>& rows, QAbstractItemModel::LayoutChangeHint hint)
{
    if (rows == m_rows) {
        return;
    }
    // A layout change must not change the row count, so: newly shown rows are first appended in
    // one insertion, then one layout change puts the rows to show first, in order, and the rows to
    // hide after them, which one removal then drops. Views relayout once per step, and selection
    // and current index follow their rows (or go, with a hidden row). Only rows move, never
    // columns: with VerticalSortHint the horizontal header skips its own relayout, which would
    // otherwise cost a second paint of the table.
    std::vector<int> target;
    target.reserve(std::max(rows.size(), m_rows.size()) + rows.size());
    for (const int sourceRow : rows) {
        if (m_proxyOf[size_t(sourceRow)] < 0) {
            target.push_back(sourceRow);
        }
    }
    if (!target.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(target.size()) - 1);
        m_rows.insert(m_rows.end(), target.begin(), target.end());
        rebuildProxyOf(first, int(m_rows.size()));
        endInsertRows();
    }

    target = rows;
    std::vector<char> shown(m_proxyOf.size(), 0);
    for (const int sourceRow : rows) {
        shown[size_t(sourceRow)] = 1;
    }
    for (const int sourceRow : m_rows) {
        if (!shown[size_t(sourceRow)]) {
            target.push_back(sourceRow);
        }
    }
    if (target != m_rows) {
        Q_EMIT layoutAboutToBeChanged({}, hint);
        const QModelIndexList from = persistentIndexList();
        std::vector<std::pair<int, int>> kept; // (source row, column) of every persistent index
        kept.reserve(size_t(from.size()));
        for (const QModelIndex& index : from) {
            kept.emplace_back(m_rows[size_t(index.row())], index.column());
        }
        m_rows = std::move(target);
        rebuildProxyOf(0, int(m_rows.size()));
        QModelIndexList to;
        to.reserve(from.size());
        for (const auto& [sourceRow, column] : kept) {
            to.append(createIndex(m_proxyOf[size_t(sourceRow)], column));
        }
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, hint);
    }

    if (m_rows.size() > rows.size()) {
        beginRemoveRows(QModelIndex(), int(rows.size()), int(m_rows.size()) - 1);
        for (size_t row = rows.size(); row < m_rows.size(); ++row) {
            m_proxyOf[size_t(m_rows[row])] = -1;
        }
        m_rows.resize(rows.size());
        endRemoveRows();
    }
}

void DeviceFilterModel::resortAll()
{
    const int count = m_devices ? m_devices->rowCount() : 0;
    m_sorted.resize(size_t(count));
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    if (m_sorter.column() >= 0 && m_devices) {
        std::sort(m_sorted.begin(), m_sorted.end(), [this](int a, int b) { return lessThan(a, b); });
    }
    m_sortedPos.resize(size_t(count));
    rebuildSortedPos(0, count);
}

void DeviceFilterModel::rebuild()
{
    m_searchSteps.clear();
    m_heldChanges = false;
    captureContext();
    resortAll();
    m_rows.clear();
    m_proxyOf.assign(m_sorted.size(), -1);
    if (m_devices) {
        for (const int sourceRow : m_sorted) {
            if (m_filter.accepts(*m_devices, sourceRow)) {
                m_rows.push_back(sourceRow);
            }
        }
    }
    m_lastScanCount = int(m_sorted.size());
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
