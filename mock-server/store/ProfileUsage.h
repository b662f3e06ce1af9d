#pragma once

#include "store/SqlDialect.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mockd {

class Database;

// When and on which device each profile was last used. Kept on the profile itself (filled by
// triggers on `devices`), not derived from the device list: signing a device out must never change
// what the household sees about its profiles.
class ProfileUsage final
{
public:
    struct Row
    {
        QString id;
        QString name;
        QString avatar;
        bool kids = false;
        QString lastDeviceId;   // empty when the profile was never used
        QString lastDeviceName; // the device's current name, or its name when it was last used
        qint64 lastActiveMs = 0;
    };

    explicit ProfileUsage(Database& database);

    // The account's profiles in their household order.
    QList<Row> forAccount(const QString& accountId) const;

    // The schema step that adds the columns and triggers (and fills them for existing databases).
    static QStringList migration(SqlDialect dialect);

private:
    Database& m_database;
};

} // namespace mockd
