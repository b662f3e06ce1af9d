#pragma once

#include <QtGlobal>

namespace mockd::DescriptorLimit {

// Raises this process's soft limit on open descriptors (RLIMIT_NOFILE) to its hard limit: the
// usual soft default of 1,024 would run out long before the connection caps do. Returns the soft
// limit now in force, or -1 when there is none to respect (no limit, or Windows, where the C
// runtime's limit does not apply to sockets and nothing is done).
qint64 raiseToHardLimit();

} // namespace mockd::DescriptorLimit
