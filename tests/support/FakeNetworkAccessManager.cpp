#include "FakeNetworkAccessManager.h"

#include <QJsonDocument>
#include <QTimer>

FakeResponse FakeResponse::json(int status, const QJsonObject& body)
{
    FakeResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return response;
}

FakeResponse FakeResponse::error(int status, const QByteArray& code, const QByteArray& message)
{
    return json(status,
                QJsonObject{{QStringLiteral("error"), QString::fromLatin1(code)},
                            {QStringLiteral("message"), QString::fromLatin1(message)}});
}

FakeResponse FakeResponse::raw(int status, const QByteArray& body, const QByteArray& contentType)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    response.headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    return response;
}

FakeResponse FakeResponse::transport(QNetworkReply::NetworkError error)
{
    FakeResponse response;
    response.networkError = error;
    return response;
}

FakeResponse FakeResponse::held()
{
    FakeResponse response;
    response.hold = true;
    return response;
}

QByteArray FakeRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject FakeRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject* parent) : QNetworkAccessManager(parent)
{
    m_handler = [](const FakeRequest&) { return FakeResponse::error(404, "not_found"); };
}

FakeNetworkAccessManager::~FakeNetworkAccessManager() = default;

int FakeNetworkAccessManager::count(const QString& path) const
{
    int n = 0;
    for (const auto& request : m_requests)
        n += request.path() == path ? 1 : 0;
    return n;
}

int FakeNetworkAccessManager::heldCount() const
{
    int n = 0;
    for (const auto& reply : m_held)
        n += reply ? 1 : 0;
    return n;
}

void FakeNetworkAccessManager::releaseHeld(const FakeResponse& response)
{
    const auto held = std::exchange(m_held, {});
    for (const auto& reply : held) {
        if (reply)
            reply->respond(response);
    }
}

QNetworkReply*
FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData)
{
    FakeRequest recorded;
    switch (op) {
    case GetOperation:
        recorded.method = "GET";
        break;
    case PostOperation:
        recorded.method = "POST";
        break;
    case PutOperation:
        recorded.method = "PUT";
        break;
    case DeleteOperation:
        recorded.method = "DELETE";
        break;
    case HeadOperation:
        recorded.method = "HEAD";
        break;
    default:
        recorded.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    recorded.url = request.url();
    for (const QByteArray& name : request.rawHeaderList())
        recorded.headers.append(qMakePair(name, request.rawHeader(name)));
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);

    auto* reply = new FakeReply(request, recorded.method, this);
    const FakeResponse response = m_handler(recorded);
    if (response.hold)
        m_held.append(reply);
    else
        reply->respond(response);
    return reply;
}

FakeReply::FakeReply(const QNetworkRequest& request, const QByteArray& verb, QObject* parent) : QNetworkReply(parent)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(QNetworkAccessManager::CustomOperation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

FakeReply::~FakeReply() = default;

void FakeReply::respond(const FakeResponse& response)
{
    QTimer::singleShot(0, this, [this, response] { deliver(response); });
}

void FakeReply::deliver(const FakeResponse& response)
{
    if (m_done)
        return;
    m_done = true;
    if (response.networkError) {
        setError(*response.networkError, QStringLiteral("fake transport error"));
        Q_EMIT errorOccurred(*response.networkError);
    } else {
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, response.status);
        for (const auto& [name, value] : response.headers)
            setRawHeader(name, value);
        m_body = response.body;
        if (response.status >= 400) {
            const auto code = response.status == 404   ? QNetworkReply::ContentNotFoundError
                              : response.status == 401 ? QNetworkReply::AuthenticationRequiredError
                              : response.status >= 500 ? QNetworkReply::InternalServerError
                                                       : QNetworkReply::UnknownContentError;
            setError(code, QStringLiteral("HTTP %1").arg(response.status));
        }
        Q_EMIT metaDataChanged();
        if (!m_body.isEmpty())
            Q_EMIT readyRead();
    }
    setFinished(true);
    Q_EMIT finished();
}

void FakeReply::abort()
{
    if (m_done)
        return;
    m_done = true;
    setError(OperationCanceledError, QStringLiteral("Operation canceled"));
    Q_EMIT errorOccurred(OperationCanceledError);
    setFinished(true);
    Q_EMIT finished();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_body.size() - m_offset + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char* data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, m_body.size() - m_offset);
    if (n <= 0)
        return m_done ? -1 : 0;
    memcpy(data, m_body.constData() + m_offset, size_t(n));
    m_offset += n;
    return n;
}
