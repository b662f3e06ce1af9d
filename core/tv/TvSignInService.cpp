#include "core/tv/TvSignInService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/stepup/StepUpService.h"
#include "core/tv/TvLog.h"
#include "core/tv/UserCode.h"

#include <QJsonDocument>
#include <QUrl>

namespace vigil {
namespace {

QString utcText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

void logRefusal(const char* what, const ApiError& error)
{
    qCInfo(lcTv) << what << "refused:" << ApiError::codeName(error.code()) << error.serverCode();
}

} // namespace

TvSignInService::TvSignInService(ApiClient* api, StepUpService* stepUp, QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp)
{}

TvSignInService::~TvSignInService() = default;

QDateTime TvSignInService::now() const
{
    return m_stepUp->now();
}

void TvSignInService::lookup(const QString& code, QObject* context, Callback<TvRequest> done)
{
    const QJsonObject body{{QStringLiteral("user_code"), UserCode::normalized(code)}};
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/device-authorizations/lookup"), body));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            logRefusal("code lookup", result.error());
            done(Unexpected{result.error()});
            return;
        }
        auto request = TvRequest::fromJson(result.value().object(), now());
        if (!request) {
            done(Unexpected{ApiError(ApiError::Code::InvalidResponse)});
            return;
        }
        qCInfo(lcTv) << "code found; device type" << Device::typeToString(request->device.type) << "far"
                     << request->far;
        done(*request);
    });
}

void TvSignInService::approve(const QString& requestId,
                              const Approval& approval,
                              QObject* context,
                              Callback<Device> done)
{
    QJsonObject body{{QStringLiteral("profile"), approval.profileId}};
    if (approval.guestUntil.isValid()) {
        body.insert(QStringLiteral("access"), QStringLiteral("guest"));
        body.insert(QStringLiteral("guest_until"), utcText(approval.guestUntil));
    } else {
        body.insert(QStringLiteral("access"), QStringLiteral("until_signed_out"));
    }
    const QString path = QStringLiteral("/v1/device-authorizations/%1/approve")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(requestId)));
    sendForDevice(path, "POST", body, context, std::move(done));
}

void TvSignInService::deny(const QString& requestId, QObject* context, Callback<void> done)
{
    const QString path = QStringLiteral("/v1/device-authorizations/%1/deny")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(requestId)));
    ApiReply* reply = m_api->send(ApiRequest::post(path, QJsonObject{}));
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            logRefusal("denial", result.error());
            done(Unexpected{result.error()});
            return;
        }
        qCInfo(lcTv) << "device denied";
        done({});
    });
}

void TvSignInService::changeGuestEnd(const QString& deviceId,
                                     const QDateTime& end,
                                     QObject* context,
                                     Callback<Device> done)
{
    const QJsonObject body{{QStringLiteral("guest_until"), utcText(end)}};
    const QString path =
        QStringLiteral("/v1/devices/%1/guest").arg(QString::fromLatin1(QUrl::toPercentEncoding(deviceId)));
    sendForDevice(path, "PUT", body, context, std::move(done));
}

void TvSignInService::sendForDevice(
    const QString& path, const QByteArray& method, const QJsonObject& body, QObject* context, Callback<Device> done)
{
    const auto token = m_stepUp->validToken();
    if (!token) {
        done(Unexpected{ApiError(ApiError::Code::StepUpRequired)});
        return;
    }
    ApiRequest request = ApiRequest::post(path, body);
    request.method = method;
    ApiReply* reply = m_api->send(request.withHeader(StepUpService::headerName(), token->toUtf8()));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            if (result.error().code() == ApiError::Code::StepUpRequired)
                m_stepUp->clearToken();
            logRefusal("guest access change", result.error());
            done(Unexpected{result.error()});
            return;
        }
        const auto device = Device::fromJson(result.value().object());
        if (!device) {
            done(Unexpected{ApiError(ApiError::Code::InvalidResponse)});
            return;
        }
        qCInfo(lcTv) << "device" << device->id << "access saved";
        Q_EMIT deviceChanged(*device);
        done(*device);
    });
}

} // namespace vigil
