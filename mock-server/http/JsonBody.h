#pragma once

#include "base/Expected.h"
#include "http/ApiError.h"
#include "http/HttpRequest.h"

#include <QJsonObject>

namespace mockd::JsonBody {

// The body of a request as a JSON object: 415 `unsupported_media_type` unless the Content-Type is
// application/json (parameters such as charset allowed), 400 `invalid_json` when it does not parse
// or is not an object. Size is checked earlier, before the body is read.
Expected<QJsonObject, ApiError> parse(const HttpRequest& request);
bool isJsonContentType(QByteArrayView contentType);

} // namespace mockd::JsonBody
