#include "events/EventHub.h"

#include "auth/AuthPolicy.h"
#include "base/Clock.h"
#include "events/EventConnection.h"
#include "events/EventMessage.h"
#include "events/ResumePosition.h"
#include "http/Authenticator.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "log/RequestLog.h"
#include "store/ChangeFeed.h"
#include "store/Records.h"
#include "store/Store.h"

#include <QWebSocket>
#include <algorithm>
#include <iterator>
#include <utility>

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

QByteArray simpleFrame(const char* type)
{
    JsonWriter json;
    json.beginObject().field(l1("type"), type).endObject();
    return json.take();
}

QByteArray errorFrame(const QString& code)
{
    JsonWriter json;
    json.beginObject().field(l1("type"), "error").field(l1("error"), code).endObject();
    return json.take();
}

void refuseScope(EventConnection* connection)
{
    connection->closeWith(EventConnection::closePolicy, QStringLiteral("scope must be account or session"));
}

// Several already-written event objects as one EventBatch frame (one event is sent as itself).
template <typename Iterator>
QByteArray batchFrame(Iterator first, Iterator last)
{
    if (std::next(first) == last)
        return first->second;
    qsizetype size = 48;
    for (auto it = first; it != last; ++it)
        size += it->second.size() + 1;
    QByteArray frame;
    frame.reserve(size);
    frame.append(R"({"type":"batch","seq":)")
        .append(QByteArray::number(std::prev(last)->first))
        .append(R"(,"events":[)");
    for (auto it = first; it != last; ++it) {
        if (it != first)
            frame.append(',');
        frame.append(it->second);
    }
    frame.append("]}");
    return frame;
}

void refuseResumePosition(EventConnection* connection)
{
    connection->closeWith(
        EventConnection::closePolicy,
        QStringLiteral("resume_from must be a whole number from 0 to %1").arg(ResumePosition::maximum),
        errorFrame(QStringLiteral("invalid_resume_from")));
}

} // namespace

EventHub::EventHub(Store& store,
                   DeviceService& devices,
                   Authenticator& authenticator,
                   RequestLog& log,
                   const Clock& clock,
                   QObject* parent)
    : QObject(parent), m_store(store), m_eventLog(store.database(), replayLimit), m_devices(devices),
      m_authenticator(authenticator), m_log(log), m_clock(clock),
      m_sessionWatch(clock, [this](EventConnection* connection) { recheckSession(connection); })
{
    connect(&m_store.changes(), &ChangeFeed::changed, this, &EventHub::onChange);
    connect(&m_devices, &DeviceService::deviceChanged, this, &EventHub::onDeviceChanged);
    connect(&m_devices, &DeviceService::devicesRemoved, this, &EventHub::onDevicesRemoved);
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(100);
    connect(&m_batchTimer, &QTimer::timeout, this, &EventHub::flushBatches);
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(0);
    connect(&m_closeTimer, &QTimer::timeout, this, &EventHub::closeRevoked);
}

EventHub::~EventHub()
{
    // Sockets go without telling the device service (which may already be gone).
    const auto connections = m_connections;
    m_connections.clear();
    for (EventConnection* connection : connections) {
        connection->disconnect(this);
        delete connection;
    }
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    const QString requestPath = socket->requestUrl().path();
    // The query is never logged: it is not where tokens go, but a client might put one there.
    m_log.record("GET", requestPath, {}, 101, 0);
    auto* connection = new EventConnection(std::move(socket), m_closeDeadlines, this);
    m_connections.append(connection);
    connect(connection, &EventConnection::messageReceived, this, &EventHub::onMessage);
    connect(connection, &EventConnection::closed, this, &EventHub::onClosed);
    if (requestPath != path) {
        connection->closeWith(EventConnection::closePolicy, QStringLiteral("not found"));
        return;
    }
    const QNetworkRequest& request = connection->socket()->request();
    const QByteArray authorization = request.rawHeader("Authorization");
    if (!authorization.isEmpty()) {
        const auto resume =
            ResumePosition::fromHeader(request.rawHeader("X-Resume-From"), request.hasRawHeader("X-Resume-From"));
        if (resume.invalid)
            return refuseResumePosition(connection);
        if (request.hasRawHeader("X-Event-Scope")) {
            const QByteArray scope = request.rawHeader("X-Event-Scope");
            if (scope != "session" && scope != "account")
                return refuseScope(connection);
            connection->setWantsAccountEvents(scope == "account");
        }
        authenticate(connection, authorization, resume.seq);
    }
}

