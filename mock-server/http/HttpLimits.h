#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace mockd::HttpLimits {

// Largest request body any route accepts (413 `body_too_large` above it).
inline constexpr qint64 maxBodyBytes = 64 * 1024;
// A scenario loaded over the admin API may be far bigger: a snapshot carries the whole state and
// the request journal. Only POST /__admin/scenario takes a body this size.
inline constexpr qint64 maxScenarioBodyBytes = 32 * 1024 * 1024;
inline qint64 maxBodyFor(QByteArrayView method, QByteArrayView target, qint64 usual)
{
    const qsizetype query = target.indexOf('?');
    const QByteArrayView path = query < 0 ? target : target.first(query);
    return method == "POST" && path == "/__admin/scenario" ? qMax(usual, maxScenarioBodyBytes) : usual;
}
// Request line and headers; a request bigger than body + this is cut off while it streams in.
inline constexpr qint64 maxHeaderBytes = 16 * 1024;
// After a 413 the rest of the body is read and thrown away (so the client sees the answer instead
// of a reset connection), but never more than this.
inline constexpr qint64 maxDrainBytes = 1024 * 1024;

} // namespace mockd::HttpLimits

namespace mockd {

// What one client may hold of the service's connections, and for how long (command-line settings;
// documented in api/openapi.yaml). Slow or idle clients would otherwise keep descriptors forever.
struct ConnectionLimits
{
    int headerTimeoutMs = 10 * 1000;    // request line and headers, from the request's first byte (408)
    int bodyTimeoutMs = 30 * 1000;      // the body, from the end of the headers (408)
    int idleTimeoutMs = 60 * 1000;      // a kept-alive connection between requests (closed)
    int maxConnections = 1024;          // open at once, in total (more are closed at once)
    int maxConnectionsPerAddress = 256; // open at once from one address (IPv6: one /64)
};

} // namespace mockd
