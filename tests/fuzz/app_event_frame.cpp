// The app's event stream (core/events): messages from GET /v1/events as EventStream reads them
// (EventFrame), and the events applied to the device list the way DeviceService applies them.
// Input: one or more messages separated by the byte 0x1e (record separator).
#include "FuzzSupport.h"
#include "core/devices/Device.h"
#include "core/devices/DeviceListModel.h"
#include "core/events/EventFrame.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QList<vigil::Device> g_devices;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    // Two known devices, so "device.updated" and "device.removed" find something to change.
    const QByteArray list = R"([
        {"id": "dev_1", "name": "Living room TV", "type": "tv", "status": "streaming", "is_current": false,
         "first_sign_in": "2025-01-01T10:00:00Z", "last_active": "2026-02-28T21:00:00Z",
         "location": {"city": "Lisbon", "country": "Portugal", "country_code": "PT"}},
        {"id": "dev_2", "name": "Phone", "type": "phone", "status": "idle", "is_current": true,
         "first_sign_in": "2025-06-01T08:00:00Z", "last_active": "2026-03-01T09:00:00Z"}])";
    g_devices = vigil::DeviceListParse::fromJson(QJsonDocument::fromJson(list).array()).devices;
    if (g_devices.size() != 2)
        vigil::fuzz::broken("the fixture devices do not parse");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace vigil;
    vigil::DeviceListModel model;
    model.setDevices(g_devices);
    const QList<QByteArray> messages = fuzz::bytes(data, size).split('\x1e');
    for (const QByteArray& message : messages) {
        // The socket hands over the message as text (Qt has decoded the UTF-8 already).
        const EventFrame frame = EventFrame::read(QString::fromUtf8(message));
        if (frame.kind == EventFrame::Kind::Garbage)
            continue;
        if (frame.type.isEmpty())
            fuzz::broken("a readable frame without a type");
        if (frame.seq && (*frame.seq > EventFrame::maxSeq || *frame.seq < -EventFrame::maxSeq))
            fuzz::broken("a seq the service cannot have sent");
        if (frame.kind == EventFrame::Kind::Event)
            model.applyEvent(frame.type, frame.object);
    }
    for (int row = 0; row < model.rowCount(); ++row) {
        const Device& device = model.deviceAt(row);
        if (device.id.isEmpty() || model.rowOf(device.id) != row)
            fuzz::broken("the device list lost track of a device");
        (void)model.data(model.index(row, 0), Qt::DisplayRole);
    }
    return 0;
}
