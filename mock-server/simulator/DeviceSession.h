#pragma once

#include "simulator/ApiReply.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mockd::sim {

// One simulated device's session with the service over the public REST API: sign-in, bearer
// requests, refresh before expiry (one refresh at a time: a second concurrent refresh would
// present a rotated token and the service would end the session as stolen), and sign-out.
// The tokens never leave this object except as the Authorization header value.
class DeviceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceSession)

public:
    using Callback = std::function<void(const ApiReply&)>;

    DeviceSession(QNetworkAccessManager& network, const QUrl& server, QObject* parent = nullptr);
    ~DeviceSession() override;

    // POST /v1/auth/login; on 200 the session holds the tokens and starts its refresh timer.
    void login(const QString& email, const QString& password, const QJsonObject& device, Callback done);
    // Takes over a session that exists already (a scenario's seeded one), knowing only its refresh
    // token: the first request refreshes it.
    void resume(const QString& deviceId, const QString& refreshToken);
    // A bearer request. A 401 token_expired is answered by one refresh and one retry; a 401 that
    // means the session is over emits refused() instead of calling `done`.
    void request(const QByteArray& method, const QString& path, const std::optional<QJsonObject>& body, Callback done);
    // A JSON POST without a token (the TV sign-in's device code routes), with extra headers.
    void post(const QString& path,
              const QJsonObject& body,
              const QList<QPair<QByteArray, QByteArray>>& headers,
              Callback done);
    // POST /v1/auth/refresh now (joins a refresh already under way). `done(true)` when it worked.
    void refresh(std::function<void(bool)> done = {});
    // POST /v1/auth/logout and forget the tokens, whatever the answer.
    void logout(Callback done);
    // Forget the tokens and drop every request in flight without calling back.
    void abandon();

    bool isSignedIn() const { return !m_access.isEmpty(); }
    bool accessExpired() const { return m_accessExpiry.hasExpired(); }
    QByteArray authorization() const;
    QString deviceId() const { return m_deviceId; }
    // An offline device stops its refresh timer; it refreshes on demand when it comes back.
    void setAutoRefresh(bool enabled);

    // The 401 codes after which the session cannot be used again.
    static bool isFinal(const QString& code);

Q_SIGNALS:
    void refused(const QString& code);
    void refreshed();

private:
    void send(const QByteArray& method,
              const QString& path,
              const std::optional<QJsonObject>& body,
              bool withToken,
              Callback done,
              const QList<QPair<QByteArray, QByteArray>>& headers = {});
    void sendAuthorized(const QByteArray& method,
                        const QString& path,
                        const std::optional<QJsonObject>& body,
                        bool mayRetry,
                        Callback done);
    void takeTokens(const QJsonObject& json);
    void finishRefresh(bool ok);
    void refuse(const QString& code);

    QNetworkAccessManager& m_network;
    QUrl m_server;
    QString m_access;
    QString m_refresh;
    QString m_deviceId;
    QDeadlineTimer m_accessExpiry;
    QTimer m_refreshTimer;
    bool m_autoRefresh = true;
    bool m_refreshing = false;
    bool m_refused = false;
    QList<std::function<void(bool)>> m_refreshWaiters;
    QList<QNetworkReply*> m_inFlight;
};

} // namespace mockd::sim
