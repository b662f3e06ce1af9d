#include "core/devices/DeviceSorter.h"

#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceSortKey.h"

namespace vigil {

namespace {

int compareNumbers(qint64 left, qint64 right)
{
    return left < right ? -1 : left > right ? 1 : 0;
}

} // namespace

DeviceSorter::DeviceSorter() : m_column(DeviceListModel::LastActiveColumn)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

bool DeviceSorter::setSort(int column, Qt::SortOrder order)
{
    if (column >= DeviceListModel::ColumnCount) {
        column = -1;
    }
    const bool changed = column != m_column || order != m_order;
    m_column = column;
    m_order = order;
    return changed;
}

int DeviceSorter::compare(const DeviceListModel& model, int left, int right, bool& leftEmpty, bool& rightEmpty) const
{
    const DeviceSortKey a = DeviceSortKey::of(model, left, m_column);
    const DeviceSortKey b = DeviceSortKey::of(model, right, m_column);
    leftEmpty = a.empty;
    rightEmpty = b.empty;
    if (leftEmpty || rightEmpty)
        return 0;
    return a.isText ? m_collator.compare(a.text, b.text) : compareNumbers(a.number, b.number);
}

bool DeviceSorter::lessThan(const DeviceListModel& model, int left, int right) const
{
    if (left == right) {
        return false;
    }
    if (m_column < 0) {
        return left < right;
    }
    bool leftEmpty = false;
    bool rightEmpty = false;
    const int result = compare(model, left, right, leftEmpty, rightEmpty);
    if (leftEmpty != rightEmpty) {
        return rightEmpty; // empty values last, whatever the order
    }
    if (!leftEmpty && result != 0) {
        return m_order == Qt::DescendingOrder ? result > 0 : result < 0;
    }
    if (m_column != DeviceListModel::LastActiveColumn) {
        const qint64 a = model.lastActiveMsAt(left);
        const qint64 b = model.lastActiveMsAt(right);
        if (a != b) {
            return a > b; // most recently active first, never-active last
        }
    }
    return left < right; // arrival order
}

} // namespace vigil
