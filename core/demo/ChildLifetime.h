#pragma once

class QProcess;

namespace vigil {

// The one platform-specific piece of demo mode: make a child process end when Vigil ends, even
// when Vigil is killed and cannot stop it. Linux: PR_SET_PDEATHSIG. Elsewhere nothing yet, and
// DemoService's normal stop on quit is what ends the child.
class ChildLifetime final
{
public:
    ChildLifetime() = delete;

    // Call before QProcess::start().
    static void tieToParent(QProcess& process);
};

} // namespace vigil
