#include "core/devices/DeviceSorter.h"

#include "core/devices/DeviceListModel.h"

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
    switch (m_column) {
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
