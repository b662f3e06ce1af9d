#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiReply.h"
#include "core/api/ApiRequest.h"
#include "core/api/ServerClock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <chrono>

class QNetworkAccessManager;

namespace vigil {

class Session;

// JSON over HTTP to the account service, on an injected QNetworkAccessManager.
// - Sends the Session's bearer token; when the service answers 401 `token_expired`, ONE refresh is
//   made for every request waiting on it, and each is retried once with the new token.
// - A refresh that the service refuses ends the Session (sessionEnded()); so does a request whose
//   token the service no longer knows (`session_revoked`, `token_invalid`).
// - Every failure reaches the caller as a typed ApiError; nothing is logged but method, path
//   (redacted), status and time.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    ApiClient(QNetworkAccessManager* network, Session* session, QObject* parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl& url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }
    std::chrono::milliseconds defaultTimeout() const { return m_defaultTimeout; }

    // Starts the call. The reply belongs to the client and deletes itself after finished().
    ApiReply* send(ApiRequest request);
    // The service's time, from the `Date` header of its answers.
    const ServerClock& serverClock() const { return m_serverClock; }
    bool isRefreshing() const { return !m_refresh.isNull(); }

    QUrl urlFor(const ApiRequest& request) const;

Q_SIGNALS:
    // The session is over for good (refresh refused, session revoked); the Session is already clear.
    void sessionEnded(const vigil::ApiError& reason);

private:
    friend class ApiReply;
    void dispatch(ApiReply* call);
    void onNetworkFinished(ApiReply* call);
    void onTokenExpired(ApiReply* call, const ApiError& error);
    void startRefresh();
    void onRefreshFinished(ApiReply* refresh, const QString& refreshTokenUsed);
    void endSession(const ApiError& reason);
    void cancel(ApiReply* call);

    QNetworkAccessManager* m_network;
    ServerClock m_serverClock;
    Session* m_session;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_defaultTimeout{15000};
    QPointer<ApiReply> m_refresh;
    QList<QPointer<ApiReply>> m_waiting; // calls parked until the refresh ends
};

} // namespace vigil
