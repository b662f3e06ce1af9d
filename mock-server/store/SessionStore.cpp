#include "store/SessionStore.h"

#include "log/LogCategories.h"
#include "store/ChangeFeed.h"
#include "store/Database.h"
#include "store/DeviceListing.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

Expected<Ok, QString> insertAccess(Database& database, const AccessToken& token)
{
    return database.run(
        QStringLiteral("INSERT INTO access_tokens (hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)"),
        {token.hash, token.sessionId, token.issuedAtMs, token.expiresAtMs});
}

Expected<Ok, QString> insertRefresh(Database& database, const RefreshToken& token)
{
    return database.run(QStringLiteral("INSERT INTO refresh_tokens (hash, session_id, issued_at, expires_at,"
                                       " rotated_at) VALUES (?, ?, ?, ?, NULL)"),
                        {token.hash, token.sessionId, token.issuedAtMs, token.expiresAtMs});
}

Expected<Ok, QString> insertPair(Database& database, const AccessToken& access, const RefreshToken& refresh)
{
    if (auto a = insertAccess(database, access); !a)
        return a;
    return insertRefresh(database, refresh);
}

} // namespace

SessionStore::SessionStore(Database& database, DeviceListing& listing, ChangeFeed& changes)
    : m_database(database), m_listing(listing), m_changes(changes)
{}

Expected<Ok, QString> SessionStore::load()
{
    clearMemory();
    if (auto ok = readSessions({}, {}); !ok)
        return ok;
    if (auto ok = readAccess({}, {}); !ok)
        return ok;
    return readRefresh({}, {});
}

Expected<Ok, QString> SessionStore::reload(const QString& sessionId)
{
    const QString where = QStringLiteral(" WHERE session_id = ?");
    if (auto ok = readSessions(QStringLiteral(" WHERE id = ?"), {sessionId}); !ok)
        return ok;
    if (auto ok = readAccess(where, {sessionId}); !ok)
        return ok;
    if (auto ok = readRefresh(where, {sessionId}); !ok)
        return ok;
    if (const Session* session = this->session(sessionId))
        m_listing.sessionSaved(*session);
    return Ok{};
}

Expected<Ok, QString> SessionStore::readSessions(const QString& where, const QVariantList& bindings)
{
    auto sessions = m_database.exec(
        QStringLiteral("SELECT id, account_id, device_id, issued_at, expires_at, auth_method, ip, last_seen_at,"
                       " revoked_at, revoked_reason FROM sessions") +
            where + QStringLiteral(" ORDER BY issued_at"),
        bindings);
    if (!sessions)
        return unexpected(sessions.error());
    QSqlQuery& s = **sessions;
    while (s.next()) {
        Session session;
        session.id = s.value(0).toString();
        session.accountId = s.value(1).toString();
        session.deviceId = s.value(2).toString();
        session.issuedAtMs = s.value(3).toLongLong();
        session.expiresAtMs = s.value(4).toLongLong();
        session.authMethod = s.value(5).toString();
        session.ip = s.value(6).toString();
        session.lastSeenAtMs = s.value(7).toLongLong();
        session.revokedAtMs = s.value(8).toLongLong();
        session.revokedReason = s.value(9).toString();
        remember(session);
    }
    s.finish();
    return Ok{};
}

Expected<Ok, QString> SessionStore::readAccess(const QString& where, const QVariantList& bindings)
{
    auto access = m_database.exec(
        QStringLiteral("SELECT hash, session_id, issued_at, expires_at FROM access_tokens") + where, bindings);
    if (!access)
        return unexpected(access.error());
    QSqlQuery& a = **access;
    while (a.next()) {
        AccessToken token{
            a.value(0).toByteArray(), a.value(1).toString(), a.value(2).toLongLong(), a.value(3).toLongLong()};
        m_access.insert(token.hash, token);
    }
    a.finish();
    return Ok{};
}

