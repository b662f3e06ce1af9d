#include "http/HttpServer.h"

#include "http/ApiError.h"
#include "http/Authenticator.h"
#include "http/HostCheck.h"
#include "http/HttpLimits.h"
#include "http/HttpServerAdapter.h"
#include "http/JsonBody.h"
#include "http/LimitedTcpServer.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "log/RequestLog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>
#include <QWebSocket>
#include <limits>

namespace mockd {

namespace {

bool isAdminPath(const QString& path)
{
    return path == QLatin1String("/__admin") || path.startsWith(QLatin1String("/__admin/"));
}

// The HTTP `Date` header has whole seconds: formatted once a second, not for every answer (QLocale
// formatting was the biggest single cost of a cached GET /v1/devices).
QByteArray httpDate(qint64 nowMs)
{
    thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
    thread_local QByteArray cached;
    const qint64 second = nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000;
    if (second != cachedSecond) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(second * 1000, QTimeZone::utc());
        cached = QLocale::c().toString(at, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        cachedSecond = second;
    }
    return cached;
}

// Adds the HTTP `Date` header (RFC 9110 §6.6.1) from the service's clock.
class DatingSlot final : public ResponseSlot
{
public:
    DatingSlot(std::shared_ptr<ResponseSlot> inner, qint64 nowMs) : m_inner(std::move(inner)), m_nowMs(nowMs) {}

    void send(const HttpResponse& response) override
    {
        HttpResponse dated = response;
        dated.addDefaultHeader(QByteArrayLiteral("Date"), httpDate(m_nowMs));
        if (m_inner)
            m_inner->send(dated);
    }

private:
    std::shared_ptr<ResponseSlot> m_inner;
    qint64 m_nowMs;
};

// A truncation fault: the route answers as usual, the client gets half of the body.
class TruncatingSlot final : public ResponseSlot
{
public:
    TruncatingSlot(std::shared_ptr<ResponseSlot> inner, bool closeEarly)
        : m_inner(std::move(inner)), m_closeEarly(closeEarly)
    {}

    void send(const HttpResponse& response) override
    {
        HttpResponse cut = response;
        // The broken body must not be cached under the version of the whole one.
        cut.headers.removeIf([](const auto& h) { return h.first.compare("etag", Qt::CaseInsensitive) == 0; });
        const qsizetype half = cut.body.size() / 2;
        if (m_closeEarly && !cut.body.isEmpty()) {
            cut.delivery = HttpResponse::Delivery::CutOff;
            cut.cutAfter = half;
        } else {
            cut.body.truncate(half);
        }
        if (m_inner)
            m_inner->send(cut);
    }

private:
    std::shared_ptr<ResponseSlot> m_inner;
    bool m_closeEarly;
};

// An answer lost on the wire: the route ran (its effects stay), the client gets no answer.
class DroppingSlot final : public ResponseSlot
{
public:
    explicit DroppingSlot(std::shared_ptr<ResponseSlot> inner) : m_inner(std::move(inner)) {}

