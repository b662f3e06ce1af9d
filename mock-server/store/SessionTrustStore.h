#pragma once

#include "base/Expected.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace mockd {

class ChangeFeed;
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

// Session trust rows, all held in memory: one hash lookup per guarded request. Each save is
// published on the change feed (topic "session_trust", the session id), so a device confirmed or
// aged through one instance is trusted by every instance on the same database.
class SessionTrustStore final
{
public:
    SessionTrustStore(Database& database, ChangeFeed& changes);

    Expected<Ok, QString> load();
    // Reads the session's row again (another instance saved it).
    Expected<Ok, QString> reload(const QString& sessionId);
    void clearMemory() { m_bySession.clear(); }

    // The session's row, or a default one (not confirmed, not aged).
    SessionTrust of(const QString& sessionId) const;
    Expected<Ok, QString> save(const SessionTrust& trust);

    // The schema step that adds the table.
    static QStringList migration();

private:
    // `where` selects the rows (empty: all); serves load() and reload().
    Expected<Ok, QString> read(const QString& where, const QVariantList& bindings);

    Database& m_database;
    ChangeFeed& m_changes;
    QHash<QString, SessionTrust> m_bySession;
};

} // namespace mockd
