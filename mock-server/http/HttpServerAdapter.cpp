#include "http/HttpServerAdapter.h"

#include "http/ApiError.h"
#include "http/HttpResponse.h"
#include "http/LimitedTcpServer.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <deque>
#include <optional>

// Qt's HTTP server API changed twice since 6.4:
//  - 6.4:      handleRequest(const QHttpServerRequest&, QTcpSocket*), answer through makeResponder().
//              Requests on one connection are handled as they arrive, even while an earlier answer is
//              still pending, so this adapter queues answers per connection to keep them in order.
//  - 6.5–6.7:  handleRequest(const QHttpServerRequest&, QHttpServerResponder&); moving the responder
//              out defers the answer and Qt stops reading the connection until it is destroyed.
//              missingHandler takes QHttpServerResponder&&.
//  - 6.8+:     missingHandler takes QHttpServerResponder&; headers are QHttpHeaders; listen() is gone
//              (bind(QTcpServer*) returns bool); WebSocket upgrades go through
//              addWebSocketUpgradeVerifier(); Qt answers "Expect: 100-continue" itself.
#define VIGIL_QT_HTTP_64 (QT_VERSION < QT_VERSION_CHECK(6, 5, 0))
#define VIGIL_QT_HTTP_68 (QT_VERSION >= QT_VERSION_CHECK(6, 8, 0))

#if VIGIL_QT_HTTP_68
#include <QHttpHeaders>
#include <QHttpServerWebSocketUpgradeResponse>
#endif

