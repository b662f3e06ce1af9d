#pragma once

#include "base/Expected.h"
#include "store/Records.h"

#include <QHash>
#include <QList>

namespace mockd {

class ChangeFeed;
class Database;
class DeviceListing;

// Sessions and their tokens. The hot path (checking a bearer token) is three hash lookups in
// memory: access-token hash → token → session; every change is written through to SQLite before
// memory changes, so what a client was told is on disk. Each change is published on the feed (topic
// "session", the session id) so other instances on the database reload that session.
class SessionStore final
{
public:
    // Tells `listing` every session it creates or changes.
    SessionStore(Database& database, DeviceListing& listing, ChangeFeed& changes);

    Expected<Ok, QString> load();
    void clearMemory();
    // Reads one session and its tokens again (another instance changed them).
    Expected<Ok, QString> reload(const QString& sessionId);
    // The token from memory, else from the database (issued by another instance moments ago).
    const AccessToken* accessReadThrough(const QByteArray& hash);
    const RefreshToken* refreshReadThrough(const QByteArray& hash);

    const Session* session(const QString& id) const;
    const AccessToken* access(const QByteArray& hash) const;
    const RefreshToken* refresh(const QByteArray& hash) const;
    QList<const Session*> forAccount(const QString& accountId) const;
    template <typename Visit>
    void forEach(Visit visit) const
    {
        for (const Session& session : m_sessions)
            visit(session);
    }
    // Every session of the device, revoked and expired ones included, oldest first.
    QList<const Session*> forDevice(const QString& deviceId) const;
    // True when the device has a session that is not revoked, started at or after `notBeforeMs` and
    // has not expired: stops at the first (usually the newest few are checked, however many).
    bool hasLiveSession(const QString& deviceId, qint64 notBeforeMs, qint64 nowMs) const;

    // A new session with its first token pair, in one transaction.
    Expected<Ok, QString> create(const Session& session, const AccessToken& access, const RefreshToken& refresh);
    // A new session whose first pair comes later (addFirstPair): a TV's, made when its poll collects
    // it, so no instance holds clear tokens in between.
    Expected<Ok, QString> createAwaitingTokens(const Session& session);
    Expected<Ok, QString> addFirstPair(const AccessToken& access, const RefreshToken& refresh);
    // Marks `usedRefreshHash` rotated at `nowMs` and adds the next pair; the session now expires
    // with the new refresh token.
    Expected<Ok, QString>
    rotate(const QByteArray& usedRefreshHash, qint64 nowMs, const AccessToken& access, const RefreshToken& refresh);
    Expected<Ok, QString> revoke(const QString& sessionId, qint64 atMs, const QString& reason);
    // Forgets tokens that expired before `cutoffMs` (a forgotten token is then simply unknown).
    Expected<Ok, QString> prune(qint64 cutoffMs);

    qsizetype accessTokenCount() const { return m_access.size(); }

private:
    // `where` selects the rows (empty: all); one reader per table serves load() and reload().
    Expected<Ok, QString> readSessions(const QString& where, const QVariantList& bindings);
    Expected<Ok, QString> readAccess(const QString& where, const QVariantList& bindings);
    Expected<Ok, QString> readRefresh(const QString& where, const QVariantList& bindings);
    void remember(const Session& session);
    // The session's row, then its pair when there is one (both null: none yet).
    Expected<Ok, QString> open(const Session& session, const AccessToken* access, const RefreshToken* refresh);
    // Reloads the session owning the token with this hash in `table`, if there is one.
    void reloadOwner(const char* table, const QByteArray& hash);

    Database& m_database;
    DeviceListing& m_listing;
    ChangeFeed& m_changes;
    QHash<QString, Session> m_sessions;
    QHash<QByteArray, AccessToken> m_access;
    QHash<QByteArray, RefreshToken> m_refresh;
    QHash<QString, QStringList> m_sessionIdsByAccount;
    QHash<QString, QStringList> m_sessionIdsByDevice;
};

} // namespace mockd
