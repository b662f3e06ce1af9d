#pragma once

#include <QStringList>

namespace mockd::sim {

// `vigil-mockd simulate …`: runs simulated devices against a running service until SIGINT/SIGTERM,
// the end of --duration, or until the service has refused every device. Prints one line per event
// on stdout, each starting with "sim: ". Needs a QCoreApplication; returns the exit code.
int runSimulateCommand(const QStringList& arguments);

} // namespace mockd::sim
