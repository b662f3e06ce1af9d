#include "simulator/DeviceSession.h"

#include "simulator/SimulatorLog.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <limits>

namespace mockd::sim {

namespace {
constexpr int transferTimeoutMs = 15000;
// Refresh this long before the access token expires, so a request never races the expiry.
constexpr qint64 refreshMarginSeconds = 30;
} // namespace

DeviceSession::DeviceSession(QNetworkAccessManager& network, const QUrl& server, QObject* parent)
    : QObject(parent), m_network(network), m_server(server), m_accessExpiry(QDeadlineTimer::Forever)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
}

DeviceSession::~DeviceSession()
{
    abandon();
}

bool DeviceSession::isFinal(const QString& code)
{
    return code == QLatin1String("session_revoked") || code == QLatin1String("token_invalid") ||
           code == QLatin1String("token_missing") || code == QLatin1String("invalid_refresh");
}

QByteArray DeviceSession::authorization() const
{
    return "Bearer " + m_access.toLatin1();
}

void DeviceSession::setAutoRefresh(bool enabled)
{
    m_autoRefresh = enabled;
    if (!enabled) {
        m_refreshTimer.stop();
    } else if (isSignedIn()) {
        const qint64 dueMs = m_accessExpiry.remainingTime() - refreshMarginSeconds * 1000;
        m_refreshTimer.start(int(qBound(qint64(0), dueMs, qint64(std::numeric_limits<int>::max()))));
    }
}

void DeviceSession::send(const QByteArray& method,
                         const QString& path,
                         const std::optional<QJsonObject>& body,
                         bool withToken,
                         Callback done,
                         const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QUrl url = m_server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (withToken)
        request.setRawHeader("Authorization", authorization());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply =
        body || method != "GET" ? m_network.sendCustomRequest(request, method, payload) : m_network.get(request);
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        m_inFlight.removeOne(reply);
        reply->deleteLater();
        ApiReply answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (answer.status == 0) {
            answer.error = reply->errorString();
        } else {
            answer.json = QJsonDocument::fromJson(bytes).object();
            answer.error = answer.json.value(QStringLiteral("error")).toString();
            answer.retryAfterSeconds = reply->rawHeader("Retry-After").toLongLong();
        }
        if (done)
            done(answer);
    });
}

void DeviceSession::post(const QString& path,
                         const QJsonObject& body,
                         const QList<QPair<QByteArray, QByteArray>>& headers,
                         Callback done)
{
    send("POST", path, body, false, std::move(done), headers);
}

void DeviceSession::takeTokens(const QJsonObject& json)
{
    m_access = json.value(QStringLiteral("access_token")).toString();
    m_refresh = json.value(QStringLiteral("refresh_token")).toString();
    if (const QString id = json.value(QStringLiteral("device_id")).toString(); !id.isEmpty())
        m_deviceId = id;
    const qint64 lifetime = json.value(QStringLiteral("expires_in")).toInteger(300);
    m_accessExpiry = QDeadlineTimer(lifetime * 1000);
    setAutoRefresh(m_autoRefresh);
}

void DeviceSession::login(const QString& email, const QString& password, const QJsonObject& device, Callback done)
{
    const QJsonObject body{
        {QStringLiteral("email"), email}, {QStringLiteral("password"), password}, {QStringLiteral("device"), device}};
    send("POST", QStringLiteral("/v1/auth/login"), body, false, [this, done = std::move(done)](const ApiReply& reply) {
        if (reply.status == 200)
            takeTokens(reply.json);
        done(reply);
    });
}

void DeviceSession::resume(const QString& deviceId, const QString& refreshToken)
{
    m_deviceId = deviceId;
    m_refresh = refreshToken;
    m_access.clear();
    m_accessExpiry = QDeadlineTimer(0);
}

