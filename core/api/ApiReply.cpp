#include "ApiReply.h"

#include "core/api/ApiClient.h"

#include <QNetworkReply>

namespace vigil {

ApiReply::ApiReply(ApiClient* client, ApiRequest request)
    : QObject(client), m_client(client), m_request(std::move(request))
{
    m_timeout.setSingleShot(true);
}

ApiReply::~ApiReply()
{
    if (m_networkReply) {
        m_networkReply->disconnect(this);
        m_networkReply->abort();
        m_networkReply->deleteLater();
    }
}

const ApiResult& ApiReply::result() const
{
    Q_ASSERT(m_result.has_value());
    return *m_result;
}

void ApiReply::abort()
{
    if (isFinished())
        return;
    m_client->cancel(this);
}

void ApiReply::complete(ApiResult result)
{
    if (isFinished())
        return;
    m_timeout.stop();
    if (m_networkReply) {
        m_networkReply->disconnect(this);
        m_networkReply->deleteLater();
        m_networkReply = nullptr;
    }
    m_result = std::move(result);
    Q_EMIT finished();
    deleteLater();
}

} // namespace vigil
