#pragma once

#include "base/Expected.h"
#include "http/HttpLimits.h"
#include "http/HttpRequest.h"
#include "http/RequestHooks.h"
#include "http/Responder.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QWebSocket;

namespace mockd {

class AdminAuthorizer;
class Authenticator;
class HttpServerAdapter;
class LimitedTcpServer;
class RequestLog;
class Router;

// The request pipeline, the same for every route: Host check on loopback (421, not in dispatch:
// it concerns the connection, not the route) → size limit (413) → admin gate for /__admin/*
// (403) → route (404 / 405) → who may call it (401 / 403, deny by default) → JSON body (415 / 400)
// → handler. Every answer is logged once, through the redacting RequestLog.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    HttpServer(const Router& router, RequestLog& log, QObject* parent = nullptr);
    ~HttpServer() override;

    void setAuthenticator(Authenticator* authenticator) { m_authenticator = authenticator; }
    void setAdminAuthorizer(const AdminAuthorizer* authorizer) { m_admin = authorizer; }
    // --no-admin: every /__admin/* path is a 404, as if there were no admin API.
    void removeAdminApi() { m_adminRemoved = true; }
    // Fault injection and the request journal; both see only requests outside /__admin/*.
    void setFaultSource(FaultSource* faults) { m_faults = faults; }
    // Answers carry a `Date` header from this clock (ms since the epoch), so clients can follow the
    // service's time when QA moves it.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    void setRequestObserver(RequestObserver* observer) { m_observer = observer; }
    // Timeouts and connection caps for the listeners opened after this call.
    void setConnectionLimits(const ConnectionLimits& limits) { m_limits = limits; }
    // Upgraded WebSocket connections on `path` go to `handler` (the event stream).
    void setWebSocketHandler(const QString& path, std::function<void(std::unique_ptr<QWebSocket>)> handler);

    // Listens on address:port (0: any free port); returns the port. While every listener is on
    // loopback, only requests whose Host names loopback are served (421 `host_not_allowed`).
    Expected<quint16, QString> listen(const QHostAddress& address, quint16 port);
    // Stops accepting connections; requests already received are still answered.
    void stopListening();
    int inFlight() const { return m_inFlight; }
    // Pushes buffered answers out to the clients; call before leaving the event loop.
    void flushConnections();

    // Runs the pipeline for one request (public so tests can drive it without sockets).
    void dispatch(const HttpRequest& request, const Responder& responder);

Q_SIGNALS:
    // The last in-flight request was answered after stopListening().
    void drained();

private:
    void onRequest(const HttpRequest& request, std::shared_ptr<ResponseSlot> slot);
    void onWebSocketUpgrade(const HttpRequest& request, const std::optional<FaultPlan>& fault, int status);
    bool hostAllowed(const HttpRequest& request) const;

    const Router& m_router;
    RequestLog& m_log;
    Authenticator* m_authenticator = nullptr;
    const AdminAuthorizer* m_admin = nullptr;
    FaultSource* m_faults = nullptr;
    std::function<qint64()> m_nowMs;
    RequestObserver* m_observer = nullptr;
    bool m_adminRemoved = false;
    std::unique_ptr<HttpServerAdapter> m_adapter;
    QList<QPointer<LimitedTcpServer>> m_listeners;
    ConnectionLimits m_limits;
    bool m_loopbackOnly = true;
    int m_inFlight = 0;
    bool m_stopping = false;
};

} // namespace mockd
