#include "core/devices/DeviceSortKey.h"

#include "core/devices/DeviceListModel.h"

namespace vigil {

namespace {

DeviceSortKey textKey(const QString& text)
{
    return {text, 0, true, text.isEmpty()};
}

DeviceSortKey numberKey(qint64 number, bool empty)
{
    return {QString(), number, false, empty};
}

} // namespace

DeviceSortKey DeviceSortKey::of(const DeviceListModel& model, int row, int column)
{
    const Device& device = model.deviceAt(row);
    switch (column) {
    case DeviceListModel::NameColumn:
        // "Unnamed device" stands in for a missing name, as "Unknown" does for a missing place.
        return textKey(device.name.trimmed().isEmpty() ? QString() : device.name);
    case DeviceListModel::StatusColumn:
        return numberKey(int(device.status), device.status == Device::Status::Unknown);
    case DeviceListModel::ProfileColumn:
        return textKey(device.shownProfile());
    case DeviceListModel::LocationColumn:
        return textKey(device.location.isKnown() ? model.locationTextAt(row) : QString());
    case DeviceListModel::LastActiveColumn: {
        const qint64 ms = model.lastActiveMsAt(row);
        return numberKey(ms, ms == DeviceListModel::noTime);
    }
    case DeviceListModel::TypeColumn:
        return numberKey(int(device.type), device.type == Device::Type::Unknown);
    case DeviceListModel::OsColumn:
        return textKey(device.osText());
    case DeviceListModel::AppColumn:
        return textKey(device.appText());
    case DeviceListModel::IpColumn:
        return textKey(device.ip);
    case DeviceListModel::FirstSignInColumn: {
        const qint64 ms = model.firstSignInMsAt(row);
        return numberKey(ms, ms == DeviceListModel::noTime);
    }
    default:
        return {};
    }
}

} // namespace vigil
