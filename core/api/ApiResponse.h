#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>

namespace vigil {

// A successful (2xx or 304) answer. `json` is null for an empty body.
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QJsonDocument json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject object() const { return json.object(); }
    // Case-insensitive lookup; empty when absent.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

using ApiResult = Expected<ApiResponse, ApiError>;

// The body of a successful answer read as T (through T::fromJson), or the call's own error.
template <typename T>
Expected<T, ApiError> parseResult(const ApiResult& result)
{
    if (!result)
        return Unexpected{result.error()};
    return T::fromJson(result.value().object());
}

} // namespace vigil
