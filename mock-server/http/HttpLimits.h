#pragma once

#include <QtGlobal>

namespace mockd::HttpLimits {

// Largest request body any route accepts (413 `body_too_large` above it).
inline constexpr qint64 maxBodyBytes = 64 * 1024;
// Request line and headers; a request bigger than body + this is cut off while it streams in.
inline constexpr qint64 maxHeaderBytes = 16 * 1024;
// After a 413 the rest of the body is read and thrown away (so the client sees the answer instead
// of a reset connection), but never more than this.
inline constexpr qint64 maxDrainBytes = 1024 * 1024;

} // namespace mockd::HttpLimits
