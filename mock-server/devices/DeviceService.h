#pragma once

#include "base/Expected.h"
#include "geo/GeoLocation.h"
#include "http/ApiError.h"
#include "store/DeviceListing.h"
#include "store/Records.h"

#include <QHash>
#include <QObject>
#include <functional>

namespace mockd {

class Clock;
class GeoIpReader;
class JsonWriter;
class Store;

// The devices of each account as the contract shows them: which are listed (a live session),
// how one is written as JSON (location from GeoIP, profile names, is_current), and every change to
// them. Each change bumps the account's device version (the ETag of the list) and emits
// deviceChanged(), which the event stream turns into an event. A change made by another instance on
// the same database (Store::changes()) bumps the version too.
class DeviceService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceService)

public:
    enum class Change
    {
        SignedIn,
        Updated,
        Removed
    };
    Q_ENUM(Change)

    DeviceService(Store& store, const Clock& clock, const GeoIpReader& geo, QObject* parent = nullptr);
    ~DeviceService() override;

    // One page of the list with the number of listed devices that match the filter on all pages.
    struct Page
    {
        QList<const Device*> devices;
        bool more = false;
        qsizetype total = 0;
    };

    // Devices with at least one live session, in the stable order first_sign_in ASC, id ASC.
    QList<const Device*> listed(const QString& accountId) const;
    // The devices after `after` (from the first when empty), at most `limit`: O(log n + limit).
    Page page(const QString& accountId,
              DeviceListing::Filter filter,
              const std::optional<DeviceListing::Key>& after,
              int limit) const;
    qsizetype listedCount(const QString& accountId) const;
    bool isListed(const Device& device) const;
    // A device of that account (any other account's id: nullptr).
    const Device* device(const QString& accountId, const QString& deviceId) const;
    // Changes whenever a device of the account changes (also across a reset).
    quint64 version(const QString& accountId) const;

    // When the account's auto sign-out rule signs the device out (its last activity plus the limit);
    // 0 when the account has no limit.
    qint64 autoSignOutAtMs(const Device& device) const;

    // Where a device's `new_until` comes from (auth/YoungSessions); unset: always null.
    void setNewUntil(std::function<qint64(const Device&)> newUntil) { m_newUntil = std::move(newUntil); }
    qint64 newUntilMs(const Device& device) const { return m_newUntil ? m_newUntil(device) : 0; }

    GeoLocation locate(const QString& ip) const;
    // Where the device is: from GeoIP by its address, else what was recorded with it.
    GeoLocation locationOf(const Device& device) const;
    // The contract's Location (null when unknown).
    static void writeLocation(JsonWriter& json, const GeoLocation& location);
    // The Device object of the contract. `currentDeviceId` empty: is_current is left out (events).
    void write(JsonWriter& json, const Device& device, const QString& currentDeviceId) const;
    QByteArray toJson(const Device& device, const QString& currentDeviceId) const;

    Expected<const Device*, ApiError> rename(const QString& accountId, const QString& deviceId, const QString& name);
    // streaming | paused | idle, with the profile and title when streaming or paused.
    Expected<Ok, ApiError> reportStatus(const QString& accountId,
                                        const QString& deviceId,
                                        const QString& status,
                                        const QString& profile,
                                        const QString& title);
    // An event socket of the device opened (true) or its last one closed (false).
    void setOnline(const QString& accountId, const QString& deviceId, bool online);

    // Called by sign-in and sign-out paths that change devices outside this class.
    void notify(const QString& accountId, const QString& deviceId, Change change);
    // Many devices of the account signed out at once: one devicesRemoved(), whose events are
    // numbered together (a sign-out of every device is one round trip to the database, not one each).
    void notifyRemoved(const QString& accountId, const QStringList& deviceIds);
    // The account's auto sign-out limit changed: every listed device reads differently now.
    void autoSignOutChanged(const QString& accountId);
    // Everything may have changed (reset): every version moves on.
    void invalidateAll();

Q_SIGNALS:
    void deviceChanged(const QString& accountId, const QString& deviceId, mockd::DeviceService::Change change);
    void devicesRemoved(const QString& accountId, const QStringList& deviceIds);

private:
    void bump(const QString& accountId) const;
    QList<const Device*> devicesOf(const QStringList& ids) const;
    QString profileName(const QString& accountId, const QString& profileId) const;

    Store& m_store;
    const Clock& m_clock;
    const GeoIpReader& m_geo;
    // Mutable: reading a version notices devices that time or not_before took off the list.
    mutable quint64 m_nextVersion = 1;
    quint64 m_baseVersion = 1;
    mutable QHash<QString, quint64> m_versions;
    mutable QHash<QString, quint64> m_listingGenerations;
    // Who is watching, as the device reported it (may name no profile of the account). Memory only.
    QHash<QString, QString> m_statusProfiles;
    mutable QHash<QString, GeoLocation> m_locations;
    std::function<qint64(const Device&)> m_newUntil;
};

} // namespace mockd
