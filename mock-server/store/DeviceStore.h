#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QHash>
#include <QList>

namespace mockd {

class Database;

// Devices, kept in memory (per account, in first-sign-in order) and written through to SQLite.
class DeviceStore final
{
public:
    explicit DeviceStore(Database& database);

    Expected<Ok, QString> load();
    void clearMemory();

    const Device* byId(const QString& id) const;
    // Only a device of that account (another account's id is "not found").
    const Device* byIdForAccount(const QString& id, const QString& accountId) const;
    QList<const Device*> forAccount(const QString& accountId) const;
    // A device the client described the same way before (name, type, OS and app), for re-sign-in.
    const Device* findSame(const QString& accountId, const Device& description) const;

    // Inserts or replaces the whole row.
    Expected<Ok, QString> save(const Device& device);

private:
    Database& m_database;
    QHash<QString, Device> m_devices;
    QHash<QString, QStringList> m_idsByAccount;
};

} // namespace mockd
