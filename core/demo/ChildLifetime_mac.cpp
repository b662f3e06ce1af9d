#include "ChildLifetime.h"

#include <QProcess>

namespace vigil {

void ChildLifetime::tieToParent(QProcess& process)
{
    // macOS has no parent-death signal. QProcess gives the child a stdin pipe whose write end only
    // Vigil holds (close-on-exec); when Vigil ends the system closes it and vigil-mockd reads EOF.
    process.setArguments(process.arguments() << QStringLiteral("--parent-watch-fd") << QStringLiteral("0"));
}

} // namespace vigil
