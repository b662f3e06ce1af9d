#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QHash>
#include <QList>

namespace mockd {

class ChangeFeed;
class Database;
class DeviceListing;

// Devices, kept in memory (per account, in first-sign-in order) and written through to the database;
// each save is published on the feed (topic "device", the device id) so other instances reload it.
class DeviceStore final
{
public:
    // Tells `listing` every device it saves.
    DeviceStore(Database& database, DeviceListing& listing, ChangeFeed& changes);

    Expected<Ok, QString> load();
    void clearMemory();
    // Reads one device again (another instance changed it).
    Expected<Ok, QString> reload(const QString& deviceId);

    const Device* byId(const QString& id) const;
    // Only a device of that account (another account's id is "not found").
    const Device* byIdForAccount(const QString& id, const QString& accountId) const;
    QList<const Device*> forAccount(const QString& accountId) const;
    // A device the client described the same way before (name, type, OS and app), for re-sign-in.
    const Device* findSame(const QString& accountId, const Device& description) const;

    template <typename Visit>
    void forEach(Visit visit) const
    {
        for (const Device& device : m_devices)
            visit(device);
    }

    // Inserts or replaces the whole row.
    Expected<Ok, QString> save(const Device& device);

private:
    // `where` selects the rows (empty: all); serves load() and reload().
    Expected<Ok, QString> read(const QString& where, const QVariantList& bindings);
    void remember(const Device& device);

    Database& m_database;
    DeviceListing& m_listing;
    ChangeFeed& m_changes;
    QHash<QString, Device> m_devices;
    QHash<QString, QStringList> m_idsByAccount;
    // findSame's index: account and description -> the ids described so, in the account's order.
    // A sign-in must not compare itself with each of the account's 10,000 devices.
    QHash<QString, QStringList> m_idsByDescription;
    QHash<QString, qsizetype> m_position; // a device's place in its account's list
};

} // namespace mockd
