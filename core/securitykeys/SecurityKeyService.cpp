#include "core/securitykeys/SecurityKeyService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/securitykeys/SecurityKeysLog.h"
#include "core/stepup/StepUpService.h"

#include <QJsonArray>
#include <QUrl>

namespace vigil {
namespace {

const QString keysPath = QStringLiteral("/v1/account/security-keys");

QString keyPath(const QString& id)
{
    return keysPath + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

SecurityKeyService::SecurityKeyService(ApiClient* api,
                                       StepUpService* stepUp,
                                       AuthenticatorFactory factory,
                                       QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp), m_factory(std::move(factory))
{}

SecurityKeyService::~SecurityKeyService() = default;

std::unique_ptr<Authenticator> SecurityKeyService::createAuthenticator() const
{
    return m_factory ? m_factory() : nullptr;
}

QDateTime SecurityKeyService::now() const
{
    return m_stepUp->now();
}

std::optional<QByteArray> SecurityKeyService::stepUpToken() const
{
    if (const auto token = m_stepUp->validToken())
        return token->toUtf8();
    return std::nullopt;
}

void SecurityKeyService::reload()
{
    m_loading = true;
    ApiReply* reply = m_api->send(ApiRequest::get(keysPath));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_loading = false;
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurityKeys) << "security keys not read:" << ApiError::codeName(result.error().code());
            m_loadError = result.error();
            Q_EMIT keysChanged();
            return;
        }
        QList<SecurityKey> keys;
        for (const QJsonValue& value : result.value().object().value(QLatin1String("keys")).toArray()) {
            const auto key = SecurityKey::fromJson(value.toObject());
            if (!key) {
                m_loadError = key.error();
                Q_EMIT keysChanged();
                return;
            }
            keys.append(key.value());
        }
        m_keys = keys;
        m_loaded = true;
        m_loadError.reset();
        Q_EMIT keysChanged();
    });
}

void SecurityKeyService::beginRegistration(QObject* context, Callback<SecurityKeyRegistration> done)
{
    const auto token = stepUpToken();
    if (!token) {
        done(Unexpected{ApiError(ApiError::Code::StepUpRequired)});
        return;
    }
    ApiReply* reply = m_api->send(ApiRequest::post(keysPath + QStringLiteral("/registrations"), QJsonObject{})
                                      .withHeader(StepUpService::headerName(), *token));
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurityKeys) << "registration refused:" << ApiError::codeName(result.error().code())
                                   << result.error().serverCode();
            done(Unexpected{result.error()});
            return;
        }
        done(SecurityKeyRegistration::fromJson(result.value().object()));
    });
}

void SecurityKeyService::finishRegistration(const QString& registrationId,
                                            const QString& name,
                                            const ClientData& clientData,
                                            const MadeCredential& credential,
                                            QObject* context,
                                            Callback<SecurityKey> done)
{
    const QJsonObject body{
        {QStringLiteral("registration_id"), registrationId},
        {QStringLiteral("name"), name},
        {QStringLiteral("client_data_json"), toBase64Url(clientData.json)},
        {QStringLiteral("authenticator_data"), toBase64Url(credential.authenticatorData)},
        {QStringLiteral("attestation_format"), credential.attestationFormat},
    };
    ApiReply* reply = m_api->send(ApiRequest::post(keysPath, body));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurityKeys) << "key not saved:" << ApiError::codeName(result.error().code())
                                   << result.error().serverCode();
            done(Unexpected{result.error()});
            return;
        }
        const auto key = SecurityKey::fromJson(result.value().object());
        if (key) {
            qCInfo(lcSecurityKeys) << "security key registered";
            replaceKey(key.value());
        }
        done(key);
    });
}

void SecurityKeyService::rename(const QString& id, const QString& name, QObject* context, Callback<SecurityKey> done)
{
    ApiRequest request = ApiRequest::post(keyPath(id), QJsonObject{{QStringLiteral("name"), name}});
    request.method = "PATCH";
    ApiReply* reply = m_api->send(request);
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            done(Unexpected{result.error()});
            return;
        }
        const auto key = SecurityKey::fromJson(result.value().object());
        if (key)
            replaceKey(key.value());
        done(key);
    });
}

void SecurityKeyService::remove(const QString& id, QObject* context, Callback<bool> done)
{
    const auto token = stepUpToken();
    if (!token) {
        done(Unexpected{ApiError(ApiError::Code::StepUpRequired)});
        return;
    }
    ApiRequest request = ApiRequest::get(keyPath(id));
    request.method = "DELETE";
    ApiReply* reply = m_api->send(request.withHeader(StepUpService::headerName(), *token));
    connect(reply, &ApiReply::finished, context, [this, id, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSecurityKeys) << "key not removed:" << ApiError::codeName(result.error().code())
                                   << result.error().serverCode();
            done(Unexpected{result.error()});
            return;
        }
        m_keys.removeIf([&id](const SecurityKey& key) { return key.id == id; });
        Q_EMIT keysChanged();
        done(true);
    });
}

void SecurityKeyService::replaceKey(const SecurityKey& key)
{
    auto it = std::find_if(m_keys.begin(), m_keys.end(), [&key](const SecurityKey& k) { return k.id == key.id; });
    if (it != m_keys.end())
        *it = key;
    else
        m_keys.append(key);
    Q_EMIT keysChanged();
}

} // namespace vigil
