// EventHub: the sockets of signed-out sessions. Each is told at once (written and flushed) and closed
// in slices from the event loop; the other instances on the database hear of the revocation on the
// change feed ("sockets") and do the same for their sockets (then the sign-outs pending for them are
// done: SignOutRoutes::toldHere), and hear of new events ("event").
#include "events/EventConnection.h"
#include "events/EventHub.h"
#include "http/JsonWriter.h"
#include "log/LogCategories.h"
#include "store/ChangeFeed.h"
#include "store/Store.h"

namespace mockd {

void EventHub::revokeSession(const QString& sessionId, const QString& reason)
{
    revokeSessions({sessionId}, reason);
}

void EventHub::revokeSessions(const QStringList& sessionIds,
                              const QString& reason,
                              const std::function<void()>& beforeAnnounce)
{
    QList<EventConnection*> connections;
    for (const QString& sessionId : sessionIds) {
        if (const auto it = m_bySession.constFind(sessionId); it != m_bySession.cend())
            connections += *it;
    }
    revokeConnections(connections, reason);
    if (beforeAnnounce)
        beforeAnnounce();
    announceRevocation(QLatin1StringView("session"), sessionIds, reason);
}

void EventHub::revokeAccount(const QString& accountId,
                             const QString& reason,
                             const std::function<void()>& beforeAnnounce)
{
    revokeConnections(m_byAccount.value(accountId), reason);
    if (beforeAnnounce)
        beforeAnnounce();
    announceRevocation(QLatin1StringView("account"), {accountId}, reason);
}

void EventHub::announceRevocation(QLatin1StringView scope, const QStringList& ids, const QString& reason)
{
    // "<scope> <reason> <id> <id> …": ids and reasons never hold a space.
    for (qsizetype first = 0; first < ids.size(); first += idsPerChange) {
        const QString key =
            scope + QLatin1Char(' ') + reason + QLatin1Char(' ') + ids.mid(first, idsPerChange).join(QLatin1Char(' '));
        if (auto ok = m_store.changes().publish(socketsTopic, key); !ok)
            qCWarning(lcStore) << "cannot tell the other instances of a revocation:" << ok.error();
    }
}

void EventHub::onChange(const QString& topic, const QString& key)
{
    if (topic == eventTopic) {
        // The key is the account; an account without sockets here needs nothing now (a socket
        // that authenticates later reads the database's position).
        if (m_byAccount.contains(key))
            catchUp(key);
        else
            m_streams.remove(key);
        return;
    }
    if (topic != socketsTopic)
        return;
    const QStringList words = key.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 3)
        return;
    const QString& reason = words.at(1);
    QList<EventConnection*> connections;
    const QHash<QString, QList<EventConnection*>>& index =
        words.at(0) == QLatin1String("account") ? m_byAccount : m_bySession;
    for (qsizetype i = 2; i < words.size(); ++i) {
        if (const auto it = index.constFind(words.at(i)); it != index.cend())
            connections += *it;
    }
    if (connections.isEmpty())
        return;
    // Who they are is read before revokeConnections: told, they are on their way out.
    QList<Principal> told;
    told.reserve(connections.size());
    for (const EventConnection* connection : std::as_const(connections)) {
        if (connection->principal())
            told.append(*connection->principal());
    }
    revokeConnections(connections, reason);
    if (m_toldForOthers)
        m_toldForOthers(told);
}

void EventHub::revokeConnections(const QList<EventConnection*>& connections, const QString& reason)
{
    if (connections.isEmpty())
        return;
    JsonWriter json;
    json.beginObject()
        .field(QLatin1StringView("type"), "session.revoked")
        .field(QLatin1StringView("reason"), reason)
        .endObject();
    const QString text = QString::fromUtf8(json.take());
    // Every socket is told (written and flushed) now. Closing costs Qt far more than the message,
    // so the close handshakes follow from the event loop, after the caller has answered.
    for (EventConnection* connection : std::as_const(connections)) {
        connection->sendNow(text);
        connection->stopSending();
        m_revokedToClose.emplace_back(connection);
    }
    if (!m_closeTimer.isActive())
        m_closeTimer.start();
}

void EventHub::closeRevoked()
{
    // A slice per pass, so requests that arrive meanwhile are not held up by thousands of closes.
    constexpr int slice = 512;
    for (int i = 0; i < slice && !m_revokedToClose.empty(); ++i) {
        const QPointer<EventConnection> connection = m_revokedToClose.front();
        m_revokedToClose.pop_front();
        if (connection)
            connection->closeWith(EventConnection::closeSessionRevoked, QStringLiteral("session revoked"));
    }
    if (!m_revokedToClose.empty())
        m_closeTimer.start();
}

} // namespace mockd
