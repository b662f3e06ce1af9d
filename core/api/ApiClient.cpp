#include "ApiClient.h"

#include "core/api/ApiLogging.h"
#include "core/api/Redaction.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace vigil {
namespace {

const QByteArray userAgent = QByteArrayLiteral("Vigil/" VIGIL_VERSION);

} // namespace

ApiClient::ApiClient(QNetworkAccessManager* network, Session* session, QObject* parent)
    : QObject(parent), m_network(network), m_session(session)
{
    Q_ASSERT(m_network);
    Q_ASSERT(m_session);
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::urlFor(const ApiRequest& request) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

ApiReply* ApiClient::send(ApiRequest request)
{
    auto* call = new ApiReply(this, std::move(request));
    // Dispatch from the event loop so that a caller always gets the reply before it can finish.
    QMetaObject::invokeMethod(
        call, [this, call] { dispatch(call); }, Qt::QueuedConnection);
    return call;
}

void ApiClient::dispatch(ApiReply* call)
{
    if (call->isFinished())
        return;
    const ApiRequest& request = call->request();
    QNetworkRequest networkRequest(urlFor(request));
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setRawHeader("User-Agent", userAgent);
    // The contract has no redirects; following one could carry the bearer token elsewhere.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);

    if (request.auth == ApiRequest::Auth::Session) {
        if (!m_session->isSignedIn()) {
            call->complete(Unexpected{ApiError(ApiError::Code::SignedOut)});
            return;
        }
        if (isRefreshing()) {
            m_waiting.append(call);
            return;
        }
        call->m_tokenUsed = m_session->accessToken();
        networkRequest.setRawHeader("Authorization", "Bearer " + call->m_tokenUsed.toUtf8());
    }

    QByteArray payload;
    if (request.body) {
        payload = request.body->toJson(QJsonDocument::Compact);
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }

    call->m_timedOut = false;
    call->m_elapsed.start();
    QNetworkReply* reply = request.method == "GET"
                               ? m_network->get(networkRequest)
                               : m_network->sendCustomRequest(networkRequest, request.method, payload);
    reply->setParent(call);
    call->m_networkReply = reply;
    connect(reply, &QNetworkReply::finished, call, [this, call] { onNetworkFinished(call); });

    const auto timeout = request.timeout.count() > 0 ? request.timeout : m_defaultTimeout;
    call->m_timeout.disconnect(this);
    connect(&call->m_timeout, &QTimer::timeout, this, [call] {
        call->m_timedOut = true;
        if (call->m_networkReply)
            call->m_networkReply->abort();
    });
    call->m_timeout.start(timeout);
}

void ApiClient::onNetworkFinished(ApiReply* call)
{
    QNetworkReply* reply = call->m_networkReply;
    if (!reply)
        return;
    call->m_timeout.stop();
    call->m_networkReply = nullptr;
    reply->deleteLater();

    const ApiRequest& request = call->request();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QByteArray body = reply->readAll();
    qCDebug(lcApi).noquote() << request.method << Redaction::url(reply->url()) << "->"
                             << (call->m_timedOut ? QStringLiteral("timeout") : QString::number(status))
                             << call->m_elapsed.elapsed() << "ms";

    if (call->m_timedOut) {
        call->complete(Unexpected{ApiError(ApiError::Code::Timeout)});
        return;
    }
    if (status == 0) {
        const ApiError error = ApiError::fromNetworkError(reply->error());
        qCInfo(lcApi).noquote() << request.method << Redaction::url(reply->url())
                                << "failed:" << ApiError::codeName(error.code())
                                << Redaction::text(reply->errorString());
        call->complete(Unexpected{error});
        return;
    }
    if (reply->hasRawHeader("Date"))
        m_serverClock.observe(reply->rawHeader("Date"));
    if ((status >= 200 && status < 300) || status == 304) {
        ApiResponse response;
        response.status = status;
        response.body = body;
        response.headers = reply->rawHeaderPairs();
        if (!body.isEmpty()) {
            QJsonParseError parseError{};
            response.json = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                call->complete(Unexpected{ApiError(ApiError::Code::InvalidResponse).withHttpStatus(status)});
                return;
            }
        }
        call->complete(std::move(response));
        return;
    }

    const ApiError error = ApiError::fromHttpResponse(status, body, reply->rawHeader("Retry-After"));
    if (request.auth == ApiRequest::Auth::Session) {
        if (error.code() == ApiError::Code::TokenExpired && !call->m_retried) {
            onTokenExpired(call, error);
            return;
        }
        // Only the token we still hold can end the session; an answer to an older one is stale.
        if (error.endsSession() && call->m_tokenUsed == m_session->accessToken())
            endSession(error);
    }
    call->complete(Unexpected{error});
}

void ApiClient::onTokenExpired(ApiReply* call, const ApiError& error)
{
    call->m_retried = true;
    if (!m_session->isSignedIn()) {
        call->complete(Unexpected{error});
        return;
    }
    // Another request already brought a new token: just retry with it.
    if (!isRefreshing() && call->m_tokenUsed != m_session->accessToken()) {
        dispatch(call);
        return;
    }
    m_waiting.append(call);
    if (!isRefreshing())
        startRefresh();
}

void ApiClient::startRefresh()
{
    qCInfo(lcApi) << "access token expired; refreshing the session once for" << m_waiting.size() << "request(s)";
    const QString refreshToken = m_session->refreshToken();
    QJsonObject body{{QStringLiteral("refresh_token"), refreshToken}};
    m_refresh = send(ApiRequest::post(QStringLiteral("/v1/auth/refresh"), body).withoutAuth());
    connect(m_refresh, &ApiReply::finished, this, [this, refresh = m_refresh.data(), refreshToken] {
        onRefreshFinished(refresh, refreshToken);
    });
}

void ApiClient::onRefreshFinished(ApiReply* refresh, const QString& refreshTokenUsed)
{
    m_refresh = nullptr;
    const QList<QPointer<ApiReply>> waiting = std::exchange(m_waiting, {});
    const ApiResult& result = refresh->result();

    std::optional<ApiError> failure;
    if (!m_session->isSignedIn() || m_session->refreshToken() != refreshTokenUsed) {
        // Signed out (or in again) while the refresh ran: its answer belongs to nobody.
        failure = ApiError(ApiError::Code::SignedOut);
    } else if (!result) {
        failure = result.error();
        // The service refused the refresh token: that session is over. A network failure is not.
        if (failure->httpStatus() == 401 || failure->httpStatus() == 403 || failure->endsSession())
            endSession(*failure);
    } else {
        auto tokens = TokenPair::fromJson(result.value().object());
        if (!tokens) {
            failure = tokens.error();
        } else {
            m_session->setTokens(m_session->serverUrl(), tokens.value());
            qCInfo(lcApi) << "session refreshed; retrying" << waiting.size() << "request(s)";
        }
    }

    for (const auto& call : waiting) {
        if (!call)
            continue;
        if (failure)
            call->complete(Unexpected{*failure});
        else
            dispatch(call);
    }
}

void ApiClient::endSession(const ApiError& reason)
{
    qCInfo(lcApi) << "session ended by the service:" << ApiError::codeName(reason.code());
    m_session->clear();
    Q_EMIT sessionEnded(reason);
}

void ApiClient::cancel(ApiReply* call)
{
    m_waiting.removeAll(call);
    if (call->m_networkReply) {
        call->m_networkReply->disconnect(call);
        call->m_networkReply->abort();
    }
    call->complete(Unexpected{ApiError(ApiError::Code::Cancelled)});
}

} // namespace vigil
