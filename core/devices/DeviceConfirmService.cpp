#include "core/devices/DeviceConfirmService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DevicesLog.h"
#include "core/stepup/StepUpService.h"

#include <QUrl>

namespace vigil {

DeviceConfirmService::DeviceConfirmService(ApiClient* api,
                                           StepUpService* stepUp,
                                           DeviceListModel* model,
                                           QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp), m_model(model)
{}

DeviceConfirmService::~DeviceConfirmService() = default;

void DeviceConfirmService::confirm(const QString& deviceId, QObject* context, Callback done)
{
    const auto token = m_stepUp->validToken();
    if (!token) {
        done(Unexpected{ApiError(ApiError::Code::StepUpRequired)});
        return;
    }
    const QString path = QStringLiteral("/v1/devices/") + QString::fromLatin1(QUrl::toPercentEncoding(deviceId)) +
                         QStringLiteral("/confirm");
    ApiReply* reply =
        m_api->send(ApiRequest::post(path, QJsonObject{}).withHeader(StepUpService::headerName(), token->toUtf8()));
    connect(reply, &ApiReply::finished, context, [this, reply, done = std::move(done)] {
        const ApiResult& result = reply->result();
        if (!result) {
            const ApiError& error = result.error();
            qCInfo(lcDevices) << "device confirmation refused:" << ApiError::codeName(error.code())
                              << error.serverCode();
            if (error.code() == ApiError::Code::StepUpRequired)
                m_stepUp->clearToken(); // expired on the service's clock: verify again next time
            done(Unexpected{error});
            return;
        }
        if (const auto device = Device::fromJson(result.value().object()); device && m_model)
            m_model->upsert(*device);
        qCInfo(lcDevices) << "device confirmed";
        done({});
    });
}

} // namespace vigil