Expected<Ok, QString> SessionStore::readRefresh(const QString& where, const QVariantList& bindings)
{
    auto refresh = m_database.exec(
        QStringLiteral("SELECT hash, session_id, issued_at, expires_at, rotated_at FROM refresh_tokens") + where,
        bindings);
    if (!refresh)
        return unexpected(refresh.error());
    QSqlQuery& r = **refresh;
    while (r.next()) {
        RefreshToken token{r.value(0).toByteArray(),
                           r.value(1).toString(),
                           r.value(2).toLongLong(),
                           r.value(3).toLongLong(),
                           r.value(4).toLongLong()};
        m_refresh.insert(token.hash, token);
    }
    r.finish();
    return Ok{};
}

void SessionStore::remember(const Session& session)
{
    auto it = m_sessions.find(session.id);
    if (it == m_sessions.end()) {
        m_sessionIdsByAccount[session.accountId].append(session.id);
        m_sessionIdsByDevice[session.deviceId].append(session.id);
        m_sessions.insert(session.id, session);
    } else {
        *it = session;
    }
}

void SessionStore::reloadOwner(const char* table, const QByteArray& hash)
{
    auto owner =
        m_database.exec(QStringLiteral("SELECT session_id FROM %1 WHERE hash = ?").arg(QLatin1String(table)), {hash});
    if (!owner)
        return;
    const QString sessionId = (*owner)->next() ? (*owner)->value(0).toString() : QString();
    (*owner)->finish();
    if (sessionId.isEmpty())
        return;
    if (auto ok = reload(sessionId); !ok)
        qCWarning(lcStore) << "could not read session" << sessionId << ok.error();
}

const AccessToken* SessionStore::accessReadThrough(const QByteArray& hash)
{
    if (const AccessToken* token = access(hash))
        return token;
    reloadOwner("access_tokens", hash);
    return access(hash);
}

const RefreshToken* SessionStore::refreshReadThrough(const QByteArray& hash)
{
    if (const RefreshToken* token = refresh(hash))
        return token;
    reloadOwner("refresh_tokens", hash);
    return refresh(hash);
}

void SessionStore::clearMemory()
{
    m_sessions.clear();
    m_access.clear();
    m_refresh.clear();
    m_sessionIdsByAccount.clear();
    m_sessionIdsByDevice.clear();
}

const Session* SessionStore::session(const QString& id) const
{
    const auto it = m_sessions.constFind(id);
    return it == m_sessions.constEnd() ? nullptr : &it.value();
}

const AccessToken* SessionStore::access(const QByteArray& hash) const
{
    const auto it = m_access.constFind(hash);
    return it == m_access.constEnd() ? nullptr : &it.value();
}

const RefreshToken* SessionStore::refresh(const QByteArray& hash) const
{
    const auto it = m_refresh.constFind(hash);
    return it == m_refresh.constEnd() ? nullptr : &it.value();
}

QList<const Session*> SessionStore::forAccount(const QString& accountId) const
{
    QList<const Session*> out;
    const QStringList ids = m_sessionIdsByAccount.value(accountId);
    out.reserve(ids.size());
    for (const QString& id : ids) {
        if (const Session* s = session(id))
            out.append(s);
    }
    return out;
}

QList<const Session*> SessionStore::forDevice(const QString& deviceId) const
{
    QList<const Session*> out;
    for (const QString& id : m_sessionIdsByDevice.value(deviceId)) {
        if (const Session* s = session(id))
            out.append(s);
    }
    return out;
}

bool SessionStore::hasLiveSession(const QString& deviceId, qint64 notBeforeMs, qint64 nowMs) const
{
    const auto it = m_sessionIdsByDevice.constFind(deviceId);
    if (it == m_sessionIdsByDevice.cend())
        return false;
    // Newest last: a live session is most likely near the end.
    for (qsizetype i = it->size() - 1; i >= 0; --i) {
        const Session* s = session(it->at(i));
        if (s && !s->isRevoked() && s->issuedAtMs >= notBeforeMs && s->expiresAtMs > nowMs)
            return true;
    }
    return false;
}

Expected<Ok, QString>
SessionStore::create(const Session& session, const AccessToken& access, const RefreshToken& refresh)
{
    return open(session, &access, &refresh);
}

Expected<Ok, QString> SessionStore::createAwaitingTokens(const Session& session)
{
    return open(session, nullptr, nullptr);
}

