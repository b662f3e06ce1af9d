#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <functional>
#include <optional>

// A QNetworkAccessManager whose answers a test decides (the Nextcloud FakeQNAM idea): every request
// is recorded and handed to a handler that returns status, headers and body, a transport error, or
// "hold" (the reply stays open until the test releases or times it out).
class FakeResponse
{
public:
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    std::optional<QNetworkReply::NetworkError> networkError; // no HTTP answer at all
    bool hold = false;                                       // never answer until released

    static FakeResponse json(int status, const QJsonObject& body);
    static FakeResponse error(int status, const QByteArray& code, const QByteArray& message = "message");
    static FakeResponse raw(int status, const QByteArray& body, const QByteArray& contentType = "text/html");
    static FakeResponse transport(QNetworkReply::NetworkError error);
    static FakeResponse held();
};

struct FakeRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QString path() const { return url.path(); }
    QByteArray header(const QByteArray& name) const;
    QJsonObject json() const;
};

class FakeReply;

class FakeNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest&)>;

    explicit FakeNetworkAccessManager(QObject* parent = nullptr);
    ~FakeNetworkAccessManager() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<FakeRequest>& requests() const { return m_requests; }
    int count(const QString& path) const;
    // Answers every held reply with `response` (in the order they were made).
    void releaseHeld(const FakeResponse& response);
    int heldCount() const;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override;

private:
    Handler m_handler;
    QList<FakeRequest> m_requests;
    QList<QPointer<FakeReply>> m_held;
};

class FakeReply final : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(const QNetworkRequest& request, const QByteArray& verb, QObject* parent);
    ~FakeReply() override;

    // Delivers the response from the event loop, as a real reply would.
    void respond(const FakeResponse& response);
    void abort() override;
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    void deliver(const FakeResponse& response);

    QByteArray m_body;
    qint64 m_offset = 0;
    bool m_done = false;
};
