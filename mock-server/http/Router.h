#pragma once

#include "http/Access.h"
#include "http/RequestContext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <vector>

namespace mockd {

using RouteHandler = std::function<void(const RequestContext&)>;

struct RouteOptions
{
    Access access;         // deny by default
    bool jsonBody = false; // the body must be a JSON object (415 / 400 otherwise)
};

// Method + path pattern ("/v1/devices/{id}/history") → handler. Matching is by whole segments;
// parameters match one non-empty segment. A path that exists with another method is a 405 (with
// the allowed methods), a path that matches nothing is a 404.
class Router
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QList<QString> segments; // "{name}" marks a parameter
        RouteOptions options;
        RouteHandler handler;
    };

    struct Match
    {
        enum class Kind
        {
            Found,
            NotFound,
            MethodNotAllowed
        };
        Kind kind = Kind::NotFound;
        const Route* route = nullptr;
        RouteParams params;
        QByteArray allow; // for MethodNotAllowed: "GET, POST"
    };

    // Returns false (and adds nothing) for a malformed pattern or a duplicate method + pattern.
    bool add(const QByteArray& method, const QString& pattern, RouteOptions options, RouteHandler handler);
    Match match(QByteArrayView method, QStringView path) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    static bool matchSegments(const Route& route, const QList<QStringView>& parts, RouteParams* params);

    std::vector<Route> m_routes;
};

} // namespace mockd
