#include "EventStream.h"

#include "EventFrame.h"
#include "EventsLog.h"

#include <QLocale>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>
#include <algorithm>
#include <cmath>

namespace vigil {
namespace {

constexpr int closePolicySessionRevoked = 4001;
constexpr int closeAuthFailed = 4401;

} // namespace

EventStream::EventStream(QObject* parent) : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::connectNow);
    m_readyTimer.setSingleShot(true);
    connect(&m_readyTimer, &QTimer::timeout, this, [this] {
        // No "ready" in time (an upgrade a proxy holds, a service that never answers): a failed attempt.
        qCInfo(lcEvents) << "event stream not ready after" << m_readyTimeoutMs << "ms; trying again later";
        dropSocket();
        ++m_failures;
        scheduleReconnect();
    });
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Reconnecting)
            Q_EMIT countdownChanged(reconnectInSeconds());
    });
    m_offlineSince = now();
}

EventStream::~EventStream()
{
    dropSocket();
}

void EventStream::setServerUrl(const QUrl& serverUrl)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = serverUrl.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1/events"));
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    m_socketUrl = url;
}

void EventStream::setBackoff(int initialMs, int maxMs)
{
    m_initialDelayMs = std::max(1, initialMs);
    m_maxDelayMs = std::max(m_initialDelayMs, maxMs);
}

void EventStream::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_lastSeq = 0;
    setState(State::Connecting);
    connectNow();
}

void EventStream::stop()
{
    m_running = false;
    m_awaitingToken = false;
    m_retryTimer.stop();
    m_countdownTimer.stop();
    dropSocket();
    if (m_state == State::Live)
        m_offlineSince = now();
    setState(State::Offline);
}

void EventStream::retryNow()
{
    if (!m_running) {
        start();
        return;
    }
    if (m_socket)
        return; // an attempt is under way
    m_retryTimer.stop();
    m_countdownTimer.stop();
    setState(State::Connecting);
    connectNow();
}

void EventStream::tokenRefreshed()
{
    if (!m_running || !m_awaitingToken)
        return;
    m_awaitingToken = false;
    retryNow();
}

int EventStream::reconnectInSeconds() const
{
    if (m_state != State::Reconnecting && !m_retryTimer.isActive())
        return 0;
    return int(std::ceil(double(m_retryAt.remainingTime()) / 1000.0));
}

QString EventStream::stateText() const
{
    return stateText(m_state, reconnectInSeconds(), m_offlineSince);
}

QString EventStream::stateText(State state, int seconds, const QDateTime& since)
{
    switch (state) {
    case State::Live:
        return tr("Live");
    case State::Connecting:
        return tr("Connecting…");
    case State::Reconnecting:
        return tr("Reconnecting in %1 s…").arg(std::max(1, seconds));
    case State::Offline:
        if (!since.isValid())
            return tr("Offline");
        return tr("Offline — showing data from %1")
            .arg(QLocale().toString(since.toLocalTime().time(), QStringLiteral("HH:mm")));
    }
    return {};
}

void EventStream::connectNow()
{
    if (!m_running)
        return;
    m_countdownTimer.stop();
    dropSocket();
    const QString token = m_token ? m_token() : QString();
    if (token.isEmpty() || !m_socketUrl.isValid()) {
        qCInfo(lcEvents) << "no session to connect the event stream with";
        ++m_failures;
        scheduleReconnect();
        return;
    }
    if (m_state != State::Offline)
        setState(State::Connecting);
    m_authenticated = false;
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &EventStream::onMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this] { ++m_garbageFrames; });

    QNetworkRequest request(m_socketUrl);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (m_lastSeq > 0)
        request.setRawHeader("X-Resume-From", QByteArray::number(m_lastSeq));
    qCDebug(lcEvents) << "connecting to" << m_socketUrl.toDisplayString() << "resume from" << m_lastSeq;
    socket->open(request);
    m_readyTimer.start(m_readyTimeoutMs);
}

void EventStream::onConnected()
{
    // Live only once the service said "ready": the upgrade alone does not prove the token is good.
    qCDebug(lcEvents) << "socket open, waiting for ready";
}

