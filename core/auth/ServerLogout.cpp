#include "ServerLogout.h"

#include "core/api/ApiClient.h"
#include "core/auth/AuthLogging.h"
#include "core/auth/TokenPair.h"

namespace vigil {
namespace {

constexpr std::chrono::seconds logoutTimeout{5};

} // namespace

ServerLogout::ServerLogout(ApiClient* api, QString accessToken, QString refreshToken)
    : QObject(api), m_api(api), m_accessToken(std::move(accessToken)), m_refreshToken(std::move(refreshToken))
{}

ServerLogout::~ServerLogout() = default;

void ServerLogout::start()
{
    logout(true);
}

void ServerLogout::logout(bool mayRefresh)
{
    auto request = ApiRequest::post(QStringLiteral("/v1/auth/logout"))
                       .withoutAuth()
                       .withHeader("Authorization", "Bearer " + m_accessToken.toUtf8())
                       .withTimeout(logoutTimeout);
    ApiReply* reply = m_api->send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, mayRefresh] {
        const ApiResult& result = reply->result();
        if (result) {
            finish(true);
        } else if (mayRefresh && result.error().code() == ApiError::Code::TokenExpired) {
            refreshThenLogout();
        } else {
            qCInfo(lcAuth) << "server sign-out not confirmed:" << ApiError::codeName(result.error().code());
            finish(false);
        }
    });
}

void ServerLogout::refreshThenLogout()
{
    const QJsonObject body{{QStringLiteral("refresh_token"), m_refreshToken}};
    ApiReply* reply = m_api->send(
        ApiRequest::post(QStringLiteral("/v1/auth/refresh"), body).withoutAuth().withTimeout(logoutTimeout));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        const ApiResult& result = reply->result();
        const auto tokens = parseResult<TokenPair>(result);
        if (!tokens) {
            qCInfo(lcAuth) << "server sign-out not confirmed: refresh failed";
            finish(false);
            return;
        }
        m_accessToken = tokens.value().accessToken;
        m_refreshToken.clear();
        logout(false);
    });
}

void ServerLogout::finish(bool serverConfirmed)
{
    m_accessToken.clear();
    m_refreshToken.clear();
    Q_EMIT finished(serverConfirmed);
    deleteLater();
}

} // namespace vigil
