#pragma once

#include "devices/DeviceService.h"
#include "events/CloseDeadlines.h"
#include "events/EventConnection.h"
#include "events/SessionWatch.h"
#include "store/EventLog.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

class QWebSocket;

namespace mockd {

class Authenticator;
class Clock;
class EventConnection;
class JsonWriter;
class RequestLog;
class Router;
class Store;

// The event stream GET /v1/events: authenticates sockets (Authorization header of the upgrade or
// a first {"type":"auth"} message), numbers each account's events (seq 1, 2, …) in the database
// (EventLog, which keeps the last 1,000 per account for resume_from), and keeps a registry of
// sockets per session and per account so a sign-out can reach the signed-out device at once.
// Several vigil-mockd on one database share one stream per account: the store's change feed says
// when another instance added events ("event") or revoked sessions ("sockets"), and this hub sends
// them to its own sockets as if they were its own. Account events are coalesced: each socket
// gets at most one frame of them per batch interval (a "batch" of every event since), so thousands
// of devices changing at once cost one frame per socket, not one per device per socket.
// Revocations, errors and pongs are never delayed.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    static constexpr qsizetype replayLimit = 1000;
    static inline const QString path = QStringLiteral("/v1/events");

    EventHub(Store& store,
             DeviceService& devices,
             Authenticator& authenticator,
             RequestLog& log,
             const Clock& clock,
             QObject* parent = nullptr);
    ~EventHub() override;

    // A socket Qt upgraded; anything but /v1/events is closed with 1008.
    void accept(std::unique_ptr<QWebSocket> socket);
    // Authenticated sockets per account; when one more authenticates, the account's oldest is
    // closed (4429), so a client that lost track of its sockets can always get a new one.
    void setMaxSocketsPerAccount(int maximum) { m_maxSocketsPerAccount = maximum; }
    // How long account events gather before they go out (ms, at least 1).
    void setBatchInterval(int ms) { m_batchTimer.setInterval(qMax(1, ms)); }

    // Numbers an event and queues it for every socket of the account (sent with the next batch);
    // returns its seq. `body` writes the fields after "type" and "seq".
    qint64 publish(const QString& accountId, QLatin1StringView type, const std::function<void(JsonWriter&)>& body);
    // `count` events of one type at once, numbered in one round trip (EventLog::appendMany);
    // `body(i, json)` writes the i-th. Returns the last seq (0 when nothing was stored).
    qint64 publishMany(const QString& accountId,
                       QLatin1StringView type,
                       qsizetype count,
                       const std::function<void(qsizetype, JsonWriter&)>& body);
    // Tells every socket of the session why, then closes them (4001), so a signed-out device
    // learns it at once instead of at its next request; the other instances on the database do
    // the same with theirs.
    void revokeSession(const QString& sessionId, const QString& reason);
    // The same for many sessions: first every `session.revoked` message is sent and flushed, then
    // the sockets are closed, so a close (and its handshake) never holds up another device's message.
    // `beforeAnnounce` runs between this instance's sockets and the other instances' announcement (what
    // those must find in the database when they hear of it, without holding up the sockets here).
    void revokeSessions(const QStringList& sessionIds,
                        const QString& reason,
                        const std::function<void()>& beforeAnnounce = {});
    // The same for every socket of the account ("sign out all": no walk over its sessions).
    void
    revokeAccount(const QString& accountId, const QString& reason, const std::function<void()>& beforeAnnounce = {});
    // Sockets here told of a revocation another instance announced (their principals): that instance
    // may owe signout.progress for them (SignOutRoutes::toldHere).
    void setToldForOthersHandler(std::function<void(const QList<Principal>&)> handler)
    {
        m_toldForOthers = std::move(handler);
    }
    // Closes every socket (shutdown).
    void closeAll();
    // Sends what waits for the next batch now, and marks the devices whose sockets closed offline.
    void flushBatches();
    // After a reset: every socket is closed (1012) and forgotten, replay buffers are emptied (seq
    // keeps counting, so a client that resumes is told to resync). `forgetEvents` false: another
    // instance reset the database already; only this one's sockets and memory go.
    void reset(bool forgetEvents = true);

