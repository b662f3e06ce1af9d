#include "ChildLifetime.h"

#include <QProcess>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace vigil {

void ChildLifetime::tieToParent(QProcess& process)
{
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: only async-signal-safe calls here.
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The parent may have died before prctl took effect; then nobody would signal us.
        if (::getppid() != parent)
            ::_exit(1);
    });
    // The macOS way too (ChildLifetime_mac.cpp): a second safety net, and it makes every Linux test
    // of demo mode run the parent-watch path.
    process.setArguments(process.arguments() << QStringLiteral("--parent-watch-fd") << QStringLiteral("0"));
}

} // namespace vigil
