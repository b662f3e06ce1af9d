#include "core/security/SupportCodeService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/security/SecurityLog.h"
#include "core/stepup/StepUpService.h"
#include "core/util/Json.h"

#include <algorithm>

namespace vigil {

QString SupportCode::formatted(const QString& code)
{
    QString plain = code;
    plain.remove(QLatin1Char('-'));
    plain.remove(QLatin1Char(' '));
    plain = plain.toUpper();
    if (plain.size() != 8)
        return code;
    return plain.left(4) + QLatin1Char('-') + plain.mid(4);
}

SupportCodeService::SupportCodeService(ApiClient* api, StepUpService* stepUp, QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp)
{}

SupportCodeService::~SupportCodeService() = default;

QDateTime SupportCodeService::now() const
{
    return m_stepUp->now();
}

void SupportCodeService::create(QObject* context, Callback done)
{
    const auto token = m_stepUp->validToken();
    if (!token) {
        done(Unexpected{ApiError(ApiError::Code::StepUpRequired)});
        return;
    }
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/account/support-codes"), QJsonObject{})
                                      .withHeader(StepUpService::headerName(), token->toUtf8()));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurity) << "support code refused:" << ApiError::codeName(result.error().code())
                               << result.error().serverCode();
            done(Unexpected{result.error()});
            return;
        }
        const QJsonObject json = result.value().object();
        const auto code = Json::string(json, QLatin1String("code"));
        const auto expiresIn = Json::integer(json, QLatin1String("expires_in"));
        if (!code || code->isEmpty() || !expiresIn || *expiresIn <= 0) {
            done(Unexpected{ApiError(ApiError::Code::InvalidResponse)});
            return;
        }
        qCInfo(lcSecurity) << "support code created; valid for" << *expiresIn << "s";
        done(SupportCode{SupportCode::formatted(*code), now().addSecs(std::clamp<qint64>(*expiresIn, 0, 3600))});
    });
}

} // namespace vigil
