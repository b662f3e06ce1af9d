#pragma once

#include <QStringList>

namespace mockd {

// `vigil-mockd snapshot --out FILE [--url URL]`: asks a running service for POST /__admin/snapshot
// and writes the answer to FILE (atomically, so a failed run leaves no half file). The admin key
// comes from VIGIL_ADMIN_KEY, never from the command line. Returns the process exit code.
int runSnapshotCommand(const QStringList& arguments);

} // namespace mockd