namespace mockd {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

HttpRequest toRequest(const QHttpServerRequest& request)
{
    HttpRequest out;
    out.method = methodName(request.method());
    const QUrl url = request.url();
    out.path = url.path(QUrl::FullyEncoded);
    out.query = HttpRequest::normalizedQuery(url.query(QUrl::FullyEncoded));
#if VIGIL_QT_HTTP_68
    const QHttpHeaders& headers = request.headers();
    out.headers.reserve(headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView name = headers.nameAt(i);
        out.headers.append({QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray()});
    }
#else
    out.headers = request.headers();
#endif
    out.body = request.body();
    out.peer = request.remoteAddress();
    return out;
}

bool isWebSocketUpgrade(const QHttpServerRequest& request)
{
    return request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

#if !VIGIL_QT_HTTP_64
// Without the socket (Qt 6.5+ hides it behind the responder) a connection cannot be cut: a drop
// becomes an empty 503 that closes the connection, a cut-off body an honestly shortened one.
HttpResponse withoutSocketTricks(const HttpResponse& response)
{
    HttpResponse out = response;
    if (response.delivery == HttpResponse::Delivery::Drop) {
        out = HttpResponse();
        out.status = 503;
        out.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    } else if (response.delivery == HttpResponse::Delivery::CutOff) {
        out.body.truncate(response.cutAfter);
    }
    out.delivery = HttpResponse::Delivery::Normal;
    return out;
}
#endif

#if VIGIL_QT_HTTP_64
// Fault injection: close without an answer, or announce the whole body and close after part of it.
// Both flush what earlier answers on the connection left in the buffer first.
bool writeFault(QTcpSocket* socket, const HttpResponse& response)
{
    switch (response.delivery) {
    case HttpResponse::Delivery::Normal:
        return false;
    case HttpResponse::Delivery::Drop:
        socket->disconnectFromHost();
        return true;
    case HttpResponse::Delivery::CutOff: {
        const QByteArray wire = response.toWire(true);
        socket->write(wire.left(wire.size() - response.body.size() + response.cutAfter));
        socket->disconnectFromHost();
        return true;
    }
    }
    return false;
}
#endif

void write(QHttpServerResponder& responder, const HttpResponse& plannedResponse)
{
#if VIGIL_QT_HTTP_64
    const HttpResponse& response = plannedResponse;
    if (writeFault(responder.socket(), response))
        return;
#else
    const HttpResponse response = withoutSocketTricks(plannedResponse);
#endif
    const auto status = QHttpServerResponder::StatusCode(response.status);
#if VIGIL_QT_HTTP_68
    QHttpHeaders headers;
    for (const auto& [name, value] : response.headers)
        headers.append(name, value);
    responder.write(response.body, headers, status);
#elif VIGIL_QT_HTTP_64
    // One write of the whole message instead of one per status line, header and body: the 6.4
    // responder is a thin wrapper around the socket and keeps no state of its own.
    Q_UNUSED(status);
    responder.socket()->write(response.toWire(false));
    // On the wire now, not at the next pass of the event loop: work the route left for after its
    // answer (a sign-out's closing sockets) must not hold the answer back.
    responder.socket()->flush();
#else
    responder.writeStatusLine(status);
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    if (response.status != 204 && response.status != 304)
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
#endif
}

#if VIGIL_QT_HTTP_64
class ConnectionQueue;

class QtSlot final : public ResponseSlot
{
public:
    QtSlot(QHttpServerResponder&& responder, ConnectionQueue* queue) : m_responder(std::move(responder)), m_queue(queue)
    {}
    void send(const HttpResponse& response) override;

    std::optional<HttpResponse> m_response;
    std::optional<QHttpServerResponder> m_responder;

private:
    QPointer<ConnectionQueue> m_queue;
};

// Lives as a child of the socket, so it (and every pending answer) goes away with the connection.
class ConnectionQueue final : public QObject
{
public:
    explicit ConnectionQueue(QTcpSocket* socket) : QObject(socket) {}

    void flush()
    {
        const auto* socket = static_cast<QTcpSocket*>(parent());
        while (!m_pending.empty() && m_pending.front()->m_response) {
            const std::shared_ptr<QtSlot> slot = m_pending.front();
            m_pending.pop_front();
            if (socket->state() == QAbstractSocket::ConnectedState)
                write(*slot->m_responder, *slot->m_response);
            slot->m_responder.reset();
        }
    }

    std::deque<std::shared_ptr<QtSlot>> m_pending;
};

void QtSlot::send(const HttpResponse& response)
{
    if (!m_queue || m_response)
        return;
    m_response = response;
    m_queue->flush();
}
#else
class QtSlot final : public ResponseSlot
{
public:
    explicit QtSlot(QHttpServerResponder&& responder) : m_responder(std::move(responder)) {}

    void send(const HttpResponse& response) override
    {
        if (!m_responder)
            return;
        write(*m_responder, response);
        // Qt resumes reading the connection once the responder is gone.
        m_responder.reset();
    }

private:
    std::optional<QHttpServerResponder> m_responder;
};
#endif

} // namespace

class HttpServerAdapter::Server final : public QAbstractHttpServer
{
public:
    explicit Server(RequestHandler handler) : m_handler(std::move(handler)) {}

protected:
#if VIGIL_QT_HTTP_64
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        // Qt hands an upgrade to its WebSocket server only when this returns true (and answers it
        // with missingHandler otherwise); nothing may be written for it here.
        if (isWebSocketUpgrade(request)) {
            if (!acceptsWebSocket(request))
                return false;
            const UpgradeVerdict verdict = m_upgradeGate ? m_upgradeGate(toRequest(request)) : UpgradeVerdict();
            if (verdict.response) {
                m_refusal = verdict.response; // missingHandler, called next, answers it
                return false;
            }
            if (verdict.delayMs > 0)
                holdUpgrade(socket, verdict.delayMs);
            return true;
        }
        ConnectionQueue* queue = queueFor(socket);
        auto slot = std::make_shared<QtSlot>(makeResponder(request, socket), queue);
        queue->m_pending.push_back(slot);
        m_handler(toRequest(request), slot);
        return true;
    }

    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, takeRefusal());
    }

    // Qt hands the socket to its WebSocket server as soon as handleRequest returns true and then
    // emits readyRead to start the handshake (through a queued connection). Blocking the socket's
    // signals swallows that; re-emitting it after the delay lets the handshake go on.
    static void holdUpgrade(QTcpSocket* socket, int delayMs)
    {
        socket->blockSignals(true);
        QTimer::singleShot(delayMs, socket, [socket] {
            socket->blockSignals(false);
            if (socket->state() != QAbstractSocket::ConnectedState)
                socket->deleteLater();
            else if (socket->bytesAvailable() > 0)
                Q_EMIT socket->readyRead();
        });
    }