void DeviceSession::refresh(std::function<void(bool)> done)
{
    if (done)
        m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return;
    if (m_refused || m_refresh.isEmpty()) {
        finishRefresh(false);
        return;
    }
    m_refreshing = true;
    m_refreshTimer.stop();
    const QJsonObject body{{QStringLiteral("refresh_token"), m_refresh}};
    send("POST", QStringLiteral("/v1/auth/refresh"), body, false, [this](const ApiReply& reply) {
        m_refreshing = false;
        if (reply.status == 200) {
            takeTokens(reply.json);
            Q_EMIT refreshed();
            finishRefresh(true);
            return;
        }
        if (reply.status == 401 || reply.status == 400) {
            refuse(reply.error.isEmpty() ? QStringLiteral("invalid_refresh") : reply.error);
            finishRefresh(false);
            return;
        }
        // The service is unreachable or busy: keep the tokens and try again a little later.
        qCInfo(lcSim) << "refresh failed:" << reply.status << reply.error;
        if (m_autoRefresh)
            m_refreshTimer.start(5000);
        finishRefresh(false);
    });
}

void DeviceSession::finishRefresh(bool ok)
{
    const auto waiters = std::exchange(m_refreshWaiters, {});
    for (const auto& waiter : waiters)
        waiter(ok);
}

void DeviceSession::refuse(const QString& code)
{
    if (m_refused)
        return;
    m_refused = true;
    m_access.clear();
    m_refresh.clear();
    m_refreshTimer.stop();
    Q_EMIT refused(code);
}

void DeviceSession::request(const QByteArray& method,
                            const QString& path,
                            const std::optional<QJsonObject>& body,
                            Callback done)
{
    if (m_refused)
        return;
    // A token that expired while the device was offline is refreshed first instead of being sent.
    if (accessExpired()) {
        refresh([this, method, path, body, done = std::move(done)](bool ok) mutable {
            if (ok)
                sendAuthorized(method, path, body, false, std::move(done));
            else if (!m_refused && done)
                done(ApiReply{0, {}, QStringLiteral("token refresh failed"), 0});
        });
        return;
    }
    sendAuthorized(method, path, body, true, std::move(done));
}

void DeviceSession::sendAuthorized(
    const QByteArray& method, const QString& path, const std::optional<QJsonObject>& body, bool mayRetry, Callback done)
{
    const QString sentWith = m_access;
    send(method,
         path,
         body,
         true,
         [this, method, path, body, mayRetry, sentWith, done = std::move(done)](const ApiReply& reply) {
             if (reply.status == 401 && reply.error == QLatin1String("token_expired") && mayRetry) {
                 // A late answer to a request sent before the last refresh finished: the token has been
                 // rotated since, so retry with it instead of rotating it again.
                 if (!m_access.isEmpty() && m_access != sentWith) {
                     sendAuthorized(method, path, body, false, done);
                     return;
                 }
                 refresh([this, method, path, body, done](bool ok) {
                     if (ok)
                         sendAuthorized(method, path, body, false, done);
                     else if (!m_refused && done)
                         done(ApiReply{0, {}, QStringLiteral("token refresh failed"), 0});
                 });
                 return;
             }
             if (reply.status == 401 && isFinal(reply.error)) {
                 refuse(reply.error);
                 return;
             }
             if (done)
                 done(reply);
         });
}

void DeviceSession::logout(Callback done)
{
    if (!isSignedIn() || m_refused) {
        if (done)
            done(ApiReply{401, {}, QStringLiteral("token_missing"), 0});
        return;
    }
    m_refreshTimer.stop();
    request(
        "POST", QStringLiteral("/v1/auth/logout"), std::nullopt, [this, done = std::move(done)](const ApiReply& reply) {
            m_access.clear();
            m_refresh.clear();
            if (done)
                done(reply);
        });
}

void DeviceSession::abandon()
{
    m_refreshTimer.stop();
    m_access.clear();
    m_refresh.clear();
    m_refreshing = false;
    m_refreshWaiters.clear();
    const auto inFlight = std::exchange(m_inFlight, {});
    for (QNetworkReply* reply : inFlight) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace mockd::sim
