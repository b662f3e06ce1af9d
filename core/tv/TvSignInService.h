#pragma once

#include "core/api/ApiError.h"
#include "core/devices/Device.h"
#include "core/tv/TvRequest.h"
#include "core/util/Expected.h"

#include <QDateTime>
#include <QObject>
#include <functional>

namespace vigil {

class ApiClient;
class StepUpService;

// The holder's side of signing a TV in (RFC 8628 device authorization) and of guest access, no
// widgets: look a code up, approve or deny it, move a guest's end. Approving and moving an end need
// a valid step-up token (StepUpService); without one the callback gets StepUpRequired at once.
// Callbacks run once, unless `context` is gone by then.
class TvSignInService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvSignInService)

public:
    struct Approval
    {
        QString profileId;
        QDateTime guestUntil; // invalid: until signed out
    };

    template <typename T>
    using Callback = std::function<void(const Expected<T, ApiError>&)>;

    TvSignInService(ApiClient* api, StepUpService* stepUp, QObject* parent = nullptr);
    ~TvSignInService() override;

    // The service's time (its clock can be moved by QA): guest ends are chosen against it.
    QDateTime now() const;
    StepUpService* stepUp() const { return m_stepUp; }

    // `code` as typed; it is normalized ("wdjb mjht" → "WDJBMJHT") and never logged.
    void lookup(const QString& code, QObject* context, Callback<TvRequest> done);
    // The new device.
    void approve(const QString& requestId, const Approval& approval, QObject* context, Callback<Device> done);
    void deny(const QString& requestId, QObject* context, Callback<void> done);
    // Extends a guest's access or brings its end forward; the device with its new end.
    void changeGuestEnd(const QString& deviceId, const QDateTime& end, QObject* context, Callback<Device> done);

Q_SIGNALS:
    // A device came back from /approve or /guest: the list may take it before the event arrives.
    void deviceChanged(const vigil::Device& device);

private:
    void sendForDevice(const QString& path,
                       const QByteArray& method,
                       const QJsonObject& body,
                       QObject* context,
                       Callback<Device> done);

    ApiClient* m_api;
    StepUpService* m_stepUp;
};

} // namespace vigil