    void send(const HttpResponse&) override
    {
        HttpResponse drop;
        drop.status = 0;
        drop.delivery = HttpResponse::Delivery::Drop;
        if (m_inner)
            m_inner->send(drop);
    }

private:
    std::shared_ptr<ResponseSlot> m_inner;
};

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
    auto* server = new LimitedTcpServer(
        HttpLimits::maxBodyBytes,
        m_limits,
        [this](const QByteArray& method, const QString& path, const QString& query) {
            m_log.record(method, path, query, 413, 0);
        },
        // The head may be incomplete, so there is no method or path to name.
        [this] { m_log.record("-", u"-", {}, 408, 0); });
    // Only the admin may send a big body (a snapshot to POST /__admin/scenario): checked on the head,
    // before the body is read, so no one else makes the service buffer megabytes to refuse them.
    server->setLargeBodyCheck([this](const QByteArray& adminKey, const QHostAddress& peer) {
        if (!m_admin || m_adminRemoved || adminKey.isEmpty())
            return false;
        HttpRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/__admin/scenario");
        request.headers = {{QByteArrayLiteral("x-admin-key"), adminKey}};
        request.peer = peer;
        return !m_admin->authorize(request).has_value();
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
    // Bound beyond loopback, the service is reached under names it cannot know.
    if (!HostCheck::isLoopbackAddress(address))
        m_loopbackOnly = false;
    return server->serverPort();
}

void HttpServer::setWebSocketHandler(const QString& path, std::function<void(std::unique_ptr<QWebSocket>)> handler)
{
    m_adapter->setWebSocketHandler(path, std::move(handler));
    m_adapter->setUpgradeGate([this](const HttpRequest& request) {
        HttpServerAdapter::UpgradeVerdict verdict;
        if (!hostAllowed(request)) {
            verdict.response = HttpResponse::fromError(ApiError::hostNotAllowed());
            onWebSocketUpgrade(request, std::nullopt, verdict.response->status);
            return verdict;
        }
        const std::optional<FaultPlan> fault = m_faults ? m_faults->faultFor(request) : std::nullopt;
        int status = 101;
        if (fault) {
            switch (fault->kind) {
            case FaultPlan::Kind::Delay:
                verdict.delayMs = fault->delayMs;
                break;
            case FaultPlan::Kind::Drop:
            case FaultPlan::Kind::DropAnswer: // an upgrade has no route to run first
                verdict.response = HttpResponse();
                verdict.response->delivery = HttpResponse::Delivery::Drop;
                status = 0;
                break;
            case FaultPlan::Kind::Respond:
            case FaultPlan::Kind::Truncate: // an upgrade has no body to cut: refuse it as-is
                verdict.response = fault->response;
                status = fault->response.status;
                break;
            }
            if (verdict.response)
                verdict.response->addDefaultHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        }
        onWebSocketUpgrade(request, fault, status);
        return verdict;
    });
}

void HttpServer::onWebSocketUpgrade(const HttpRequest& request, const std::optional<FaultPlan>& fault, int status)
{
    // An accepted upgrade is logged by the socket's owner once the handshake is done; a refused one
    // only here.
    if (status != 101)
        m_log.record(request.method, request.path, {}, status, 0);
    if (m_observer)
        m_observer->answered(request, status, 0, fault ? &*fault : nullptr);
}

bool HttpServer::hostAllowed(const HttpRequest& request) const
{
    return !m_loopbackOnly || HostCheck::isLoopbackName(request.header("host"));
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
    const bool adminPath = isAdminPath(request.path);
    const bool misdirected = !hostAllowed(request);
    std::optional<FaultPlan> fault;
    if (m_faults && !adminPath && !misdirected)
        fault = m_faults->faultFor(request);
    if (m_nowMs)
        slot = std::make_shared<DatingSlot>(std::move(slot), m_nowMs());
    if (fault && fault->kind == FaultPlan::Kind::Truncate)
        slot = std::make_shared<TruncatingSlot>(std::move(slot), fault->closeEarly);
    const bool answerLost = fault && fault->kind == FaultPlan::Kind::DropAnswer;
    if (answerLost)
        slot = std::make_shared<DroppingSlot>(std::move(slot));
    QPointer<HttpServer> self(this);
    const Responder responder(std::move(slot), [self, timer, request, adminPath, fault, answerLost](int routeStatus) {
        if (!self)
            return;
        const int status = answerLost ? 0 : routeStatus; // what the client saw
        const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
        self->m_log.record(request.method, request.path, request.query, status, elapsedUs);
        if (self->m_observer && !adminPath)
            self->m_observer->answered(request, status, elapsedUs, fault ? &*fault : nullptr);
        if (--self->m_inFlight == 0 && self->m_stopping)
            Q_EMIT self->drained();
    });
    if (misdirected)
        return responder.respond(HttpResponse::fromError(ApiError::hostNotAllowed()));
    if (!fault || fault->kind == FaultPlan::Kind::Truncate || answerLost)
        return dispatch(request, responder);
    switch (fault->kind) {
    case FaultPlan::Kind::Delay:
        QTimer::singleShot(fault->delayMs, this, [this, request, responder] { dispatch(request, responder); });
        return;
    case FaultPlan::Kind::Respond:
        return responder.respond(fault->response);
    case FaultPlan::Kind::Drop: {
        HttpResponse drop;
        drop.status = 0;
        drop.delivery = HttpResponse::Delivery::Drop;
        return responder.respond(drop);
    }
    case FaultPlan::Kind::Truncate:
    case FaultPlan::Kind::DropAnswer:
        break;
    }
}

void HttpServer::dispatch(const HttpRequest& request, const Responder& responder)
{
    const auto fail = [&responder](const ApiError& error) { responder.respond(HttpResponse::fromError(error)); };

    // Size first: decided on the declared length when there is one, then on what actually arrived.
    const qint64 maxBody = HttpLimits::maxBodyFor(request.method, request.path.toLatin1(), HttpLimits::maxBodyBytes);
    const QByteArray declared = request.header("content-length");
    if (!declared.isEmpty()) {
        bool ok = false;
        const qint64 length = declared.trimmed().toLongLong(&ok);
        if (ok && length > maxBody)
            return fail(ApiError::bodyTooLarge());
    }
    if (request.body.size() > maxBody)
        return fail(ApiError::bodyTooLarge());

    // The admin gate comes before routing, so without the key nothing reveals which admin routes exist.
    const bool adminPath = isAdminPath(request.path);
    // With the admin API removed (--no-admin) it does not exist, whoever registered a route under it.
    if (adminPath && m_adminRemoved)
        return fail(ApiError::notFound());
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
        if (!m_admin || (!adminPath && m_admin->authorize(request)))
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
