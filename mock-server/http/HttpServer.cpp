#include "http/HttpServer.h"

#include "http/ApiError.h"
#include "http/Authenticator.h"
#include "http/HttpLimits.h"
#include "http/HttpServerAdapter.h"
#include "http/JsonBody.h"
#include "http/LimitedTcpServer.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "log/RequestLog.h"

#include <QElapsedTimer>
#include <QWebSocket>

namespace mockd {

namespace {

bool isAdminPath(const QString& path)
{
    return path == QLatin1String("/__admin") || path.startsWith(QLatin1String("/__admin/"));
}

} // namespace

HttpServer::HttpServer(const Router& router, RequestLog& log, QObject* parent)
    : QObject(parent), m_router(router), m_log(log),
      m_adapter(
          std::make_unique<HttpServerAdapter>([this](const HttpRequest& request, std::shared_ptr<ResponseSlot> slot) {
              onRequest(request, std::move(slot));
          }))
{}

HttpServer::~HttpServer() = default;

Expected<quint16, QString> HttpServer::listen(const QHostAddress& address, quint16 port)
{
    auto* server = new LimitedTcpServer(HttpLimits::maxBodyBytes,
                                        [this](const QByteArray& method, const QString& path, const QString& query) {
                                            m_log.record(method, path, query, 413, 0);
                                        });
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return unexpected(reason);
    }
    if (!m_adapter->attach(server)) {
        delete server;
        return unexpected(QStringLiteral("the HTTP server refused the listening socket"));
    }
    m_listeners.append(server);
    return server->serverPort();
}

void HttpServer::setWebSocketHandler(const QString& path, std::function<void(std::unique_ptr<QWebSocket>)> handler)
{
    m_adapter->setWebSocketHandler(path, std::move(handler));
}

void HttpServer::stopListening()
{
    m_stopping = true;
    for (const auto& server : std::as_const(m_listeners)) {
        if (server)
            server->close();
    }
    if (m_inFlight == 0)
        Q_EMIT drained();
}

void HttpServer::flushConnections()
{
    for (const auto& server : std::as_const(m_listeners)) {
        if (server)
            server->flushConnections(1000);
    }
}

void HttpServer::onRequest(const HttpRequest& request, std::shared_ptr<ResponseSlot> slot)
{
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    QPointer<HttpServer> self(this);
    const Responder responder(
        std::move(slot),
        [self, timer, method = request.method, path = request.path, query = request.query](int status) {
            if (!self)
                return;
            self->m_log.record(method, path, query, status, timer.nsecsElapsed() / 1000);
            if (--self->m_inFlight == 0 && self->m_stopping)
                Q_EMIT self->drained();
        });
    dispatch(request, responder);
}

void HttpServer::dispatch(const HttpRequest& request, const Responder& responder)
{
    const auto fail = [&responder](const ApiError& error) { responder.respond(HttpResponse::fromError(error)); };

    // Size first: decided on the declared length when there is one, then on what actually arrived.
    const QByteArray declared = request.header("content-length");
    if (!declared.isEmpty()) {
        bool ok = false;
        const qint64 length = declared.trimmed().toLongLong(&ok);
        if (ok && length > HttpLimits::maxBodyBytes)
            return fail(ApiError::bodyTooLarge());
    }
    if (request.body.size() > HttpLimits::maxBodyBytes)
        return fail(ApiError::bodyTooLarge());

    // The admin gate comes before routing, so without the key nothing reveals which admin routes exist.
    const bool adminPath = isAdminPath(request.path);
    if (adminPath) {
        if (!m_admin)
            return fail(ApiError::forbidden(QStringLiteral("forbidden"), QStringLiteral("The admin API is off.")));
        if (const auto refused = m_admin->authorize(request))
            return fail(*refused);
    }

    const Router::Match match = m_router.match(request.method, request.path);
    if (match.kind == Router::Match::Kind::NotFound)
        return fail(ApiError::notFound());
    if (match.kind == Router::Match::Kind::MethodNotAllowed)
        return fail(ApiError::methodNotAllowed(match.allow));

    const Router::Route& route = *match.route;
    RequestContext context{request, match.params, std::nullopt, {}, responder};

    const Access& access = route.options.access;
    if (access.isAdmin()) {
        if (!adminPath && (!m_admin || m_admin->authorize(request)))
            return fail(ApiError::forbidden(QStringLiteral("forbidden"), QStringLiteral("Admin only.")));
    } else if (access.needsToken()) {
        if (!m_authenticator)
            return fail(ApiError::internal());
        auto principal = m_authenticator->authenticate(request);
        if (!principal)
            return fail(principal.error());
        if (!access.allows(principal->role))
            return fail(ApiError::forbidden(QStringLiteral("forbidden"),
                                            QStringLiteral("This account is not allowed to do this.")));
        context.principal = std::move(*principal);
    } else if (!access.isPublic()) {
        qCWarning(lcHttp) << "route" << route.method << route.pattern << "has no access rule; refusing";
        return fail(ApiError::forbidden(QStringLiteral("forbidden"), QStringLiteral("Not allowed.")));
    }

    if (route.options.jsonBody) {
        auto body = JsonBody::parse(request);
        if (!body)
            return fail(body.error());
        context.body = std::move(*body);
    }
    route.handler(context);
}

} // namespace mockd