void EventHub::onMessage(EventConnection* connection, const QString& text)
{
    const EventMessage message = EventMessage::read(text);
    switch (message.kind) {
    case EventMessage::Kind::Malformed:
        // Never log the text: it is untrusted and may carry a token.
        connection->closeWith(EventConnection::closePolicy, QStringLiteral("malformed message"));
        return;
    case EventMessage::Kind::Auth:
        if (connection->principal())
            break;
        if (message.resumeInvalid)
            return refuseResumePosition(connection);
        if (message.scopeInvalid)
            return refuseScope(connection);
        connection->setWantsAccountEvents(!message.sessionScope);
        authenticate(connection, "Bearer " + message.token.toLatin1(), message.resumeFrom);
        return;
    case EventMessage::Kind::Ping:
        if (!connection->principal())
            break;
        connection->send(simpleFrame("pong"));
        return;
    case EventMessage::Kind::Other:
        break;
    }
    connection->closeWith(EventConnection::closePolicy, QStringLiteral("unexpected message"));
}

void EventHub::authenticate(EventConnection* connection,
                            const QByteArray& authorization,
                            std::optional<qint64> resumeFrom)
{
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.headers.append({QByteArrayLiteral("authorization"), authorization});
    const auto principal = m_authenticator.authenticate(request);
    if (!principal) {
        QString code = principal.error().code;
        if (code == QLatin1String("token_missing"))
            code = QStringLiteral("token_invalid");
        connection->closeWith(EventConnection::closeAuthFailed, QStringLiteral("not signed in"), errorFrame(code));
        return;
    }
    connection->setPrincipal(*principal);
    m_bySession[principal->sessionId].append(connection);
    m_byAccount[principal->accountId].append(connection);
    m_sessionWatch.watch(connection, principal->tokenExpiresAtMs);
    closeOldestBeyondCap(principal->accountId);
    replay(connection, principal->accountId, resumeFrom);
    if (m_socketsPerDevice[principal->deviceId]++ == 0)
        m_devices.setOnline(principal->accountId, principal->deviceId, true);
}

void EventHub::closeOldestBeyondCap(const QString& accountId)
{
    // Sockets already closing still count until their close handshake ends; they are skipped.
    const QList<EventConnection*> sockets = m_byAccount.value(accountId);
    // Under the cap with closing sockets counted: nothing to close, and no walk through them all
    // for each of thousands of sockets connecting.
    if (sockets.size() <= m_maxSocketsPerAccount)
        return;
    qsizetype open =
        std::count_if(sockets.begin(), sockets.end(), [](const EventConnection* c) { return !c->isClosing(); });
    for (EventConnection* oldest : sockets) {
        if (open <= m_maxSocketsPerAccount)
            break;
        if (oldest->isClosing())
            continue;
        oldest->closeWith(EventConnection::closeTooManySockets,
                          QStringLiteral("too many event sockets for this account; the oldest was closed"));
        --open;
    }
}

void EventHub::recheckSession(EventConnection* connection)
{
    const auto& principal = connection->principal();
    if (!principal || connection->isClosing())
        return;
    if (const auto ended = m_authenticator.sessionEnded(principal->sessionId)) {
        revokeConnections({connection}, ended->code);
        return;
    }
    // Live: look again after another token's life (a live client has refreshed meanwhile).
    m_sessionWatch.watch(connection, m_clock.nowMs() + AuthPolicy::accessTokenSeconds * 1000);
}

void EventHub::replay(EventConnection* connection, const QString& accountId, std::optional<qint64> resumeFrom)
{
    // The database's position, not this instance's: another one may have numbered events that
    // its notification has not brought here yet. They are queued for this instance's other sockets.
    catchUp(accountId);
    const qint64 lastSeq = m_eventLog.lastSeq(accountId);
    JsonWriter ready;
    ready.beginObject().field(l1("type"), "ready").field(l1("seq"), lastSeq).endObject();
    connection->send(ready.take());
    // Events numbered before this moment (even those still waiting for their batch) are behind it.
    connection->setDeliveredSeq(lastSeq);
    if (!resumeFrom || *resumeFrom == lastSeq || !connection->wantsAccountEvents())
        return;
    const qint64 from = *resumeFrom;
    const qint64 oldest = from < lastSeq ? m_eventLog.oldestSeq(accountId) : 0;
    const bool covered = oldest > 0 && oldest <= from + 1;
    if (!covered) {
        connection->send(simpleFrame("resync"));
        return;
    }
    const QList<EventLog::Event> missed = m_eventLog.after(accountId, from);
    if (!missed.isEmpty())
        connection->send(batchFrame(missed.cbegin(), missed.cend()));
}

