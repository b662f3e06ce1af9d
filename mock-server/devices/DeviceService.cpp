#include "devices/DeviceService.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "geo/GeoIpReader.h"
#include "http/JsonWriter.h"
#include "log/LogCategories.h"
#include "store/Store.h"

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

void writeOptional(JsonWriter& json, const char* name, const QString& text)
{
    json.key(l1(name));
    if (text.isEmpty())
        json.null();
    else
        json.value(QStringView(text));
}

void writeOptional(JsonWriter& json, const char* name, const std::optional<double>& number)
{
    json.key(l1(name));
    if (number)
        json.value(*number);
    else
        json.null();
}

} // namespace

DeviceService::DeviceService(Store& store, const Clock& clock, const GeoIpReader& geo, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_geo(geo)
{
    // After the Store (connected first) has reloaded what another instance changed, the account's
    // list reads differently: a new version, so no cached list or ETag outlives the change. No event
    // here: the instance that made the change sent it.
    connect(&m_store.changes(), &ChangeFeed::changed, this, [this](const QString& topic, const QString& key) {
        QString accountId;
        if (topic == ChangeTopic::account)
            accountId = key;
        else if (topic == ChangeTopic::device || topic == ChangeTopic::guest) // guest: the device's guest end
            accountId = m_store.devices().byId(key) ? m_store.devices().byId(key)->accountId : QString();
        else if (topic == ChangeTopic::session || topic == ChangeTopic::sessionTrust) // trust: its "new until"
            accountId = m_store.sessions().session(key) ? m_store.sessions().session(key)->accountId : QString();
        if (!accountId.isEmpty())
            bump(accountId);
    });
}

DeviceService::~DeviceService() = default;

QList<const Device*> DeviceService::devicesOf(const QStringList& ids) const
{
    QList<const Device*> out;
    out.reserve(ids.size());
    for (const QString& id : ids) {
        if (const Device* device = m_store.devices().byId(id))
            out.append(device);
    }
    return out;
}

QList<const Device*> DeviceService::listed(const QString& accountId) const
{
    const Account* account = m_store.accounts().byId(accountId);
    if (!account)
        return {};
    return devicesOf(m_store.listing().page(*account, m_clock.nowMs(), {}, std::nullopt, -1).deviceIds);
}

DeviceService::Page DeviceService::page(const QString& accountId,
                                        DeviceListing::Filter filter,
                                        const std::optional<DeviceListing::Key>& after,
                                        int limit) const
{
    Page out;
    const Account* account = m_store.accounts().byId(accountId);
    if (!account)
        return out;
    const qint64 now = m_clock.nowMs();
    DeviceListing::Page page = m_store.listing().page(*account, now, filter, after, limit);
    out.devices = devicesOf(page.deviceIds);
    out.more = page.more;
    out.total = m_store.listing().count(*account, now, filter);
    return out;
}

qsizetype DeviceService::listedCount(const QString& accountId) const
{
    const Account* account = m_store.accounts().byId(accountId);
    return account ? m_store.listing().count(*account, m_clock.nowMs()) : 0;
}

bool DeviceService::isListed(const Device& device) const
{
    const Account* account = m_store.accounts().byId(device.accountId);
    return account && m_store.listing().isListed(device, *account, m_clock.nowMs());
}

const Device* DeviceService::device(const QString& accountId, const QString& deviceId) const
{
    return m_store.devices().byIdForAccount(deviceId, accountId);
}

quint64 DeviceService::version(const QString& accountId) const
{
    // Sessions expiring and not_before moving on take devices off the list with no notify().
    if (const Account* account = m_store.accounts().byId(accountId)) {
        const quint64 generation = m_store.listing().generation(*account, m_clock.nowMs());
        const auto seen = m_listingGenerations.find(accountId);
        if (seen == m_listingGenerations.end()) {
            m_listingGenerations.insert(accountId, generation);
        } else if (*seen != generation) {
            *seen = generation;
            bump(accountId);
        }
    }
    return m_versions.value(accountId, m_baseVersion);
}

void DeviceService::bump(const QString& accountId) const
{
    m_versions.insert(accountId, ++m_nextVersion);
}

void DeviceService::invalidateAll()
{
    m_versions.clear();
    m_listingGenerations.clear();
    m_statusProfiles.clear();
    m_baseVersion = ++m_nextVersion;
}

qint64 DeviceService::autoSignOutAtMs(const Device& device) const
{
    const Account* account = m_store.accounts().byId(device.accountId);
    if (!account || account->autoSignOutDays <= 0)
        return 0;
    const qint64 lastUsed = qMax(device.lastActiveMs, device.firstSignInMs);
    return lastUsed + qint64(account->autoSignOutDays) * 24 * 60 * 60 * 1000;
}

GeoLocation DeviceService::locate(const QString& ip) const
{
    if (ip.isEmpty())
        return {};
    const auto it = m_locations.constFind(ip);
    if (it != m_locations.constEnd())
        return *it;
    GeoLocation location = m_geo.lookup(ip);
    if (m_locations.size() > 10000)
        m_locations.clear(); // a cache, not a record: simply start over
    m_locations.insert(ip, location);
    return location;
}

QString DeviceService::profileName(const QString& accountId, const QString& profileId) const
{
    if (profileId.isEmpty())
        return {};
    const auto profiles = m_store.accounts().profiles(accountId);
    for (const Profile& profile : profiles) {
        if (profile.id == profileId)
            return profile.name;
    }
    return {};
}

void DeviceService::writeLocation(JsonWriter& json, const GeoLocation& location)
{
    if (location.isKnown()) {
        json.beginObject();
        writeOptional(json, "city", location.city);
        writeOptional(json, "region", location.region);
        writeOptional(json, "country", location.country);
        writeOptional(json, "country_code", location.countryCode);
        writeOptional(json, "lat", location.latitude);
        writeOptional(json, "lon", location.longitude);
        json.endObject();
    } else {
        json.null();
    }
}

GeoLocation DeviceService::locationOf(const Device& d) const
{
    if (m_geo.isOpen())
        return locate(d.ip);
    // Without a GeoIP database the location recorded with the device is all there is.
    return GeoLocation{d.city, d.region, d.country, d.countryCode, d.latitude, d.longitude};
}

void DeviceService::write(JsonWriter& json, const Device& d, const QString& currentDeviceId) const
{
    json.beginObject().field(l1("id"), d.id).field(l1("name"), d.name).field(l1("type"), d.type);
    writeOptional(json, "os", d.os);
    writeOptional(json, "os_version", d.osVersion);
    writeOptional(json, "app", d.app);
    writeOptional(json, "app_version", d.appVersion);
    writeOptional(json, "ip", d.ip);
    json.key(l1("location"));
    writeLocation(json, locationOf(d));

    json.field(l1("first_sign_in"), TimeFormat::toRfc3339(d.firstSignInMs));
    json.key(l1("last_active"));
    if (d.lastActiveMs > 0)
        json.value(TimeFormat::toRfc3339(d.lastActiveMs));
    else
        json.null();
    const QString lastProfile = profileName(d.accountId, d.lastProfileId);
    writeOptional(json, "last_profile", lastProfile);
    json.field(l1("status"), d.status);
    const bool playing = d.status == QLatin1String("streaming") || d.status == QLatin1String("paused");
    writeOptional(json, "status_profile", playing ? m_statusProfiles.value(d.id, lastProfile) : QString());
    writeOptional(json, "status_title", playing ? d.statusTitle : QString());
    if (!currentDeviceId.isEmpty())
        json.field(l1("is_current"), d.id == currentDeviceId);
    json.key(l1("signout_state")).null();
    json.key(l1("auto_signout_at"));
    if (const qint64 at = autoSignOutAtMs(d); at > 0)
        json.value(TimeFormat::toRfc3339(at));
    else
        json.null();
    json.key(l1("new_until"));
    if (const qint64 until = newUntilMs(d); until > 0)
        json.value(TimeFormat::toRfc3339(until));
    else
        json.null();
    const qint64 guestUntil = m_store.guests().deviceUntil(d.id);
    json.field(l1("access"), guestUntil > 0 ? "guest" : "until_signed_out");
    json.key(l1("guest_until"));
    if (guestUntil > 0)
        json.value(TimeFormat::toRfc3339(guestUntil));
    else
        json.null();
    json.endObject();
}

QByteArray DeviceService::toJson(const Device& device, const QString& currentDeviceId) const
{
    JsonWriter json;
    write(json, device, currentDeviceId);
    return json.take();
}

Expected<const Device*, ApiError>
DeviceService::rename(const QString& accountId, const QString& deviceId, const QString& name)
{
    const Device* known = m_store.devices().byIdForAccount(deviceId, accountId);
    if (!known)
        return unexpected(ApiError::notFound());
    if (known->name == name)
        return known;
    Device device = *known;
    device.name = name;
    if (auto ok = m_store.devices().save(device); !ok) {
        qCWarning(lcStore) << "cannot rename a device:" << ok.error();
        return unexpected(ApiError::internal());
    }
    notify(accountId, deviceId, Change::Updated);
    return m_store.devices().byId(deviceId);
}

Expected<Ok, ApiError> DeviceService::reportStatus(const QString& accountId,
                                                   const QString& deviceId,
                                                   const QString& status,
                                                   const QString& profile,
                                                   const QString& title)
{
    const Device* known = m_store.devices().byIdForAccount(deviceId, accountId);
    if (!known)
        return unexpected(ApiError::notFound());
    Device device = *known;
    const bool playing = status == QLatin1String("streaming") || status == QLatin1String("paused");
    device.status = status;
    device.statusTitle = playing ? title : QString();
    device.lastActiveMs = m_clock.nowMs();
    if (playing && !profile.isEmpty()) {
        const auto profiles = m_store.accounts().profiles(accountId);
        for (const Profile& p : profiles) {
            if (p.name.compare(profile, Qt::CaseInsensitive) == 0)
                device.lastProfileId = p.id;
        }
        m_statusProfiles.insert(deviceId, profile);
    } else {
        m_statusProfiles.remove(deviceId);
    }
    if (auto ok = m_store.devices().save(device); !ok) {
        qCWarning(lcStore) << "cannot save a device status:" << ok.error();
        return unexpected(ApiError::internal());
    }
    notify(accountId, deviceId, Change::Updated);
    return Ok{};
}

void DeviceService::setOnline(const QString& accountId, const QString& deviceId, bool online)
{
    const Device* known = m_store.devices().byIdForAccount(deviceId, accountId);
    if (!known)
        return;
    const bool offline = known->status == QLatin1String("offline");
    if (online == !offline && !online)
        return;
    Device device = *known;
    if (online) {
        device.lastActiveMs = m_clock.nowMs();
        if (offline)
            device.status = QStringLiteral("idle");
    } else {
        device.status = QStringLiteral("offline");
        device.statusTitle.clear();
        m_statusProfiles.remove(deviceId);
    }
    if (auto ok = m_store.devices().save(device); !ok) {
        qCWarning(lcStore) << "cannot save a device status:" << ok.error();
        return;
    }
    notify(accountId, deviceId, Change::Updated);
}

void DeviceService::autoSignOutChanged(const QString& accountId)
{
    bump(accountId);
    const auto devices = listed(accountId);
    for (const Device* device : devices)
        Q_EMIT deviceChanged(accountId, device->id, Change::Updated);
}

void DeviceService::notify(const QString& accountId, const QString& deviceId, Change change)
{
    bump(accountId);
    if (change == Change::Updated) {
        // A device that is no longer listed (its socket closing after a sign-out) must not come back
        // as an update after its device.removed: clients insert unknown ids from full updates.
        const Device* known = device(accountId, deviceId);
        if (!known || !isListed(*known))
            return;
    }
    Q_EMIT deviceChanged(accountId, deviceId, change);
}

void DeviceService::notifyRemoved(const QString& accountId, const QStringList& deviceIds)
{
    if (deviceIds.isEmpty())
        return;
    bump(accountId);
    Q_EMIT devicesRemoved(accountId, deviceIds);
}

} // namespace mockd