    qsizetype connectionCount() const { return m_connections.size(); }
    // The session has an authenticated socket open (it can be told of a sign-out at once).
    bool isConnected(const QString& sessionId) const { return !m_bySession.value(sessionId).isEmpty(); }
    bool isDeviceConnected(const QString& deviceId) const { return m_socketsPerDevice.value(deviceId) > 0; }
    qint64 lastSeq(const QString& accountId) const;
    // GET /v1/events without an upgrade: the account's stream position (EventStreamInfo).
    void registerRoutes(Router& router);

private:
    // The change feed's topics of the event stream.
    static constexpr QLatin1StringView eventTopic{"event"};
    static constexpr QLatin1StringView socketsTopic{"sockets"};
    // Session ids per "sockets" change: a sign-out of thousands of devices is a few changes, each well
    // under what a PostgreSQL notification may carry.
    static constexpr qsizetype idsPerChange = 100;

    struct Stream
    {
        // The last seq this instance has queued (its own events and those read from the database).
        qint64 lastSeq = 0;
        bool loaded = false;
        // Numbered but not yet sent to the account's sockets (the next batch).
        QList<std::pair<qint64, QByteArray>> pending;
    };

    Stream& stream(const QString& accountId);
    void queue(const QString& accountId, Stream& stream, qint64 seq, QByteArray frame);
    // Queues the account's events in the database that this instance has not queued yet.
    void catchUp(const QString& accountId);
    void onChange(const QString& topic, const QString& key);
    // Tells the other instances on the database to revoke their sockets too.
    void announceRevocation(QLatin1StringView scope, const QStringList& ids, const QString& reason);

    void onDeviceChanged(const QString& accountId, const QString& deviceId, DeviceService::Change change);
    void onDevicesRemoved(const QString& accountId, const QStringList& deviceIds);
    void onMessage(EventConnection* connection, const QString& text);
    void onClosed(EventConnection* connection);
    // Checks "Bearer <token>"; on success registers the connection and sends ready (+ replay).
    void authenticate(EventConnection* connection, const QByteArray& authorization, std::optional<qint64> resumeFrom);
    void replay(EventConnection* connection, const QString& accountId, std::optional<qint64> resumeFrom);
    void revokeConnections(const QList<EventConnection*>& connections, const QString& reason);
    // The socket's access token would have expired: is its session still live?
    void recheckSession(EventConnection* connection);
    void closeOldestBeyondCap(const QString& accountId);
    // Closes the next slice of m_revokedToClose.
    void closeRevoked();
    // Sends one account's pending events, one frame per socket.
    void flush(const QString& accountId, Stream& stream);

    Store& m_store;
    EventLog m_eventLog;
    DeviceService& m_devices;
    Authenticator& m_authenticator;
    RequestLog& m_log;
    const Clock& m_clock;
    QList<EventConnection*> m_connections;
    QHash<QString, Stream> m_streams;
    QHash<QString, QList<EventConnection*>> m_bySession;
    QHash<QString, QList<EventConnection*>> m_byAccount;
    QHash<QString, int> m_socketsPerDevice;
    SessionWatch m_sessionWatch;
    QTimer m_batchTimer;
    CloseDeadlines m_closeDeadlines;
    // Revoked sockets, told already, whose close handshakes wait for the next passes of the event
    // loop: a sign-out's answer does not wait for thousands of them.
    std::deque<QPointer<EventConnection>> m_revokedToClose;
    QTimer m_closeTimer;
    QList<QString> m_accountsWithPending;
    // Accounts this instance added events to since the last batch: the other instances hear of
    // them once per batch, not once per event.
    QSet<QString> m_accountsToAnnounce;
    // Devices whose last socket closed: marked offline with the next batch (when still without a
    // socket), so thousands of sockets closing after a sign-out do not hold up its HTTP answer.
    QList<std::pair<QString, QString>> m_goingOffline; // account id, device id
    int m_maxSocketsPerAccount = 256;
    std::function<void(const QList<Principal>&)> m_toldForOthers;
};

} // namespace mockd
