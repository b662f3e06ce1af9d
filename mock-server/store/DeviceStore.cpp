#include "store/DeviceStore.h"

#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/DeviceListing.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace mockd {

namespace {

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant nullable(const std::optional<double>& number)
{
    return number ? QVariant(*number) : QVariant();
}

std::optional<double> optionalDouble(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QString descriptionKey(const QString& accountId, const Device& device)
{
    const QChar separator(0x1f); // not in names: they are visible text
    return accountId + separator + device.name + separator + device.type + separator + device.os + separator +
           device.app;
}

} // namespace

DeviceStore::DeviceStore(Database& database, DeviceListing& listing, ChangeFeed& changes)
    : m_database(database), m_listing(listing), m_changes(changes)
{}

Expected<Ok, QString> DeviceStore::load()
{
    clearMemory();
    return read({}, {});
}

Expected<Ok, QString> DeviceStore::reload(const QString& deviceId)
{
    if (auto ok = read(QStringLiteral(" WHERE id = ?"), {deviceId}); !ok)
        return ok;
    if (const Device* device = byId(deviceId))
        m_listing.deviceSaved(*device);
    return Ok{};
}

Expected<Ok, QString> DeviceStore::read(const QString& where, const QVariantList& bindings)
{
    auto rows = m_database.exec(
        QStringLiteral(
            "SELECT id, account_id, name, type, os, os_version, app, app_version, ip, city, region, country,"
            " country_code, latitude, longitude, first_sign_in, last_active, last_profile_id, status, status_title"
            " FROM devices") +
            where + QStringLiteral(" ORDER BY account_id, first_sign_in, id"),
        bindings);
    if (!rows)
        return unexpected(rows.error());
    QSqlQuery& q = **rows;
    while (q.next()) {
        Device d;
        d.id = q.value(0).toString();
        d.accountId = q.value(1).toString();
        d.name = q.value(2).toString();
        d.type = q.value(3).toString();
        d.os = q.value(4).toString();
        d.osVersion = q.value(5).toString();
        d.app = q.value(6).toString();
        d.appVersion = q.value(7).toString();
        d.ip = q.value(8).toString();
        d.city = q.value(9).toString();
        d.region = q.value(10).toString();
        d.country = q.value(11).toString();
        d.countryCode = q.value(12).toString();
        d.latitude = optionalDouble(q.value(13));
        d.longitude = optionalDouble(q.value(14));
        d.firstSignInMs = q.value(15).toLongLong();
        d.lastActiveMs = q.value(16).toLongLong();
        d.lastProfileId = q.value(17).toString();
        d.status = q.value(18).toString();
        d.statusTitle = q.value(19).toString();
        remember(d);
    }
    q.finish();
    return Ok{};
}

void DeviceStore::clearMemory()
{
    m_devices.clear();
    m_idsByAccount.clear();
    m_idsByDescription.clear();
    m_position.clear();
}

void DeviceStore::remember(const Device& d)
{
    const auto known = m_devices.constFind(d.id);
    if (known == m_devices.cend()) {
        QStringList& ids = m_idsByAccount[d.accountId];
        m_position.insert(d.id, ids.size());
        ids.append(d.id);
    } else if (const QString before = descriptionKey(known->accountId, *known);
               before != descriptionKey(d.accountId, d)) {
        QStringList& ids = m_idsByDescription[before];
        ids.removeOne(d.id);
        if (ids.isEmpty())
            m_idsByDescription.remove(before);
    }
    QStringList& same = m_idsByDescription[descriptionKey(d.accountId, d)];
    if (!same.contains(d.id)) {
        // Kept in the account's order, so the first is the one the account had first.
        const qsizetype position = m_position.value(d.id);
        const auto at = std::find_if(
            same.begin(), same.end(), [this, position](const QString& id) { return m_position.value(id) > position; });
        same.insert(at, d.id);
    }
    m_devices.insert(d.id, d);
}

const Device* DeviceStore::byId(const QString& id) const
{
    const auto it = m_devices.constFind(id);
    return it == m_devices.constEnd() ? nullptr : &it.value();
}

const Device* DeviceStore::byIdForAccount(const QString& id, const QString& accountId) const
{
    const Device* device = byId(id);
    return device && device->accountId == accountId ? device : nullptr;
}

QList<const Device*> DeviceStore::forAccount(const QString& accountId) const
{
    QList<const Device*> out;
    const QStringList ids = m_idsByAccount.value(accountId);
    out.reserve(ids.size());
    for (const QString& id : ids) {
        if (const Device* device = byId(id))
            out.append(device);
    }
    return out;
}

const Device* DeviceStore::findSame(const QString& accountId, const Device& description) const
{
    const QStringList ids = m_idsByDescription.value(descriptionKey(accountId, description));
    return ids.isEmpty() ? nullptr : byId(ids.constFirst());
}

Expected<Ok, QString> DeviceStore::save(const Device& d)
{
    Transaction transaction(m_database);
    auto ok = m_database.run(
        // An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to its sessions.
        QStringLiteral("INSERT INTO devices (id, account_id, name, type, os, os_version, app, app_version,"
                       " ip, city, region, country, country_code, latitude, longitude, first_sign_in, last_active,"
                       " last_profile_id, status, status_title)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, os = excluded.os,"
                       " os_version = excluded.os_version, app = excluded.app, app_version = excluded.app_version,"
                       " ip = excluded.ip, city = excluded.city, region = excluded.region, country = excluded.country,"
                       " country_code = excluded.country_code, latitude = excluded.latitude,"
                       " longitude = excluded.longitude, first_sign_in = excluded.first_sign_in,"
                       " last_active = excluded.last_active, last_profile_id = excluded.last_profile_id,"
                       " status = excluded.status, status_title = excluded.status_title"),
        {d.id,
         d.accountId,
         d.name,
         d.type,
         nullable(d.os),
         nullable(d.osVersion),
         nullable(d.app),
         nullable(d.appVersion),
         nullable(d.ip),
         nullable(d.city),
         nullable(d.region),
         nullable(d.country),
         nullable(d.countryCode),
         nullable(d.latitude),
         nullable(d.longitude),
         d.firstSignInMs,
         d.lastActiveMs,
         nullable(d.lastProfileId),
         d.status,
         nullable(d.statusTitle)});
    if (!ok)
        return ok;
    if (auto told = m_changes.publish(ChangeTopic::device, d.id); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit device %1").arg(d.id));
    remember(d);
    m_listing.deviceSaved(d);
    return Ok{};
}

} // namespace mockd
