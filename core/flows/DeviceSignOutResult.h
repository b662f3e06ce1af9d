#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace vigil {

// The outcome of signing out one device, as the service reports it (and later updates it through
// `signout.progress` events).
struct DeviceSignOutResult
{
    enum class Result
    {
        SignedOut, // revoked and the device was told
        Pending,   // revoked; the device is offline and is told when it next connects
        Failed,    // see reason
    };

    QString deviceId;
    QString name;
    Result result = Result::Failed;
    QString reason; // only for Failed; the service's words

    // "signed_out" | "pending" | "failed"; nullopt for anything else.
    static std::optional<Result> resultFromString(QStringView value);
    static Expected<DeviceSignOutResult, ApiError> fromJson(const QJsonObject& json);
    // {"request_id": …, "results": [...]}
    struct Response
    {
        QString requestId;
        QList<DeviceSignOutResult> results;
    };
    static Expected<Response, ApiError> responseFromJson(const QJsonObject& json);
};

} // namespace vigil
