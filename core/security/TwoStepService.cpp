#include "core/security/TwoStepService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/security/SecurityLog.h"
#include "core/stepup/StepUpService.h"
#include "core/util/Json.h"

#include <QJsonArray>

namespace vigil {

Expected<TwoStepStatus, ApiError> TwoStepStatus::fromJson(const QJsonObject& json)
{
    const auto totp = Json::boolean(json, QLatin1String("totp"));
    const auto sms = Json::boolean(json, QLatin1String("sms"));
    const auto email = Json::boolean(json, QLatin1String("email"));
    const auto left = Json::integer(json, QLatin1String("recovery_codes_left"));
    if (!totp || !sms || !email || !left || *left < 0)
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    return TwoStepStatus{
        *totp, *sms, *email, int(*left), Json::string(json, QLatin1String("phone_masked")).value_or(QString())};
}

Expected<TotpEnrolment, ApiError> TotpEnrolment::fromJson(const QJsonObject& json)
{
    const auto secret = Json::string(json, QLatin1String("secret"));
    const auto uri = Json::string(json, QLatin1String("otpauth_uri"));
    const auto enrolment = Json::string(json, QLatin1String("enrolment"));
    if (!secret || secret->isEmpty() || !uri || !uri->startsWith(QLatin1String("otpauth://")) || !enrolment ||
        enrolment->isEmpty())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    return TotpEnrolment{*secret, *uri, *enrolment};
}

TwoStepService::TwoStepService(ApiClient* api, StepUpService* stepUp, QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp)
{}

TwoStepService::~TwoStepService() = default;

QStringList TwoStepService::stepUpMethods() const
{
    QStringList methods{QStringLiteral("password"), QStringLiteral("email")};
    if (m_status && m_status->sms)
        methods.append(QStringLiteral("sms"));
    if (m_status && m_status->totp)
        methods.append({QStringLiteral("totp"), QStringLiteral("recovery")});
    return methods;
}

void TwoStepService::reload()
{
    m_loading = true;
    ApiReply* reply = m_api->send(ApiRequest::get(QStringLiteral("/v1/account/two-step")));
    connect(reply, &ApiReply::finished, this, [this, reply] { onStatus(reply); });
}

void TwoStepService::onStatus(ApiReply* reply)
{
    m_loading = false;
    const ApiResult& result = reply->result();
    auto status = result ? TwoStepStatus::fromJson(result.value().object())
                         : Expected<TwoStepStatus, ApiError>(Unexpected{result.error()});
    if (status) {
        m_status = status.value();
        m_loadError.reset();
    } else {
        qCInfo(lcSecurity) << "2-step status not read:" << ApiError::codeName(status.error().code());
        m_loadError = status.error();
    }
    Q_EMIT statusChanged();
}

std::optional<QByteArray> TwoStepService::token(const std::function<void(const ApiError&)>& refuse) const
{
    if (const auto token = m_stepUp->validToken())
        return token->toUtf8();
    refuse(ApiError(ApiError::Code::StepUpRequired));
    return std::nullopt;
}

void TwoStepService::startEnrolment(QObject* context, Callback<TotpEnrolment> done)
{
    const auto stepUp = token([&done](const ApiError& error) { done(Unexpected{error}); });
    if (!stepUp)
        return;
    ApiReply* reply = m_api->send(
        ApiRequest::post(QStringLiteral("/v1/account/two-step/totp")).withHeader(StepUpService::headerName(), *stepUp));
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurity) << "enrolment refused:" << ApiError::codeName(result.error().code());
            done(Unexpected{result.error()});
            return;
        }
        done(TotpEnrolment::fromJson(result.value().object()));
    });
}

Expected<QStringList, ApiError> TwoStepService::recoveryCodes(const ApiReply* reply)
{
    const ApiResult& result = reply->result();
    if (!result)
        return Unexpected{result.error()};
    const QJsonArray codes = result.value().object().value(QLatin1String("recovery_codes")).toArray();
    QStringList out;
    for (const QJsonValue code : codes) {
        if (!code.isString() || code.toString().isEmpty())
            return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
        out.append(code.toString());
    }
    if (out.isEmpty())
        return Unexpected{ApiError(ApiError::Code::InvalidResponse)};
    return out;
}

void TwoStepService::confirmEnrolment(const QString& enrolment,
                                      const QString& code,
                                      QObject* context,
                                      Callback<QStringList> done)
{
    ApiReply* reply = m_api->send(
        ApiRequest::post(QStringLiteral("/v1/account/two-step/totp/confirm"),
                         QJsonObject{{QStringLiteral("enrolment"), enrolment}, {QStringLiteral("code"), code}}));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const auto codes = recoveryCodes(reply);
        qCInfo(lcSecurity) << "authenticator app confirmation:" << (codes ? "on" : "refused");
        if (codes)
            reload();
        done(codes);
    });
}

void TwoStepService::disableTotp(QObject* context, Callback<bool> done)
{
    const auto stepUp = token([&done](const ApiError& error) { done(Unexpected{error}); });
    if (!stepUp)
        return;
    ApiRequest request = ApiRequest::get(QStringLiteral("/v1/account/two-step/totp"));
    request.method = "DELETE";
    ApiReply* reply = m_api->send(request.withHeader(StepUpService::headerName(), *stepUp));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            done(Unexpected{result.error()});
            return;
        }
        qCInfo(lcSecurity) << "authenticator app turned off";
        reload();
        done(true);
    });
}

void TwoStepService::regenerateRecoveryCodes(QObject* context, Callback<QStringList> done)
{
    const auto stepUp = token([&done](const ApiError& error) { done(Unexpected{error}); });
    if (!stepUp)
        return;
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/account/two-step/recovery-codes"))
                                      .withHeader(StepUpService::headerName(), *stepUp));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const auto codes = recoveryCodes(reply);
        if (codes)
            reload();
        done(codes);
    });
}

void TwoStepService::setTextMessageCodes(bool on, QObject* context, Callback<TwoStepStatus> done)
{
    const auto stepUp = token([&done](const ApiError& error) { done(Unexpected{error}); });
    if (!stepUp)
        return;
    ApiRequest request = ApiRequest::post(QStringLiteral("/v1/account/two-step/fallbacks"),
                                          QJsonObject{{QStringLiteral("email"), true}, {QStringLiteral("sms"), on}});
    request.method = "PUT";
    ApiReply* reply = m_api->send(request.withHeader(StepUpService::headerName(), *stepUp));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        auto status = result ? TwoStepStatus::fromJson(result.value().object())
                             : Expected<TwoStepStatus, ApiError>(Unexpected{result.error()});
        if (status) {
            qCInfo(lcSecurity) << "text message codes" << (status->sms ? "on" : "off");
            m_status = status.value();
            m_loadError.reset();
            Q_EMIT statusChanged();
        }
        done(status);
    });
}

} // namespace vigil
