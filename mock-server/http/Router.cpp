#include "http/Router.h"

#include <QUrl>
#include <algorithm>

namespace mockd {

namespace {

bool isParam(const QString& segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

// "/a/b/" → ["a", "b", ""]; the leading slash is required and not a segment.
QList<QStringView> splitPath(QStringView path)
{
    QList<QStringView> parts;
    if (!path.startsWith(QLatin1Char('/')))
        return parts;
    qsizetype start = 1;
    for (;;) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        if (slash < 0) {
            parts.append(path.mid(start));
            break;
        }
        parts.append(path.mid(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

} // namespace

bool Router::add(const QByteArray& method, const QString& pattern, RouteOptions options, RouteHandler handler)
{
    if (!pattern.startsWith(QLatin1Char('/')) || method.isEmpty() || !handler)
        return false;
    Route route;
    route.method = method;
    route.pattern = pattern;
    const auto parts = splitPath(pattern);
    for (const QStringView part : parts) {
        const QString segment = part.toString();
        if (segment.isEmpty() && parts.size() > 1)
            return false; // "//" or a trailing slash
        if (segment.contains(QLatin1Char('{')) && !isParam(segment))
            return false;
        route.segments.append(segment);
    }
    const bool duplicate = std::any_of(m_routes.begin(), m_routes.end(), [&](const Route& other) {
        return other.method == method && other.segments.size() == route.segments.size() &&
               std::equal(other.segments.begin(), other.segments.end(), route.segments.begin(), [](auto& a, auto& b) {
                   return a == b || (isParam(a) && isParam(b));
               });
    });
    if (duplicate)
        return false;
    route.options = options;
    route.handler = std::move(handler);
    m_routes.push_back(std::move(route));
    return true;
}

bool Router::matchSegments(const Route& route, const QList<QStringView>& parts, RouteParams* params)
{
    if (route.segments.size() != parts.size())
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString& segment = route.segments.at(i);
        if (isParam(segment)) {
            if (parts.at(i).isEmpty())
                return false;
            continue;
        }
        if (segment != parts.at(i))
            return false;
    }
    if (params) {
        params->clear();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString& segment = route.segments.at(i);
            if (isParam(segment))
                params->append({segment.mid(1, segment.size() - 2), QUrl::fromPercentEncoding(parts.at(i).toUtf8())});
        }
    }
    return true;
}

Router::Match Router::match(QByteArrayView method, QStringView path) const
{
    Match result;
    const auto parts = splitPath(path);
    if (parts.isEmpty())
        return result;
    QList<QByteArray> allowed;
    // A literal segment beats a parameter: "/v1/devices/stats" wins over "/v1/devices/{id}".
    qsizetype bestLiterals = -1;
    for (const Route& route : m_routes) {
        if (!matchSegments(route, parts, nullptr))
            continue;
        if (route.method != method) {
            if (!allowed.contains(route.method))
                allowed.append(route.method);
            continue;
        }
        const qsizetype literals =
            std::count_if(route.segments.begin(), route.segments.end(), [](const QString& s) { return !isParam(s); });
        if (literals > bestLiterals) {
            bestLiterals = literals;
            result.route = &route;
        }
    }
    if (result.route) {
        result.kind = Match::Kind::Found;
        matchSegments(*result.route, parts, &result.params);
        return result;
    }
    if (!allowed.isEmpty()) {
        std::sort(allowed.begin(), allowed.end());
        result.kind = Match::Kind::MethodNotAllowed;
        result.allow = allowed.join(", ");
    }
    return result;
}

} // namespace mockd