Expected<Ok, QString> SessionStore::open(const Session& session, const AccessToken* access, const RefreshToken* refresh)
{
    Transaction transaction(m_database);
    auto ok = m_database.run(QStringLiteral("INSERT INTO sessions (id, account_id, device_id, issued_at, expires_at,"
                                            " auth_method, ip, last_seen_at, revoked_at, revoked_reason)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)"),
                             {session.id,
                              session.accountId,
                              session.deviceId,
                              session.issuedAtMs,
                              session.expiresAtMs,
                              session.authMethod,
                              session.ip,
                              session.lastSeenAtMs});
    if (!ok)
        return ok;
    if (access && refresh) {
        if (auto pair = insertPair(m_database, *access, *refresh); !pair)
            return pair;
    }
    if (auto told = m_changes.publish(ChangeTopic::session, session.id); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the new session"));
    remember(session);
    if (access && refresh) {
        m_access.insert(access->hash, *access);
        m_refresh.insert(refresh->hash, *refresh);
    }
    m_listing.sessionSaved(session);
    return Ok{};
}

Expected<Ok, QString> SessionStore::addFirstPair(const AccessToken& access, const RefreshToken& refresh)
{
    Transaction transaction(m_database);
    if (auto pair = insertPair(m_database, access, refresh); !pair)
        return pair;
    if (auto told = m_changes.publish(ChangeTopic::session, refresh.sessionId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the first token pair"));
    m_access.insert(access.hash, access);
    m_refresh.insert(refresh.hash, refresh);
    return Ok{};
}

Expected<Ok, QString> SessionStore::rotate(const QByteArray& usedRefreshHash,
                                           qint64 nowMs,
                                           const AccessToken& access,
                                           const RefreshToken& refresh)
{
    Transaction transaction(m_database);
    if (auto ok = m_database.run(QStringLiteral("UPDATE refresh_tokens SET rotated_at = ? WHERE hash = ?"),
                                 {nowMs, usedRefreshHash});
        !ok)
        return ok;
    if (auto ok = m_database.run(QStringLiteral("UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE id = ?"),
                                 {refresh.expiresAtMs, nowMs, refresh.sessionId});
        !ok)
        return ok;
    if (auto pair = insertPair(m_database, access, refresh); !pair)
        return pair;
    if (auto told = m_changes.publish(ChangeTopic::session, refresh.sessionId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the token rotation"));
    if (auto it = m_refresh.find(usedRefreshHash); it != m_refresh.end())
        it->rotatedAtMs = nowMs;
    if (auto it = m_sessions.find(refresh.sessionId); it != m_sessions.end()) {
        it->expiresAtMs = refresh.expiresAtMs;
        it->lastSeenAtMs = nowMs;
        m_listing.sessionSaved(*it);
    }
    m_access.insert(access.hash, access);
    m_refresh.insert(refresh.hash, refresh);
    return Ok{};
}

Expected<Ok, QString> SessionStore::revoke(const QString& sessionId, qint64 atMs, const QString& reason)
{
    Transaction transaction(m_database);
    auto ok = m_database.run(
        QStringLiteral("UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL"),
        {atMs, reason, sessionId});
    if (!ok)
        return ok;
    if (auto told = m_changes.publish(ChangeTopic::session, sessionId); !told)
        return told;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the revocation"));
    if (auto it = m_sessions.find(sessionId); it != m_sessions.end() && !it->isRevoked()) {
        it->revokedAtMs = atMs;
        it->revokedReason = reason;
        m_listing.sessionSaved(*it);
    }
    return Ok{};
}

Expected<Ok, QString> SessionStore::prune(qint64 cutoffMs)
{
    Transaction transaction(m_database);
    if (auto ok = m_database.run(QStringLiteral("DELETE FROM access_tokens WHERE expires_at < ?"), {cutoffMs}); !ok)
        return ok;
    if (auto ok = m_database.run(QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < ?"), {cutoffMs}); !ok)
        return ok;
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the pruning"));
    m_access.removeIf([cutoffMs](const auto& it) { return it.value().expiresAtMs < cutoffMs; });
    m_refresh.removeIf([cutoffMs](const auto& it) { return it.value().expiresAtMs < cutoffMs; });
    return Ok{};
}

} // namespace mockd
