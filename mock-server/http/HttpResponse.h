#pragma once

#include "http/HttpRequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mockd {

struct ApiError;

struct HttpResponse
{
    // How the answer leaves (fault injection only): as is; not at all, the connection is closed
    // instead; or with the full Content-Length announced but only `cutAfter` body bytes sent before
    // the connection is closed.
    enum class Delivery
    {
        Normal,
        Drop,
        CutOff
    };

    int status = 200;
    HeaderList headers;
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    qsizetype cutAfter = 0;

    static HttpResponse json(const QJsonObject& object, int status = 200);
    static HttpResponse json(const QJsonArray& array, int status = 200);
    // A body already serialized as JSON (for example by JsonWriter).
    static HttpResponse jsonBody(QByteArray body, int status = 200);
    static HttpResponse noContent();
    static HttpResponse fromError(const ApiError& error);

    QByteArray header(QByteArrayView name) const;
    // Replaces an existing header of that name.
    void setHeader(const QByteArray& name, const QByteArray& value);
    // Adds the header only when it is not there yet.
    void addDefaultHeader(const QByteArray& name, const QByteArray& value);
    // The complete HTTP/1.1 message, for answers written straight to a socket.
    QByteArray toWire(bool closeConnection) const;
};

} // namespace mockd
