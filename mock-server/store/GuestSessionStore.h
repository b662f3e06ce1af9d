#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariantList>

namespace mockd {

class ChangeFeed;
class Database;

// A session that a holder let in as a guest: it ends by itself at `untilMs` (service clock).
struct GuestSession
{
    QString sessionId;
    QString accountId;
    QString deviceId;
    qint64 untilMs = 0;
};

// Guest sessions, all held in memory: the device list asks for every device. Each change is
// published on the change feed (topic "guest", the device id), so every instance on the same
// database knows a guest for one and treats it as one.
class GuestSessionStore final
{
public:
    GuestSessionStore(Database& database, ChangeFeed& changes);

    Expected<Ok, QString> load();
    // Reads the device's guest sessions again (another instance changed them).
    Expected<Ok, QString> reloadDevice(const QString& deviceId);
    void clearMemory();

    Expected<Ok, QString> add(const GuestSession& guest);
    // Moves the end of every guest session of the device.
    Expected<Ok, QString> setDeviceUntil(const QString& deviceId, qint64 untilMs);
    Expected<Ok, QString> remove(const QString& sessionId);

    // The latest end among the device's guest sessions; 0 when it has none.
    qint64 deviceUntil(const QString& deviceId) const;
    bool isGuest(const QString& sessionId) const { return m_bySession.contains(sessionId); }
    QList<GuestSession> all() const { return m_bySession.values(); }

private:
    // `where` selects the rows (empty: all); serves load() and reloadDevice().
    Expected<Ok, QString> read(const QString& where, const QVariantList& bindings);
    void forget(const QString& sessionId);
    // Runs `change` and publishes it for the device's guests, in one transaction.
    Expected<Ok, QString> write(const QString& deviceId, const QString& sql, const QVariantList& bindings);

    Database& m_database;
    ChangeFeed& m_changes;
    QHash<QString, GuestSession> m_bySession;
    QHash<QString, QStringList> m_sessionsByDevice;
};

} // namespace mockd
