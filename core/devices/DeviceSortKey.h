#pragma once

#include <QString>
#include <QVariant>

namespace vigil {

class DeviceListModel;

// What a column of the Devices table sorts by: one definition for DeviceListModel's SortRole and
// DeviceSorter's order, so what the model says and how the table sorts cannot drift apart. A text
// column sorts by the text it shows (compared with a numeric, case-insensitive collator), the other
// columns by a number. A device with no value in the column (no name, unknown place, never
// active…) has an empty key, which sorts last in both directions.
struct DeviceSortKey
{
    QString text;
    qint64 number = 0;
    bool isText = false;
    bool empty = false;

    static DeviceSortKey of(const DeviceListModel& model, int row, int column);
    // SortRole's value: the text, or the number.
    QVariant value() const { return isText ? QVariant(text) : QVariant(number); }
};

} // namespace vigil
