#include "simulator/SimulatedDevice.h"

#include "simulator/ApiReply.h"
#include "simulator/DeviceEventSocket.h"
#include "simulator/DeviceSession.h"
#include "simulator/SimulatorLog.h"

#include <QJsonObject>

namespace mockd::sim {

namespace {
constexpr int maxReconnectDelayMs = 30000;
constexpr int maxSignInAttempts = 8;
} // namespace

SimulatedDevice::SimulatedDevice(int number,
                                 const DeviceDescription& description,
                                 const QUrl& server,
                                 const Credentials& credentials,
                                 QNetworkAccessManager& network,
                                 QObject* parent)
    : QObject(parent), m_number(number), m_description(description), m_credentials(credentials),
      m_session(new DeviceSession(network, server, this)), m_socket(new DeviceEventSocket(server, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Online)
            return;
        if (!m_probeBeforeReconnect) {
            openSocket();
            return;
        }
        // The upgrade was refused without a reason we can read: ask the REST API why (a 401 there
        // ends the device, a token_expired there is refreshed).
        m_session->request("GET", QStringLiteral("/v1/me"), std::nullopt, [this](const ApiReply& reply) {
            if (m_state != State::Online)
                return;
            if (reply.ok())
                openSocket();
            else
                scheduleReconnect(true);
        });
    });

    connect(m_session, &DeviceSession::refused, this, [this](const QString& code) { refuse(code); });
    connect(m_session, &DeviceSession::refreshed, this, [this] { say(QStringLiteral("token refreshed")); });
    connect(m_socket, &DeviceEventSocket::ready, this, [this] {
        m_reconnectAttempts = 0;
        say(QStringLiteral("online"));
        Q_EMIT connected();
    });
    connect(m_socket, &DeviceEventSocket::revoked, this, [this](const QString& reason) { refuse(reason); });
    connect(m_socket, &DeviceEventSocket::authFailed, this, [this](const QString& code) {
        if (m_state != State::Online)
            return;
        if (code == QLatin1String("token_expired")) {
            m_session->refresh([this](bool ok) {
                if (ok && m_state == State::Online)
                    openSocket();
                else if (m_state == State::Online)
                    scheduleReconnect(true);
            });
        } else {
            refuse(code);
        }
    });
    connect(m_socket, &DeviceEventSocket::lost, this, [this](const QString& why, bool wasReady) {
        if (m_state != State::Online)
            return;
        if (!m_socketUnavailableSaid || wasReady)
            say(QStringLiteral("socket lost (") + why + QLatin1Char(')'));
        m_socketUnavailableSaid = true;
        scheduleReconnect(!wasReady);
    });
}

SimulatedDevice::~SimulatedDevice() = default;

bool SimulatedDevice::isFinal() const
{
    return m_state == State::SignedOut || m_state == State::Refused || m_state == State::Failed;
}

QString SimulatedDevice::deviceId() const
{
    return m_session->deviceId();
}

void SimulatedDevice::say(const QString& text)
{
    Q_EMIT report(QStringLiteral("device ") + m_description.name + QLatin1Char(' ') + text);
}

void SimulatedDevice::signIn()
{
    if (m_state != State::New)
        return;
    m_state = State::SigningIn;
    ++m_signInAttempts;
    m_session->login(
        m_credentials.email, m_credentials.password, m_description.toJson(), [this](const ApiReply& r) { onLogin(r); });
}

void SimulatedDevice::resume(const QString& deviceId, const QString& refreshToken)
{
    if (m_state != State::New)
        return;
    m_session->resume(deviceId, refreshToken);
    m_state = State::Online;
    say(QStringLiteral("resumed its session"));
    openSocket();
    reportStatus();
}

void SimulatedDevice::onLogin(const ApiReply& reply)
{
    if (m_state != State::SigningIn)
        return;
    if (reply.status == 200) {
        m_state = State::Online;
        Q_EMIT report(QStringLiteral("device %1 ").arg(m_number) + m_description.name + QStringLiteral(" signed in"));
        Q_EMIT signInFinished();
        openSocket();
        reportStatus();
        return;
    }
    const bool retryable = reply.networkFailed() || reply.status == 429 || reply.status >= 500;
    if (retryable && m_signInAttempts < maxSignInAttempts) {
        m_state = State::New;
        const int delayMs = reply.status == 429 ? int(qBound(qint64(1), reply.retryAfterSeconds, qint64(600)) * 1000)
                                                : qMin(maxReconnectDelayMs, 500 << m_signInAttempts);
        say(QStringLiteral("sign-in deferred: ") +
            (reply.error.isEmpty() ? QString::number(reply.status) : reply.error));
        Q_EMIT signInFinished();
        Q_EMIT signInDeferred(delayMs);
        return;
    }
    // Wrong credentials or an account with 2-step verification: a simulated device cannot type a code.
    say(QStringLiteral("sign-in failed: ") + (reply.error.isEmpty() ? QString::number(reply.status) : reply.error));
    Q_EMIT signInFinished();
    finish(State::Failed);
}

