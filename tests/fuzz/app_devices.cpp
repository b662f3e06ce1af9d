// The app's device list parser (core/devices): a page of GET /v1/devices as DeviceService reads it
// (DeviceListParse, Device::fromJson), every text the Devices page shows for each device, the
// list model that holds them, and the sign-in history entries of GET /v1/devices/{id}/history.
#include "FuzzSupport.h"
#include "core/devices/Device.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

namespace {

const QDateTime g_now = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());

void readModel(const vigil::DeviceListModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)})
                (void)model.data(index, role);
            for (int role = vigil::DeviceListModel::IdRole; role <= vigil::DeviceListModel::SortRole; ++role)
                (void)model.data(index, role);
        }
    }
    (void)model.incompleteCount();
    (void)model.usualCountries();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace vigil;
    const QJsonObject page = QJsonDocument::fromJson(fuzz::bytes(data, size)).object();
    const DeviceListParse parse = DeviceListParse::fromJson(page.value(QLatin1String("devices")).toArray());
    QSet<QString> ids;
    for (const Device& device : parse.devices) {
        if (device.id.isEmpty() || ids.contains(device.id))
            fuzz::broken("a device without an id, or twice, in the parsed list");
        ids.insert(device.id);
        (void)device.displayName();
        (void)device.locationText();
        (void)device.placeText();
        (void)device.osText();
        (void)device.appText();
        (void)device.autoSignOutText(g_now);
        (void)device.shownProfile();
        (void)Device::typeText(device.type);
        (void)Device::statusText(device.status);
        const auto again = Device::fromJson(device.toJson());
        if (!again || again->id != device.id)
            fuzz::broken("a device written as JSON does not read back");
        Device merged = device;
        merged.mergeJson(device.toJson());
    }
    DeviceListModel model;
    model.setDevices(parse.devices);
    readModel(model);

    const QJsonArray entries = page.value(QLatin1String("entries")).toArray();
    for (const QJsonValue& value : entries) {
        const auto entry = DeviceService::HistoryEntry::fromJson(value.toObject());
        (void)DeviceService::HistoryEntry::methodText(entry.method);
    }
    return 0;
}
