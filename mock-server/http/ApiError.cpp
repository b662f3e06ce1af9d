#include "http/ApiError.h"

namespace mockd {

QJsonObject ApiError::toJson() const
{
    QJsonObject out = extra;
    out.insert(QStringLiteral("error"), code);
    out.insert(QStringLiteral("message"), message);
    if (retryAfter)
        out.insert(QStringLiteral("retry_after"), *retryAfter);
    if (!field.isEmpty())
        out.insert(QStringLiteral("field"), field);
    return out;
}

ApiError& ApiError::with(const QString& key, const QJsonValue& value)
{
    extra.insert(key, value);
    return *this;
}

ApiError ApiError::make(int status, const QString& code, const QString& message)
{
    ApiError error;
    error.status = status;
    error.code = code;
    error.message = message;
    return error;
}

ApiError ApiError::notFound()
{
    return make(404, QStringLiteral("not_found"), QStringLiteral("There is nothing at this address."));
}

ApiError ApiError::methodNotAllowed(const QByteArray& allow)
{
    ApiError error = make(405,
                          QStringLiteral("method_not_allowed"),
                          QStringLiteral("This address does not accept that method. Allowed: ") +
                              QString::fromLatin1(allow) + QLatin1Char('.'));
    error.headers.append({QByteArrayLiteral("Allow"), allow});
    return error;
}

ApiError ApiError::invalidJson(const QString& detail)
{
    return make(400, QStringLiteral("invalid_json"), QStringLiteral("The body is not valid JSON: ") + detail);
}

ApiError ApiError::unsupportedMediaType()
{
    return make(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Send the body as application/json."));
}

ApiError ApiError::bodyTooLarge()
{
    return make(413, QStringLiteral("body_too_large"), QStringLiteral("The body is larger than 64 KiB."));
}

ApiError ApiError::requestTimeout()
{
    return make(408,
                QStringLiteral("request_timeout"),
                QStringLiteral("The request did not arrive in time, so the connection is closed. Send it again."));
}

ApiError ApiError::hostNotAllowed()
{
    return make(421,
                QStringLiteral("host_not_allowed"),
                QStringLiteral("This service answers only requests addressed to localhost or 127.0.0.1; use that "
                               "address."));
}

ApiError ApiError::invalidField(const QString& field, const QString& message)
{
    ApiError error = make(422, QStringLiteral("invalid_field"), message);
    error.field = field;
    return error;
}

ApiError ApiError::unauthorized(const QString& code, const QString& message)
{
    return make(401, code, message);
}

ApiError ApiError::forbidden(const QString& code, const QString& message)
{
    return make(403, code, message);
}

namespace {

// An answer that tells the client when to come back: at least a second, in the text and in
// `retry_after` alike. `messageTemplate` takes the seconds as %1.
ApiError retryLater(int status, const QString& code, const QString& messageTemplate, qint64 retryAfterSeconds)
{
    const qint64 seconds = qMax<qint64>(1, retryAfterSeconds);
    ApiError error = ApiError::make(status, code, messageTemplate.arg(seconds));
    error.retryAfter = seconds;
    return error;
}

} // namespace

ApiError ApiError::tooManyAttempts(qint64 retryAfterSeconds)
{
    return retryLater(429,
                      QStringLiteral("too_many_attempts"),
                      QStringLiteral("Too many attempts. Try again in %1 seconds."),
                      retryAfterSeconds);
}

ApiError ApiError::serviceBusy(qint64 retryAfterSeconds)
{
    return retryLater(503,
                      QStringLiteral("service_busy"),
                      QStringLiteral("The service is busy. Try again in %1 seconds."),
                      retryAfterSeconds);
}

ApiError ApiError::internal()
{
    return make(500, QStringLiteral("internal_error"), QStringLiteral("Something went wrong on the server."));
}

} // namespace mockd