void SimulatedDevice::openSocket()
{
    if (m_state != State::Online)
        return;
    if (m_session->accessExpired()) {
        m_session->refresh([this](bool ok) {
            if (m_state != State::Online)
                return;
            if (ok)
                m_socket->open(m_session->authorization());
            else
                scheduleReconnect(true);
        });
        return;
    }
    m_socket->open(m_session->authorization());
}

void SimulatedDevice::scheduleReconnect(bool probeFirst)
{
    m_probeBeforeReconnect = probeFirst;
    const int delayMs = qMin(maxReconnectDelayMs, 250 << qMin(m_reconnectAttempts, 8));
    ++m_reconnectAttempts;
    m_reconnectTimer.start(delayMs);
}

void SimulatedDevice::setStatus(DeviceStatus status, const QString& profile, const QString& title)
{
    m_status = status;
    m_profile = status == DeviceStatus::Idle ? QString() : profile;
    m_title = status == DeviceStatus::Idle ? QString() : title;
    if (m_state == State::Online)
        reportStatus();
}

void SimulatedDevice::reportStatus()
{
    QJsonObject body{{QStringLiteral("status"), statusName(m_status)}};
    QString text = QStringLiteral("status ") + statusName(m_status);
    if (!m_profile.isEmpty()) {
        body.insert(QStringLiteral("profile"), m_profile);
        text += QStringLiteral(" profile=") + m_profile;
    }
    if (!m_title.isEmpty()) {
        body.insert(QStringLiteral("title"), m_title);
        text += QStringLiteral(" title=\"") + m_title + QLatin1Char('"');
    }
    m_session->request("PUT", QStringLiteral("/v1/devices/current/status"), body, [this, text](const ApiReply& reply) {
        if (isFinal())
            return;
        if (reply.ok()) {
            m_statusUnavailableSaid = false;
            say(text);
        } else if (!m_statusUnavailableSaid) {
            m_statusUnavailableSaid = true;
            say(QStringLiteral("status not accepted: ") +
                (reply.error.isEmpty() ? QString::number(reply.status) : reply.error));
        }
    });
}

void SimulatedDevice::goOffline()
{
    if (m_state != State::Online)
        return;
    m_state = State::Offline;
    m_reconnectTimer.stop();
    m_socket->close();
    m_session->setAutoRefresh(false);
    say(QStringLiteral("offline"));
}

void SimulatedDevice::comeBack()
{
    if (m_state != State::Offline)
        return;
    m_state = State::Online;
    m_reconnectAttempts = 0;
    m_session->setAutoRefresh(true);
    say(QStringLiteral("coming back"));
    // The first contact tells an offline-revoked device that it is signed out (401 session_revoked).
    reportStatus();
    openSocket();
}

void SimulatedDevice::dropConnection()
{
    if (m_state != State::Online || !m_socket->isOpen())
        return;
    say(QStringLiteral("connection dropped"));
    m_socket->drop();
}

void SimulatedDevice::signOut()
{
    if (m_state == State::New || m_state == State::SigningIn) {
        // Never signed in: nothing to end. A login in flight is simply abandoned.
        m_session->abandon();
        finish(State::SignedOut);
        return;
    }
    if (!isSignedIn())
        return;
    m_state = State::SigningOut;
    m_reconnectTimer.stop();
    m_socket->close();
    m_session->logout([this](const ApiReply& reply) {
        if (m_state != State::SigningOut)
            return;
        if (reply.ok())
            say(QStringLiteral("signed out"));
        else
            say(QStringLiteral("sign-out not confirmed: ") +
                (reply.error.isEmpty() ? QString::number(reply.status) : reply.error));
        finish(State::SignedOut);
    });
}

void SimulatedDevice::refuse(const QString& code)
{
    if (isFinal())
        return;
    if (m_state == State::SigningOut) {
        // A request that crossed this device's own sign-out (or the owner's) was answered "revoked":
        // the session has ended, which is what was asked for.
        say(QStringLiteral("signed out"));
        finish(State::SignedOut);
        return;
    }
    m_reconnectTimer.stop();
    m_socket->close();
    m_session->abandon();
    say(QStringLiteral("refused: ") + code);
    finish(State::Refused);
}

void SimulatedDevice::finish(State state)
{
    m_state = state;
    m_reconnectTimer.stop();
    m_socket->close();
    m_session->abandon();
    Q_EMIT stopped();
}

} // namespace mockd::sim
