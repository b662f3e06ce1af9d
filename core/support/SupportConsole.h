#pragma once

#include <QObject>

namespace vigil {

class ActivityService;
class ApiClient;
class DeviceListModel;
class DeviceService;
class Session;
struct SupportCustomer;
class SupportService;

// Everything support mode reads, in one place for app/ to construct: the SupportService and a
// DeviceService + DeviceListModel and an ActivityService of their own (the holder's objects stay
// untouched), pointed at the open customer's support routes with the reason. Forgets the customer
// and every loaded row when the session ends.
class SupportConsole final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportConsole)

public:
    SupportConsole(ApiClient* api, Session* session, QObject* parent = nullptr);
    ~SupportConsole() override;

    SupportService* support() const { return m_support; }
    DeviceListModel* deviceModel() const { return m_deviceModel; }
    DeviceService* devices() const { return m_devices; }
    ActivityService* activity() const { return m_activity; }

    // Opens `customer` for `reason`: summary and devices load now; the activity loads when its
    // page is shown (or at once with `loadActivity`).
    void open(const SupportCustomer& customer, const QString& reason, bool loadActivity = false);
    // No customer open: every row of the last one is dropped.
    void close();

private:
    SupportService* m_support;
    DeviceListModel* m_deviceModel;
    DeviceService* m_devices;
    ActivityService* m_activity;
};

} // namespace vigil
