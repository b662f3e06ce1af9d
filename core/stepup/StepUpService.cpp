#include "core/stepup/StepUpService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/securitykeys/Authenticator.h"
#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpLog.h"
#include "core/util/Json.h"

#include <QPointer>
#include <algorithm>

namespace vigil {
namespace {

// A token this close to its end is not offered: the request carrying it could arrive too late.
constexpr int expiryMarginSeconds = 5;
constexpr int defaultTokenLifeSeconds = 300;

} // namespace

StepUpService::StepUpService(ApiClient* api, Clock clock, QObject* parent)
    : QObject(parent), m_api(api), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    connect(m_api, &ApiClient::sessionEnded, this, [this] { clearToken(); });
}

StepUpService::~StepUpService() = default;

void StepUpService::begin(const QString& method, QObject* context, ChallengeCallback done)
{
    challengeCall(
        QStringLiteral("/v1/step-up"), QJsonObject{{QStringLiteral("method"), method}}, context, std::move(done));
}

void StepUpService::resend(const QString& challenge, QObject* context, ChallengeCallback done)
{
    challengeCall(QStringLiteral("/v1/step-up/resend"),
                  QJsonObject{{QStringLiteral("challenge"), challenge}},
                  context,
                  std::move(done));
}

void StepUpService::challengeCall(const QString& path,
                                  const QJsonObject& body,
                                  QObject* context,
                                  ChallengeCallback done)
{
    ApiReply* reply = m_api->send(ApiRequest::post(path, body));
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcStepUp) << "step-up challenge refused:" << ApiError::codeName(result.error().code())
                             << result.error().serverCode();
            done(Unexpected{result.error()});
            return;
        }
        done(StepUpChallenge::fromJson(result.value().object()));
    });
}

void StepUpService::verify(const QString& challenge, const QString& secret, QObject* context, VerifyCallback done)
{
    verifyCall(QJsonObject{{QStringLiteral("challenge"), challenge}, {QStringLiteral("secret"), secret}},
               context,
               std::move(done));
}

void StepUpService::verifyAssertion(const QString& challenge,
                                    const ClientData& clientData,
                                    const MadeAssertion& assertion,
                                    QObject* context,
                                    VerifyCallback done)
{
    const QJsonObject signed_{
        {QStringLiteral("credential_id"), toBase64Url(assertion.credentialId)},
        {QStringLiteral("client_data_json"), toBase64Url(clientData.json)},
        {QStringLiteral("authenticator_data"), toBase64Url(assertion.authenticatorData)},
        {QStringLiteral("signature"), toBase64Url(assertion.signature)},
    };
    verifyCall(QJsonObject{{QStringLiteral("challenge"), challenge}, {QStringLiteral("assertion"), signed_}},
               context,
               std::move(done));
}

void StepUpService::verifyCall(const QJsonObject& body, QObject* context, VerifyCallback done)
{
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/step-up/verify"), body));
    // The service outlives the flow; the token must be kept even if the caller has gone.
    connect(
        reply, &ApiReply::finished, this, [this, reply, context = QPointer<QObject>(context), done = std::move(done)] {
            const ApiResult& result = reply->result();
            Expected<void, ApiError> outcome;
            if (!result) {
                qCInfo(lcStepUp) << "step-up verification refused:" << ApiError::codeName(result.error().code())
                                 << result.error().serverCode();
                outcome = Unexpected{result.error()};
            } else {
                const QJsonObject json = result.value().object();
                const auto token = Json::string(json, QLatin1String("step_up_token"));
                if (!token || token->isEmpty()) {
                    outcome = Unexpected{ApiError(ApiError::Code::InvalidResponse)};
                } else {
                    const qint64 life =
                        Json::integer(json, QLatin1String("expires_in")).value_or(defaultTokenLifeSeconds);
                    m_token = *token;
                    m_expiresAt = m_clock().addSecs(std::clamp<qint64>(life, 0, 3600));
                    qCInfo(lcStepUp) << "step-up verified; token valid for" << life << "s";
                    Q_EMIT tokenChanged();
                }
            }
            if (context)
                done(outcome);
        });
}

void StepUpService::setSecurityKeys(SecurityKeyService* keys)
{
    if (m_keys)
        disconnect(m_keys, nullptr, this, nullptr);
    m_keys = keys;
    if (m_keys)
        connect(m_keys, &SecurityKeyService::keysChanged, this, &StepUpService::securityKeysChanged);
    Q_EMIT securityKeysChanged();
}

std::optional<QString> StepUpService::validToken() const
{
    if (m_token.isEmpty() || m_clock().secsTo(m_expiresAt) <= expiryMarginSeconds)
        return std::nullopt;
    return m_token;
}

void StepUpService::clearToken()
{
    if (m_token.isEmpty())
        return;
    m_token.clear();
    m_expiresAt = {};
    Q_EMIT tokenChanged();
}

} // namespace vigil