void EventStream::onDisconnected()
{
    auto* socket = qobject_cast<QWebSocket*>(sender());
    if (!socket || socket != m_socket)
        return;
    const int code = int(socket->closeCode());
    qCInfo(lcEvents) << "event stream closed, code" << code;
    dropSocket();
    if (!m_running)
        return;
    if (code == closePolicySessionRevoked) {
        handleError(QStringLiteral("session_revoked"));
        return;
    }
    if (m_state == State::Live)
        m_offlineSince = now();
    if (!m_authenticated || code == closeAuthFailed)
        ++m_failures;
    else
        m_failures = 0; // a stream that was live starts its backoff over
    scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    if (!m_running)
        return;
    const int exponent = std::min(m_failures, 20);
    const double base = std::min(double(m_maxDelayMs), double(m_initialDelayMs) * std::pow(2.0, exponent));
    const double jitter = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    // "Equal jitter": never less than half the step, so retries spread out but still back off.
    m_lastDelayMs = std::max(1, int(base * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0))));
    m_retryAt = QDeadlineTimer(m_lastDelayMs);
    m_retryTimer.start(m_lastDelayMs);
    m_countdownTimer.start();
    setState(m_failures >= m_offlineAfter ? State::Offline : State::Reconnecting);
    Q_EMIT countdownChanged(reconnectInSeconds());
}

void EventStream::onMessage(const QString& text)
{
    const EventFrame frame = EventFrame::read(text);
    switch (frame.kind) {
    case EventFrame::Kind::Garbage:
        // Never log the text: it is untrusted and may be large.
        ++m_garbageFrames;
        qCWarning(lcEvents) << "ignored an unreadable event frame of" << text.size() << "characters";
        return;
    case EventFrame::Kind::Ready: {
        m_readyTimer.stop();
        const qint64 seq = frame.seq.value_or(-1);
        m_authenticated = true;
        m_failures = 0;
        const bool restarted = seq >= 0 && seq < m_lastSeq; // the service forgot our sequence
        if (seq >= 0 && (restarted || m_lastSeq == 0))
            m_lastSeq = seq;
        setState(State::Live);
        Q_EMIT ready(m_lastSeq);
        if (restarted)
            Q_EMIT resyncRequired();
        return;
    }
    case EventFrame::Kind::Resync:
        Q_EMIT resyncRequired();
        return;
    case EventFrame::Kind::Error:
        handleError(frame.error);
        return;
    case EventFrame::Kind::SessionRevoked:
        handleError(QStringLiteral("session_revoked"));
        return;
    case EventFrame::Kind::Batch:
        // The same events as if each had come alone, in order; then the batch's seq is where to resume.
        for (const EventFrame& event : frame.events) {
            if (event.kind == EventFrame::Kind::Event)
                deliver(event);
            else
                ++m_garbageFrames;
        }
        if (frame.seq && *frame.seq > m_lastSeq)
            m_lastSeq = *frame.seq;
        return;
    case EventFrame::Kind::Event:
        deliver(frame);
        return;
    }
}

void EventStream::deliver(const EventFrame& frame)
{
    if (frame.seq) {
        if (*frame.seq <= m_lastSeq)
            return; // replayed twice across a reconnect
        m_lastSeq = *frame.seq;
        Q_EMIT eventReceived(frame.type, frame.object, *frame.seq);
        return;
    }
    Q_EMIT eventReceived(frame.type, frame.object, 0);
}

void EventStream::handleError(const QString& code)
{
    qCInfo(lcEvents) << "event stream refused:" << code;
    if (code == QLatin1String("token_expired")) {
        dropSocket();
        m_awaitingToken = true;
        ++m_failures;
        scheduleReconnect(); // also the fallback when no refresh comes
        Q_EMIT tokenRefreshNeeded();
        if (m_refresher)
            m_refresher();
        return;
    }
    if (code == QLatin1String("session_revoked") || code == QLatin1String("token_invalid")) {
        if (m_state == State::Live)
            m_offlineSince = now();
        stop();
        Q_EMIT sessionEnded(code);
        return;
    }
    // Anything else: the service will close; the reconnect logic takes it from there.
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void EventStream::dropSocket()
{
    m_readyTimer.stop();
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

QDateTime EventStream::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

} // namespace vigil
