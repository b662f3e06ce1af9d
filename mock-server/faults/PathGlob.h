#pragma once

#include <QString>

namespace mockd::PathGlob {

// "*" matches any run of characters (slashes included), "?" exactly one; everything else is literal.
// "/v1/devices*" matches "/v1/devices" and "/v1/devices/dev_1/sign-out"; a pattern without
// wildcards matches only that path.
bool matches(QStringView pattern, QStringView path);

} // namespace mockd::PathGlob
