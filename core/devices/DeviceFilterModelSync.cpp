// DeviceFilterModel, continued: following the source model's row-level changes incrementally.
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"

#include <algorithm>
#include <limits>

namespace vigil {

namespace {
// Larger source ranges (the relative-time tick) are re-sorted and re-filtered in one go.
constexpr int incrementalLimit = 32;
} // namespace

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
    if (m_held) {
        m_heldChanges = true;
        return;
    }

    const int oldRow = m_proxyOf[size_t(sourceRow)];
    const bool accepted = m_filter.accepts(*m_devices, sourceRow);
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
    m_searchSteps.clear();
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const std::vector<int>& burst = m_devices->changedRows();
    if (burst.size() > 1) {
        updateSourceRows(burst, topLeft.column(), bottomRight.column(), roles);
        return;
    }
    if (last - first >= incrementalLimit) {
        if (m_held) {
            m_heldChanges = true;
        } else {
            refresh();
        }
        if (!m_rows.empty()) {
            Q_EMIT dataChanged(
                createIndex(0, topLeft.column()), createIndex(int(m_rows.size()) - 1, bottomRight.column()), roles);
        }
        return;
    }
    // Only the clock: a changed set of usual countries is noticed (and applied) below.
    m_filter.setNow(m_devices->relativeTime().now().toMSecsSinceEpoch());
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        updateSourceRow(sourceRow);
        const int row = m_proxyOf[size_t(sourceRow)];
        if (row >= 0) {
            Q_EMIT dataChanged(createIndex(row, topLeft.column()), createIndex(row, bottomRight.column()), roles);
        }
    }
    checkUsualCountries();
}

void DeviceFilterModel::updateSourceRows(const std::vector<int>& sourceRows,
                                         int firstColumn,
                                         int lastColumn,
                                         const QList<int>& roles)
{
    const auto less = [this](int a, int b) { return lessThan(a, b); };
    m_filter.setNow(m_devices->relativeTime().now().toMSecsSinceEpoch());

    // Keep the full sorted order exact: take the changed rows out, sort them among themselves, and
    // put each back where a binary search over the others says (k log n comparisons, one pass).
    std::vector<char> changed(m_sortedPos.size(), 0);
    for (const int sourceRow : sourceRows) {
        changed[size_t(sourceRow)] = 1;
    }
    std::vector<int> rest;
    rest.reserve(m_sorted.size());
    for (const int sourceRow : m_sorted) {
        if (!changed[size_t(sourceRow)]) {
            rest.push_back(sourceRow);
        }
    }
    std::vector<int> placed(sourceRows);
    std::sort(placed.begin(), placed.end(), less);
    m_sorted.clear();
    auto from = rest.begin();
    for (const int sourceRow : placed) {
        const auto at = std::lower_bound(from, rest.end(), sourceRow, less);
        m_sorted.insert(m_sorted.end(), from, at);
        m_sorted.push_back(sourceRow);
        from = at;
    }
    m_sorted.insert(m_sorted.end(), from, rest.end());
    rebuildSortedPos(0, int(m_sorted.size()));

    if (m_held) {
        m_heldChanges = true;
    } else {
        std::vector<int> rows;
        rows.reserve(m_rows.size() + sourceRows.size());
        for (const int sourceRow : m_sorted) {
            if (changed[size_t(sourceRow)] ? m_filter.accepts(*m_devices, sourceRow)
                                           : m_proxyOf[size_t(sourceRow)] >= 0) {
                rows.push_back(sourceRow);
            }
        }
        publishRows(rows, QAbstractItemModel::VerticalSortHint);
    }
    // One dataChanged over the shown rows that changed.
    int top = std::numeric_limits<int>::max();
    int bottom = -1;
    for (const int sourceRow : sourceRows) {
        const int row = m_proxyOf[size_t(sourceRow)];
        if (row >= 0) {
            top = std::min(top, row);
            bottom = std::max(bottom, row);
        }
    }
    if (bottom >= 0) {
        Q_EMIT dataChanged(createIndex(top, firstColumn), createIndex(bottom, lastColumn), roles);
    }
    checkUsualCountries();
}

void DeviceFilterModel::onSourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (!m_devices || parent.isValid()) {
        return;
    }
    m_searchSteps.clear();
    const int count = last - first + 1;
    for (int& sourceRow : m_sorted) {
        sourceRow += sourceRow >= first ? count : 0;
    }
    for (int& sourceRow : m_rows) {
        sourceRow += sourceRow >= first ? count : 0;
    }
    m_proxyOf.insert(m_proxyOf.begin() + first, size_t(count), -1);
    m_sortedPos.insert(m_sortedPos.begin() + first, size_t(count), 0);
    rebuildSortedPos(0, int(m_sorted.size()));

    const auto less = [this](int a, int b) { return lessThan(a, b); };
    m_filter.setNow(m_devices->relativeTime().now().toMSecsSinceEpoch());
    for (int sourceRow = first; sourceRow <= last; ++sourceRow) {
        const auto at = std::lower_bound(m_sorted.begin(), m_sorted.end(), sourceRow, less);
        const int position = int(at - m_sorted.begin());
        m_sorted.insert(at, sourceRow);
        rebuildSortedPos(position, int(m_sorted.size()));
        if (!m_filter.accepts(*m_devices, sourceRow)) {
            continue;
        }
        if (m_held) {
            // At the end, below everything under the pointer; in its place on release.
            m_heldChanges = true;
            const int row = int(m_rows.size());
            beginInsertRows(QModelIndex(), row, row);
            m_rows.push_back(sourceRow);
            rebuildProxyOf(row, row + 1);
            endInsertRows();
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
    m_searchSteps.clear();
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
    rebuildSortedPos(0, int(m_sorted.size()));
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
    if (!m_filter.unfamiliarOnly() || m_usualOverride || !m_devices ||
        m_devices->usualCountries() == m_filter.usualCountries()) {
        return;
    }
    if (m_held) {
        m_heldChanges = true;
        return;
    }
    refresh();
}

} // namespace vigil
