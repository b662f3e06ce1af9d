#pragma once

#include <QDeadlineTimer>
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
            m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    bool open(const QString& token = {}, qint64 resumeFrom = -1, const QString& path = {})
    {
        QUrl url = m_url;
        if (!path.isEmpty())
            url.setPath(path);
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (resumeFrom >= 0)
            request.setRawHeader("X-Resume-From", QByteArray::number(resumeFrom));
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(request);
        return connected.wait(10000);
    }

    // Waits for the next frame of that type (frames before it are kept).
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
    const QList<QJsonObject>& frames() const { return m_frames; }

private:
    QUrl m_url;
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    qsizetype m_seen = 0;
};
