#pragma once

class QProcess;

namespace vigil {

// The one platform-specific piece of demo mode: make a child process end when Vigil ends, even
// when Vigil is killed and cannot stop it. Linux: PR_SET_PDEATHSIG (plus the pipe below); Windows:
// a job object that kills its processes when Vigil's handle closes; macOS: vigil-mockd watches
// its stdin pipe (`--parent-watch-fd 0`) and stops at EOF.
class ChildLifetime final
{
public:
    ChildLifetime() = delete;

    // Call after QProcess::setArguments() (it may add some) and before QProcess::start().
    static void tieToParent(QProcess& process);
};

} // namespace vigil
