#pragma once

#include "http/HttpRequest.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace mockd {

// The one error shape of every route: {"error": code, "message": text, "retry_after"?: s,
// "field"?: name, …extra}. Build it with the named constructors so codes stay consistent with
// api/openapi.yaml.
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
    QString field;
    std::optional<qint64> retryAfter;
    QJsonObject extra;
    HeaderList headers;

    QJsonObject toJson() const;
    ApiError& with(const QString& key, const QJsonValue& value);

    static ApiError make(int status, const QString& code, const QString& message);
    static ApiError notFound();
    static ApiError methodNotAllowed(const QByteArray& allow);
    static ApiError invalidJson(const QString& detail);
    static ApiError unsupportedMediaType();
    static ApiError bodyTooLarge();
    static ApiError requestTimeout();
    static ApiError hostNotAllowed();
    static ApiError invalidField(const QString& field, const QString& message);
    static ApiError unauthorized(const QString& code, const QString& message);
    static ApiError forbidden(const QString& code, const QString& message);
    static ApiError tooManyAttempts(qint64 retryAfterSeconds);
    // 503 service_busy: the service has more of this kind of work queued than it takes on.
    static ApiError serviceBusy(qint64 retryAfterSeconds);
    static ApiError internal();
};

} // namespace mockd
