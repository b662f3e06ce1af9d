#include "DemoOutbox.h"

#include "DemoLogging.h"
#include "core/devices/Rfc3339.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <algorithm>
#include <utility>

namespace vigil {
namespace {

// An outbox of a demo holds a handful of messages; anything this big is not one.
constexpr qint64 maxBodyBytes = 1024 * 1024;

} // namespace

QString DemoOutbox::Message::key() const
{
    return to + QLatin1Char('\n') + channel + QLatin1Char('\n') + purpose + QLatin1Char('\n') +
           sentAt.toString(Qt::ISODateWithMs) + QLatin1Char('\n') + code;
}

DemoOutbox::DemoOutbox(QNetworkAccessManager* network, QObject* parent) : QObject(parent), m_network(network)
{
    connect(&m_timer, &QTimer::timeout, this, &DemoOutbox::refresh);
}

DemoOutbox::~DemoOutbox()
{
    if (m_inFlight)
        m_inFlight->abort();
}

void DemoOutbox::setService(const QUrl& url, const QString& adminKey)
{
    m_url = url;
    m_adminKey = adminKey;
}

void DemoOutbox::setPolling(bool on, int intervalMs)
{
    if (!on) {
        m_timer.stop();
        return;
    }
    m_timer.start(intervalMs);
    refresh();
}

void DemoOutbox::refresh()
{
    if (m_inFlight || !m_url.isValid() || m_adminKey.isEmpty())
        return;
    QUrl url = m_url;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QStringLiteral("/__admin/outbox"));
    QNetworkRequest request(url);
    request.setRawHeader("X-Admin-Key", m_adminKey.toUtf8());
    request.setTransferTimeout(10000);
    m_inFlight = m_network->get(request);
    connect(m_inFlight, &QNetworkReply::finished, this, [this, reply = m_inFlight] { onFinished(reply); });
}

void DemoOutbox::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;
    QString error;
    std::optional<QList<Message>> parsed;
    if (reply->error() != QNetworkReply::NoError) {
        error = tr("Couldn't read the demo inbox: %1").arg(reply->errorString());
    } else if (reply->bytesAvailable() > maxBodyBytes) {
        error = tr("The demo inbox answered with too much data.");
    } else {
        parsed = parse(reply->readAll());
        if (!parsed)
            error = tr("The demo inbox answered with something Vigil doesn't understand.");
    }
    if (error != m_error) {
        m_error = error;
        if (!error.isEmpty())
            qCWarning(lcDemo) << "demo outbox:" << reply->error(); // never the body: it holds codes
        Q_EMIT errorChanged();
    }
    if (!parsed)
        return;
    QList<Message> messages = std::move(*parsed);
    std::stable_sort(
        messages.begin(), messages.end(), [](const Message& a, const Message& b) { return a.sentAt > b.sentAt; });
    QList<Message> arrived;
    for (const Message& message : messages) {
        if (!m_seen.contains(message.key())) {
            m_seen.insert(message.key());
            arrived.append(message);
        }
    }
    // What was already there on the first read is not news.
    const bool firstRead = std::exchange(m_firstRead, false);
    if (arrived.isEmpty() && messages.size() == m_messages.size())
        return;
    m_messages = std::move(messages);
    Q_EMIT messagesChanged();
    if (!firstRead) {
        for (const Message& message : arrived)
            Q_EMIT messageArrived(message);
    }
}

std::optional<QList<DemoOutbox::Message>> DemoOutbox::parse(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject() || !document.object().value(QLatin1String("messages")).isArray())
        return std::nullopt;
    QList<Message> messages;
    for (const QJsonValue& value : document.object().value(QLatin1String("messages")).toArray()) {
        const QJsonObject object = value.toObject();
        Message message;
        message.to = object.value(QLatin1String("to")).toString();
        message.channel = object.value(QLatin1String("channel")).toString();
        message.code = object.value(QLatin1String("code")).toString();
        message.purpose = object.value(QLatin1String("purpose")).toString();
        message.sentAt = Rfc3339::parse(object.value(QLatin1String("sent_at")).toString());
        if (!value.isObject() || message.to.isEmpty() || message.code.isEmpty() || !message.sentAt.isValid())
            return std::nullopt;
        messages.append(message);
    }
    return messages;
}

} // namespace vigil
