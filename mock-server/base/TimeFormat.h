#pragma once

#include <QString>
#include <optional>

namespace mockd::TimeFormat {

// RFC 3339 in UTC with a "Z", second precision: "2026-03-01T10:15:00Z".
QString toRfc3339(qint64 epochMs);
// Same with milliseconds, for logs.
QString toRfc3339Ms(qint64 epochMs);
// Accepts RFC 3339 with "Z" or a numeric offset; a time without a zone is refused.
std::optional<qint64> parseRfc3339(const QString& text);
// "-90d", "-5m", "+2h", "-30s" (relative to `nowMs`) or an RFC 3339 time.
std::optional<qint64> parseRelativeOrAbsolute(const QString& text, qint64 nowMs);

} // namespace mockd::TimeFormat
