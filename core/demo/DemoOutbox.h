#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil {

// Demo mode only: reads the codes the bundled service "sent" by email or text message from its
// QA outbox (GET /__admin/outbox with the demo's own admin key), so a demo user can finish a
// verification without a real mailbox or phone. Never used against a real server.
class DemoOutbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoOutbox)

public:
    struct Message
    {
        QString to;
        QString channel; // "email" | "sms"
        QString code;
        QString purpose;
        QDateTime sentAt; // UTC

        // Identifies a message across reads (the outbox has no ids).
        QString key() const;
    };

    explicit DemoOutbox(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~DemoOutbox() override;

    void setService(const QUrl& url, const QString& adminKey);
    // The demo service, for the other QA reads of demo mode (a problem report's snapshot).
    QUrl serviceUrl() const { return m_url; }
    QString adminKey() const { return m_adminKey; }
    QNetworkAccessManager* network() const { return m_network; }
    // Reads the outbox every `intervalMs` while on (and once right away).
    void setPolling(bool on, int intervalMs = 1500);
    bool isPolling() const { return m_timer.isActive(); }
    void refresh();

    // Newest first.
    const QList<Message>& messages() const { return m_messages; }
    QString errorString() const { return m_error; }

    // The outbox answer; an unexpected shape is an error, never a partial list.
    static std::optional<QList<Message>> parse(const QByteArray& body);

Q_SIGNALS:
    void messagesChanged();
    // A message this object had not seen before (not sent for the first read).
    void messageArrived(const vigil::DemoOutbox::Message& message);
    void errorChanged();

private:
    void onFinished(QNetworkReply* reply);

    QNetworkAccessManager* m_network;
    QUrl m_url;
    QString m_adminKey;
    QTimer m_timer;
    QNetworkReply* m_inFlight = nullptr;
    bool m_firstRead = true;
    QSet<QString> m_seen;
    QList<Message> m_messages;
    QString m_error;
};

} // namespace vigil