#else
    bool handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder) override
    {
        if (isWebSocketUpgrade(request)) {
            if (!acceptsWebSocket(request))
                return false;
            // Without the socket an upgrade cannot be held back here; a delay is not applied.
            const UpgradeVerdict verdict = m_upgradeGate ? m_upgradeGate(toRequest(request)) : UpgradeVerdict();
            if (verdict.response) {
                m_refusal = verdict.response;
                return false;
            }
            return true;
        }
        m_handler(toRequest(request), std::make_shared<QtSlot>(std::move(responder)));
        return true;
    }

#if VIGIL_QT_HTTP_68
    void missingHandler(const QHttpServerRequest&, QHttpServerResponder& responder) override
#else
    void missingHandler(const QHttpServerRequest&, QHttpServerResponder&& responder) override
#endif
    {
        write(responder, takeRefusal());
    }
#endif

public:
    QString m_webSocketPath; // empty: upgrades are refused
    UpgradeGate m_upgradeGate;

private:
    // Qt calls missingHandler right after a handleRequest that returned false, for the same request.
    HttpResponse takeRefusal()
    {
        HttpResponse response = m_refusal ? *m_refusal : HttpResponse::fromError(ApiError::notFound());
        m_refusal.reset();
        return response;
    }

    bool acceptsWebSocket(const QHttpServerRequest& request) const
    {
        return !m_webSocketPath.isEmpty() && request.url().path() == m_webSocketPath;
    }

#if VIGIL_QT_HTTP_64
    ConnectionQueue* queueFor(QTcpSocket* socket)
    {
        if (ConnectionQueue* queue = m_queues.value(socket))
            return queue;
        auto* queue = new ConnectionQueue(socket);
        m_queues.insert(socket, queue);
        QObject::connect(queue, &QObject::destroyed, this, [this, socket] { m_queues.remove(socket); });
        return queue;
    }

    QHash<const QTcpSocket*, ConnectionQueue*> m_queues;
#endif
    RequestHandler m_handler;
    std::optional<HttpResponse> m_refusal;
};

HttpServerAdapter::HttpServerAdapter(RequestHandler handler) : m_server(std::make_unique<Server>(std::move(handler))) {}

void HttpServerAdapter::setWebSocketHandler(const QString& path, WebSocketHandler handler)
{
    Server* server = m_server.get();
    server->m_webSocketPath = path;
    // Before 6.8, connecting newWebSocketConnection is what makes Qt accept upgrades (on any path;
    // the handler refuses other paths). From 6.8 a verifier has to accept each upgrade.
#if VIGIL_QT_HTTP_68
    server->addWebSocketUpgradeVerifier(server, [server, path](const QHttpServerRequest& request) {
        if (request.url().path() != path)
            return QHttpServerWebSocketUpgradeResponse::passToNext();
        const UpgradeVerdict verdict =
            server->m_upgradeGate ? server->m_upgradeGate(toRequest(request)) : UpgradeVerdict();
        if (verdict.response)
            return QHttpServerWebSocketUpgradeResponse::deny(
                verdict.response->status == 0 ? 503 : verdict.response->status, verdict.response->body);
        return QHttpServerWebSocketUpgradeResponse::accept();
    });
#else
    Q_UNUSED(path);
#endif
    QObject::connect(
        server, &QAbstractHttpServer::newWebSocketConnection, server, [server, handler = std::move(handler)] {
            while (server->hasPendingWebSocketConnections()) {
                std::unique_ptr<QWebSocket> socket(server->nextPendingWebSocketConnection());
                if (socket)
                    handler(std::move(socket));
            }
        });
}

void HttpServerAdapter::setUpgradeGate(UpgradeGate gate)
{
    m_server->m_upgradeGate = std::move(gate);
}

HttpServerAdapter::~HttpServerAdapter() = default;

bool HttpServerAdapter::attach(LimitedTcpServer* server)
{
#if VIGIL_QT_HTTP_68
    server->setAnswerExpectContinue(false);
    return m_server->bind(server);
#else
    server->setAnswerExpectContinue(true);
    m_server->bind(server);
    return server->parent() == m_server.get();
#endif
}

} // namespace mockd
