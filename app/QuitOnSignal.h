#pragma once

class QCoreApplication;

namespace vigil {

// SIGTERM and SIGINT end Vigil like closing its window does (the demo service is stopped, its
// temporary files removed) instead of killing it on the spot. Unix only; elsewhere a no-op.
class QuitOnSignal final
{
public:
    QuitOnSignal() = delete;

    static void install(QCoreApplication& app);
};

} // namespace vigil
