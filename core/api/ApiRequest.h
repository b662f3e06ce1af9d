#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <chrono>
#include <optional>

namespace vigil {

// One call to the account service, relative to the ApiClient's base URL.
struct ApiRequest
{
    enum class Auth
    {
        Session, // bearer token of the current Session; refreshed once when it has expired
        None,    // sign-in routes and anything that brings its own credentials
    };

    QByteArray method = "GET";
    QString path; // "/v1/me"
    QUrlQuery query;
    std::optional<QJsonDocument> body;
    Auth auth = Auth::Session;
    std::chrono::milliseconds timeout{0}; // 0: the client's default
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiRequest get(const QString& path)
    {
        ApiRequest request;
        request.path = path;
        return request;
    }
    static ApiRequest post(const QString& path, std::optional<QJsonObject> body = std::nullopt)
    {
        ApiRequest request;
        request.method = "POST";
        request.path = path;
        if (body)
            request.body = QJsonDocument(*body);
        return request;
    }
    ApiRequest& withoutAuth()
    {
        auth = Auth::None;
        return *this;
    }
    ApiRequest& withHeader(const QByteArray& name, const QByteArray& value)
    {
        headers.append({name, value});
        return *this;
    }
    ApiRequest& withTimeout(std::chrono::milliseconds value)
    {
        timeout = value;
        return *this;
    }
};

} // namespace vigil
