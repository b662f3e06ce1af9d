#include "http/JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mockd::JsonBody {

bool isJsonContentType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView mediaType = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
    return mediaType.compare(QByteArrayView("application/json"), Qt::CaseInsensitive) == 0;
}

Expected<QJsonObject, ApiError> parse(const HttpRequest& request)
{
    if (!isJsonContentType(request.header("content-type")))
        return unexpected(ApiError::unsupportedMediaType());
    if (request.body.trimmed().isEmpty())
        return unexpected(ApiError::invalidJson(QStringLiteral("the body is empty.")));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return unexpected(ApiError::invalidJson(error.errorString() + QStringLiteral(" at offset ") +
                                                QString::number(error.offset) + QLatin1Char('.')));
    if (!document.isObject())
        return unexpected(ApiError::invalidJson(QStringLiteral("expected a JSON object.")));
    return document.object();
}

} // namespace mockd::JsonBody
