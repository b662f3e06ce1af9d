#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace mockd {

class Database;

// What the young-session guard knows about a session beyond its sign-in time: when it was
// confirmed from an established device, and how far QA moved its sign-in back. Most sessions have
// no row (never confirmed, never aged).
struct SessionTrust
{
    QString sessionId;
    qint64 agedMs = 0;        // the guard reads the sign-in this much earlier (admin API, shortened wait)
    qint64 confirmedAtMs = 0; // 0: not confirmed
    QString confirmedBy;      // the confirming device id, or "system" (admin API)

    bool isConfirmed() const { return confirmedAtMs != 0; }
};

// Session trust rows in SQLite, all held in memory: one hash lookup per guarded request.
class SessionTrustStore final
{
public:
    explicit SessionTrustStore(Database& database);

    Expected<Ok, QString> load();
    void clearMemory() { m_bySession.clear(); }

    // The session's row, or a default one (not confirmed, not aged).
    SessionTrust of(const QString& sessionId) const;
    Expected<Ok, QString> save(const SessionTrust& trust);

    // The schema step that adds the table.
    static QStringList migration();

private:
    Database& m_database;
    QHash<QString, SessionTrust> m_bySession;
};

} // namespace mockd
