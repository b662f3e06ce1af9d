#pragma once

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>
#include <QWebSocket>

// One client socket on /v1/events that collects every frame it receives.
class EventClient final
{
public:
    explicit EventClient(const QUrl& base)
    {
        m_url = base;
        m_url.setScheme(QStringLiteral("ws"));
        m_url.setPath(QStringLiteral("/v1/events"));
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString& text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            m_rawFrames.append(frame);
            // A batch is applied as its events one by one (each carries its own seq).
            if (frame.value(QStringLiteral("type")).toString() == QLatin1String("batch")) {
                const QJsonArray events = frame.value(QStringLiteral("events")).toArray();
                for (const QJsonValue& event : events)
                    m_frames.append(event.toObject());
            } else {
                m_frames.append(frame);
            }
        });
    }

    bool open(const QString& token = {}, qint64 resumeFrom = -1, const QString& path = {}, const QByteArray& scope = {})
    {
        QUrl url = m_url;
        if (!path.isEmpty())
            url.setPath(path);
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (resumeFrom >= 0)
            request.setRawHeader("X-Resume-From", QByteArray::number(resumeFrom));
        if (!scope.isEmpty())
            request.setRawHeader("X-Event-Scope", scope);
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(request);
        return connected.wait(10000);
    }

    // Waits for the next event or frame of that type (frames before it are kept); the events of a
    // batch count one by one.
    QJsonObject waitFor(const QString& type, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            for (qsizetype i = m_seen; i < m_frames.size(); ++i) {
                if (m_frames.at(i).value(QStringLiteral("type")).toString() == type) {
                    m_seen = i + 1;
                    return m_frames.at(i);
                }
            }
            if (deadline.hasExpired() || m_socket.state() == QAbstractSocket::UnconnectedState)
                return {};
            QSignalSpy spy(&m_socket, &QWebSocket::textMessageReceived);
            spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
        }
    }

    // Waits until the server closes; returns the close code (-1 when it did not).
    int waitForClose(int timeoutMs = 10000)
    {
        if (m_socket.state() != QAbstractSocket::UnconnectedState) {
            QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
            if (!closed.wait(timeoutMs))
                return -1;
        }
        return int(m_socket.closeCode());
    }

    QWebSocket& socket() { return m_socket; }
    // Every event and frame, a batch as its events.
    const QList<QJsonObject>& frames() const { return m_frames; }
    // Every frame as it came over the wire (a batch as one).
    const QList<QJsonObject>& rawFrames() const { return m_rawFrames; }

private:
    QUrl m_url;
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QJsonObject> m_rawFrames;
    qsizetype m_seen = 0;
};
