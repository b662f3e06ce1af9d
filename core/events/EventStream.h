#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>

class QWebSocket;

namespace vigil {

struct EventFrame;

// The live channel from the account service (`GET /v1/events`, a WebSocket; see
// contract-devices-events / api/openapi.yaml). It authenticates with the access token in the
// upgrade's Authorization header (never in the URL), resumes from the last sequence number it saw,
// and reconnects with exponential backoff and jitter after any drop. The token is never logged.
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    enum class State
    {
        Offline,      // stopped, or given up for now: data shown may be stale
        Connecting,   // first attempt, or an immediate retry
        Live,         // authenticated and receiving events
        Reconnecting, // waiting reconnectInSeconds() before the next attempt
    };
    Q_ENUM(State)

    using TokenProvider = std::function<QString()>;
    using TokenRefresher = std::function<void()>;
    using Random = std::function<double()>; // uniform in [0, 1)
    using Clock = std::function<QDateTime()>;

    explicit EventStream(QObject* parent = nullptr);
    ~EventStream() override;

    // The service's base URL (http(s)://host:port); the socket goes to ws(s)://host:port/v1/events.
    void setServerUrl(const QUrl& serverUrl);
    QUrl socketUrl() const { return m_socketUrl; }
    void setTokenProvider(TokenProvider provider) { m_token = std::move(provider); }
    // Called when the service says the token expired; the owner refreshes it and then calls
    // tokenRefreshed() (a failed refresh ends the session elsewhere).
    void setTokenRefresher(TokenRefresher refresher) { m_refresher = std::move(refresher); }
    // Seams for tests: jitter source and clock.
    void setRandom(Random random) { m_random = std::move(random); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // Delay before the n-th retry: min(maxMs, initialMs * 2^n) scaled by a jitter in [0.5, 1].
    void setBackoff(int initialMs, int maxMs);
    // After this many failed attempts in a row the state turns Offline (retries go on meanwhile).
    void setOfflineAfter(int failures) { m_offlineAfter = failures; }
    // How long an attempt may take to reach "ready"; a proxy that swallows the upgrade never answers.
    void setReadyTimeout(int ms) { m_readyTimeoutMs = ms; }

    void start();
    void stop();
    // Drops any wait and connects now (the "Retry" of the offline banner).
    void retryNow();
    // A refreshed access token is available: reconnect at once if we were waiting for it.
    void tokenRefreshed();

    State state() const { return m_state; }
    bool isRunning() const { return m_running; }
    qint64 lastSeq() const { return m_lastSeq; }
    int failures() const { return m_failures; }
    int lastDelayMs() const { return m_lastDelayMs; }
    int reconnectInSeconds() const;
    // When the data stopped being live (the last moment the stream was Live, or the start).
    QDateTime offlineSince() const { return m_offlineSince; }
    int garbageFrames() const { return m_garbageFrames; }

    // "Live", "Connecting…", "Reconnecting in 4 s…", "Offline — showing data from 12:04".
    QString stateText() const;
    static QString stateText(State state, int seconds, const QDateTime& since);

Q_SIGNALS:
    void stateChanged(vigil::EventStream::State state);
    // Once a second while Reconnecting (the countdown text changes).
    void countdownChanged(int seconds);
    void ready(qint64 seq);
    // The service cannot replay what was missed: the caller refetches everything.
    void resyncRequired();
    // One event, in order, never twice. `frame` is the whole JSON message.
    void eventReceived(const QString& type, const QJsonObject& frame, qint64 seq);
    void tokenRefreshNeeded();
    // session_revoked / token_invalid: the stream stopped for good.
    void sessionEnded(const QString& reason);

private:
    void connectNow();
    void scheduleReconnect();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString& text);
    // One event (alone or out of a batch): emitted unless its seq was seen already.
    void deliver(const EventFrame& frame);
    void handleError(const QString& code);
    void setState(State state);
    void dropSocket();
    QDateTime now() const;

    QUrl m_socketUrl;
    TokenProvider m_token;
    TokenRefresher m_refresher;
    Random m_random;
    Clock m_clock;
    QPointer<QWebSocket> m_socket;
    QTimer m_retryTimer;
    QTimer m_countdownTimer;
    QTimer m_readyTimer;
    QDeadlineTimer m_retryAt;
    State m_state = State::Offline;
    bool m_running = false;
    bool m_authenticated = false;
    bool m_awaitingToken = false;
    qint64 m_lastSeq = 0;
    int m_failures = 0;
    int m_lastDelayMs = 0;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 60000;
    int m_offlineAfter = 4;
    int m_readyTimeoutMs = 20000;
    int m_garbageFrames = 0;
    QDateTime m_offlineSince;
};

} // namespace vigil
