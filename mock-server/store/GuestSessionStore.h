#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mockd {

class Database;

// A session that a holder let in as a guest: it ends by itself at `untilMs` (service clock).
struct GuestSession
{
    QString sessionId;
    QString accountId;
    QString deviceId;
    qint64 untilMs = 0;
};

// Guest sessions in SQLite, all held in memory: the device list asks for every device.
class GuestSessionStore final
{
public:
    explicit GuestSessionStore(Database& database);

    Expected<Ok, QString> load();
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
    Database& m_database;
    QHash<QString, GuestSession> m_bySession;
    QHash<QString, QStringList> m_sessionsByDevice;
};

} // namespace mockd
