#pragma once

#include <QCollator>
#include <Qt>

namespace vigil {

class DeviceListModel;

// The sort order of the Devices table over DeviceListModel rows, by DeviceSortKey. Empty values (never active, no
// place, no profile…) come last in both directions; ties go to the most recently active device,
// then to arrival order, so the order is strict and total (binary searches stay exact).
class DeviceSorter final
{
public:
    DeviceSorter();

    // -1 means the source order. Answers whether anything changed.
    bool setSort(int column, Qt::SortOrder order);
    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }

    bool lessThan(const DeviceListModel& model, int left, int right) const;

private:
    int compare(const DeviceListModel& model, int left, int right, bool& leftEmpty, bool& rightEmpty) const;

    int m_column;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QCollator m_collator;
};

} // namespace vigil
