#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace mockd {

class DeviceService;
class Router;
class Store;
struct RequestContext;

// The device routes: the list (filters, keyset cursor, ETag; answered from cached bytes while the
// account's devices do not change), one device, its sign-in history, rename, and the status a
// device reports about itself.
class DeviceRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceRoutes)

public:
    DeviceRoutes(const Store& store, DeviceService& devices, QObject* parent = nullptr);
    ~DeviceRoutes() override;

    void registerRoutes(Router& router);

    static constexpr int defaultListLimit = 500;
    static constexpr int maxListLimit = 1000;
    static constexpr int defaultHistoryLimit = 50;
    static constexpr int maxHistoryLimit = 100;

private:
    struct CachedList
    {
        quint64 version = 0;
        QByteArray etag;
        QByteArray body;
        // Devices shown with a new_until: time alone ends that, without a new version.
        QStringList newDevices;
    };

    void list(const RequestContext& context);
    void one(const RequestContext& context);
    void history(const RequestContext& context);
    void rename(const RequestContext& context);
    void reportStatus(const RequestContext& context);
    // The {id} of the path; "current" is the caller's own device.
    QString deviceIdOf(const RequestContext& context) const;

    static constexpr qsizetype maxCachedLists = 4096;
    static constexpr qsizetype maxCachedListBytes = 32 * 1024 * 1024;

    const Store& m_store;
    DeviceService& m_devices;
    QHash<QString, CachedList> m_listCache;
    qsizetype m_listCacheBytes = 0;
};

} // namespace mockd
