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
}

} // namespace vigil
