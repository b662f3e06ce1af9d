#pragma once

#include "http/Access.h"
#include "http/ApiError.h"
#include "http/HttpRequest.h"
#include "http/Responder.h"

#include <QJsonObject>
#include <optional>

namespace mockd {

using RouteParams = QList<QPair<QString, QString>>;

// Everything a route handler gets. Cheap to copy (all members are implicitly shared), so a handler
// that answers later captures it by value.
struct RequestContext
{
    HttpRequest request;
    RouteParams params;
    std::optional<Principal> principal;
    QJsonObject body; // parsed when the route takes a JSON body
    Responder responder;

    // A path parameter ("{id}"), percent-decoded.
    QString param(QStringView name) const;
    void respond(HttpResponse response) const { responder.respond(std::move(response)); }
    void fail(const ApiError& error) const;
};

} // namespace mockd