EventHub::Stream& EventHub::stream(const QString& accountId)
{
    Stream& stream = m_streams[accountId];
    if (!stream.loaded) {
        // What was numbered before this instance looked is behind every socket it will have.
        stream.lastSeq = m_eventLog.lastSeq(accountId);
        stream.loaded = true;
    }
    return stream;
}

void EventHub::queue(const QString& accountId, Stream& stream, qint64 seq, QByteArray frame)
{
    stream.lastSeq = seq;
    if (stream.pending.isEmpty())
        m_accountsWithPending.append(accountId);
    stream.pending.append({seq, std::move(frame)});
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void EventHub::catchUp(const QString& accountId)
{
    Stream& s = stream(accountId);
    const QList<EventLog::Event> events = m_eventLog.after(accountId, s.lastSeq);
    for (const auto& [seq, frame] : events)
        queue(accountId, s, seq, frame);
}

qint64 EventHub::publish(const QString& accountId, QLatin1StringView type, const std::function<void(JsonWriter&)>& body)
{
    return publishMany(accountId, type, 1, [&body](qsizetype, JsonWriter& json) {
        if (body)
            body(json);
    });
}

qint64 EventHub::publishMany(const QString& accountId,
                             QLatin1StringView type,
                             qsizetype count,
                             const std::function<void(qsizetype, JsonWriter&)>& body)
{
    if (count <= 0)
        return 0;
    Stream& s = stream(accountId);
    const auto events = m_eventLog.appendMany(accountId, count, [&type, &body](qsizetype i, qint64 seq) {
        JsonWriter json;
        json.beginObject().field(l1("type"), type).field(l1("seq"), seq);
        body(i, json);
        json.endObject();
        return json.take();
    });
    if (!events) {
        qCWarning(lcStore) << "cannot store an event:" << events.error();
        return 0;
    }
    const qint64 firstSeq = events->constFirst().first;
    const qint64 lastSeq = events->constLast().first;
    m_accountsToAnnounce.insert(accountId);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
    // No socket of the account here: nothing to send, and what others numbered meanwhile need not
    // be read.
    if (!m_byAccount.contains(accountId)) {
        s.lastSeq = lastSeq;
        return lastSeq;
    }
    // Another instance numbered events in between: they go out first, in seq order.
    if (firstSeq != s.lastSeq + 1) {
        catchUp(accountId);
        return lastSeq;
    }
    for (const auto& [seq, frame] : *events)
        queue(accountId, s, seq, frame);
    return lastSeq;
}

void EventHub::flushBatches()
{
    // A device that got a socket again meanwhile stays online. Its offline update joins this batch.
    const auto goingOffline = std::exchange(m_goingOffline, {});
    for (const auto& [accountId, deviceId] : goingOffline) {
        if (!m_socketsPerDevice.contains(deviceId))
            m_devices.setOnline(accountId, deviceId, false);
    }
    // The other instances read this batch's events from the database.
    const QSet<QString> announced = std::exchange(m_accountsToAnnounce, {});
    for (const QString& accountId : announced) {
        if (auto ok = m_store.changes().publish(eventTopic, accountId); !ok)
            qCWarning(lcStore) << "cannot announce events:" << ok.error();
    }
    const QList<QString> accounts = std::exchange(m_accountsWithPending, {});
    for (const QString& accountId : accounts) {
        const auto it = m_streams.find(accountId);
        if (it != m_streams.end())
            flush(accountId, *it);
    }
}

void EventHub::flush(const QString& accountId, Stream& stream)
{
    const QList<std::pair<qint64, QByteArray>> pending = std::exchange(stream.pending, {});
    if (pending.isEmpty())
        return;
    const qint64 firstSeq = pending.constFirst().first;
    const qint64 lastSeq = pending.constLast().first;
    // One frame, decoded once, for every socket that has seen none of these events; a socket that
    // authenticated meanwhile gets only what is newer than its ready (rare: a frame of its own).
    QString shared;
    const QList<EventConnection*> connections = m_byAccount.value(accountId);
    for (EventConnection* connection : connections) {
        if (!connection->wantsAccountEvents() || connection->isClosing() || connection->deliveredSeq() >= lastSeq)
            continue;
        if (connection->deliveredSeq() < firstSeq) {
            if (shared.isEmpty())
                shared = QString::fromUtf8(batchFrame(pending.cbegin(), pending.cend()));
            connection->sendNow(shared);
        } else {
            const qint64 seen = connection->deliveredSeq();
            // Not empty: seen < lastSeq.
            const auto first = std::find_if(
                pending.cbegin(), pending.cend(), [seen](const auto& event) { return event.first > seen; });
            connection->send(batchFrame(first, pending.cend()));
        }
        connection->setDeliveredSeq(lastSeq);
    }
}

void EventHub::onDeviceChanged(const QString& accountId, const QString& deviceId, DeviceService::Change change)
{
    if (change == DeviceService::Change::Removed)
        return onDevicesRemoved(accountId, {deviceId});
    const Device* device = m_devices.device(accountId, deviceId);
    if (!device)
        return;
    const QLatin1StringView type =
        change == DeviceService::Change::SignedIn ? l1("device.signed_in") : l1("device.updated");
    publish(accountId, type, [this, device](JsonWriter& json) {
        json.key(l1("device"));
        // is_current is left out: the same frame goes to every socket of the account.
        m_devices.write(json, *device, QString());
    });
}

void EventHub::onDevicesRemoved(const QString& accountId, const QStringList& deviceIds)
{
    publishMany(accountId, l1("device.removed"), deviceIds.size(), [&deviceIds](qsizetype i, JsonWriter& json) {
        const QString& deviceId = deviceIds.at(i);
        json.field(l1("device_id"), deviceId).key(l1("device")).beginObject().field(l1("id"), deviceId).endObject();
    });
}

void EventHub::onClosed(EventConnection* connection)
{
    m_connections.removeOne(connection);
    m_sessionWatch.forget(connection);
    if (const auto& principal = connection->principal()) {
        auto removeFrom = [connection](QHash<QString, QList<EventConnection*>>& index, const QString& key) {
            auto it = index.find(key);
            if (it == index.end())
                return;
            it->removeOne(connection);
            if (it->isEmpty())
                index.erase(it);
        };
        removeFrom(m_bySession, principal->sessionId);
        removeFrom(m_byAccount, principal->accountId);
        if (--m_socketsPerDevice[principal->deviceId] <= 0) {
            m_socketsPerDevice.remove(principal->deviceId);
            m_goingOffline.append({principal->accountId, principal->deviceId});
            if (!m_batchTimer.isActive())
                m_batchTimer.start();
        }
    }
    connection->deleteLater();
}

void EventHub::closeAll()
{
    const auto connections = m_connections;
    for (EventConnection* connection : connections)
        connection->closeWith(1001, QStringLiteral("the service is stopping"));
}

void EventHub::reset(bool forgetEvents)
{
    const auto connections = m_connections;
    for (EventConnection* connection : connections) {
        connection->forgetPrincipal();
        connection->closeWith(1012, QStringLiteral("the service was reset"));
    }
    m_bySession.clear();
    m_byAccount.clear();
    m_socketsPerDevice.clear();
    m_sessionWatch.clear();
    m_accountsWithPending.clear();
    m_accountsToAnnounce.clear();
    m_goingOffline.clear();
    m_streams.clear();
    if (forgetEvents) {
        if (auto ok = m_eventLog.clear(); !ok)
            qCWarning(lcStore) << "cannot forget the events:" << ok.error();
    }
}

void EventHub::registerRoutes(Router& router)
{
    router.add(
        "GET", path, {Access::roles({Role::Holder, Role::Support}), false}, [this](const RequestContext& context) {
            const QString& accountId = context.principal->accountId;
            const qint64 oldest = m_eventLog.oldestSeq(accountId);
            JsonWriter json;
            json.beginObject().field(l1("seq"), m_eventLog.lastSeq(accountId)).key(l1("oldest_seq"));
            if (oldest == 0)
                json.null();
            else
                json.value(oldest);
            json.field(l1("replay_limit"), qint64(replayLimit))
                .field(l1("ping_seconds"), EventConnection::pingIntervalMs / 1000)
                .endObject();
            context.respond(HttpResponse::jsonBody(json.take()));
        });
}

qint64 EventHub::lastSeq(const QString& accountId) const
{
    return m_eventLog.lastSeq(accountId);
}

} // namespace mockd
