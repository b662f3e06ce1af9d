#include "simulator/TvCodeFlow.h"

#include "simulator/DeviceSession.h"

namespace mockd::sim {

namespace {

const QString grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
constexpr int slowDownStepSeconds = 5; // RFC 8628 §3.5, when the answer does not say the new interval

} // namespace

TvCodeFlow::TvCodeFlow(QNetworkAccessManager& network, Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_session(new DeviceSession(network, m_options.server, this))
{
    m_pollTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, and early is exactly what slow_down punishes.
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &TvCodeFlow::poll);
}

TvCodeFlow::~TvCodeFlow() = default;

void TvCodeFlow::start()
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!m_options.simulatedAddress.isNull() && !m_options.adminKey.isEmpty())
        headers = {{"X-Admin-Key", m_options.adminKey.toUtf8()},
                   {"X-Simulated-Address", m_options.simulatedAddress.toString().toLatin1()}};
    m_session->post(QStringLiteral("/v1/auth/device"),
                    {{QStringLiteral("client_id"), QStringLiteral("vigil-mockd-simulator")},
                     {QStringLiteral("device"), m_options.description.toJson()}},
                    headers,
                    [this](const ApiReply& reply) { onCode(reply); });
}

void TvCodeFlow::onCode(const ApiReply& reply)
{
    if (!reply.ok())
        return fail(QStringLiteral("no code: ") +
                    (reply.error.isEmpty() ? QString::number(reply.status) : reply.error));
    m_deviceCode = reply.json.value(QStringLiteral("device_code")).toString();
    m_intervalSeconds = qMax(1, reply.json.value(QStringLiteral("interval")).toInt(5));
    Q_EMIT report(QStringLiteral("tv %1 code: %2 (enter it at %3 or in Vigil: Sign In a TV; expires in %4 s)")
                      .arg(m_options.description.name,
                           reply.json.value(QStringLiteral("user_code")).toString(),
                           reply.json.value(QStringLiteral("verification_uri")).toString())
                      .arg(reply.json.value(QStringLiteral("expires_in")).toInt()));
    m_pollTimer.start(m_intervalSeconds * 1000);
}

void TvCodeFlow::poll()
{
    m_session->post(QStringLiteral("/v1/auth/device/token"),
                    {{QStringLiteral("grant_type"), grantType}, {QStringLiteral("device_code"), m_deviceCode}},
                    {},
                    [this](const ApiReply& reply) { onPoll(reply); });
}

void TvCodeFlow::onPoll(const ApiReply& reply)
{
    if (reply.ok()) {
        m_deviceCode.clear();
        const QString access = reply.json.value(QStringLiteral("access")).toString();
        const QString until = reply.json.value(QStringLiteral("guest_until")).toString();
        Q_EMIT report(QStringLiteral("tv %1 approved: %2")
                          .arg(m_options.description.name,
                               access == QLatin1String("guest") ? QStringLiteral("guest until ") + until
                                                                : QStringLiteral("until signed out")));
        Q_EMIT approved(reply.json.value(QStringLiteral("device_id")).toString(),
                        reply.json.value(QStringLiteral("refresh_token")).toString(),
                        access,
                        until);
        return;
    }
    if (reply.error == QLatin1String("authorization_pending") || reply.networkFailed()) {
        m_pollTimer.start(m_intervalSeconds * 1000);
        return;
    }
    if (reply.error == QLatin1String("slow_down")) {
        const int said = reply.json.value(QStringLiteral("interval")).toInt();
        m_intervalSeconds = said > m_intervalSeconds ? said : m_intervalSeconds + slowDownStepSeconds;
        Q_EMIT report(QStringLiteral("tv %1 slowing down: polling every %2 s")
                          .arg(m_options.description.name)
                          .arg(m_intervalSeconds));
        m_pollTimer.start(m_intervalSeconds * 1000);
        return;
    }
    fail(reply.error.isEmpty() ? QString::number(reply.status) : reply.error);
}

void TvCodeFlow::fail(const QString& reason)
{
    m_deviceCode.clear();
    m_pollTimer.stop();
    Q_EMIT report(QStringLiteral("tv %1 not signed in: %2").arg(m_options.description.name, reason));
    Q_EMIT failed(reason);
}

} // namespace mockd::sim
