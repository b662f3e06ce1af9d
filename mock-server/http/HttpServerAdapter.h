#pragma once

#include "http/HttpRequest.h"
#include "http/Responder.h"

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace mockd {

class LimitedTcpServer;

// The one place that knows which Qt version's QAbstractHttpServer it talks to (QT_VERSION_CHECK
// lives only in HttpServerAdapter.cpp). It turns each Qt request into an HttpRequest plus a
// ResponseSlot that may be answered later, and keeps answers on one connection in request order.
class HttpServerAdapter final
{
public:
    using RequestHandler = std::function<void(HttpRequest request, std::shared_ptr<ResponseSlot> slot)>;

    // Takes an upgraded WebSocket connection (any path; the handler checks it).
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket> socket)>;

    // Decides about a WebSocket upgrade on the handler's path before Qt accepts it (fault
    // injection): go ahead after `delayMs`, or answer `response` instead (Delivery::Drop: close
    // the connection without a word).
    struct UpgradeVerdict
    {
        int delayMs = 0;
        std::optional<HttpResponse> response;
    };
    using UpgradeGate = std::function<UpgradeVerdict(const HttpRequest& request)>;

    explicit HttpServerAdapter(RequestHandler handler);
    ~HttpServerAdapter();
    HttpServerAdapter(const HttpServerAdapter&) = delete;
    HttpServerAdapter& operator=(const HttpServerAdapter&) = delete;

    // Serves HTTP on a listening server; takes ownership. False when Qt refused it.
    bool attach(LimitedTcpServer* server);
    // Accepts WebSocket upgrades on `path` from now on; without a handler upgrades are refused.
    void setWebSocketHandler(const QString& path, WebSocketHandler handler);
    void setUpgradeGate(UpgradeGate gate);

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace mockd
