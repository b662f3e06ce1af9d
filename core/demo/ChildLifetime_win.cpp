#include "ChildLifetime.h"
#include "core/demo/DemoLogging.h"

#include <QProcess>
#include <qt_windows.h>

namespace vigil {
namespace {

// One job for Vigil's whole life. Its handle is never closed by us: the system closes it when
// Vigil ends, however it ends, and JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE then ends every process in it.
HANDLE killOnCloseJob()
{
    static const HANDLE job = [] {
        HANDLE handle = ::CreateJobObjectW(nullptr, nullptr);
        if (!handle)
            return HANDLE(nullptr);
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {};
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        if (!::SetInformationJobObject(handle, JobObjectExtendedLimitInformation, &limits, sizeof limits)) {
            ::CloseHandle(handle);
            return HANDLE(nullptr);
        }
        return handle;
    }();
    return job;
}

} // namespace

void ChildLifetime::tieToParent(QProcess& process)
{
    // As on macOS, vigil-mockd also watches its stdin pipe: a second net, and closing our end is the
    // clean way to stop a console program, which QProcess::terminate() cannot do on Windows.
    process.setArguments(process.arguments() << QStringLiteral("--parent-watch-fd") << QStringLiteral("0"));
    // QProcess owns the child's handle; assign through a handle of our own as soon as it runs.
    // vigil-mockd starts no processes of its own, so the moment before assignment leaves nothing behind.
    QObject::connect(&process, &QProcess::started, &process, [&process] {
        const HANDLE job = killOnCloseJob();
        const HANDLE child = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, DWORD(process.processId()));
        if (!job || !child || !::AssignProcessToJobObject(job, child))
            qCWarning(lcDemo) << "could not tie vigil-mockd to Vigil's lifetime; error" << ::GetLastError();
        if (child)
            ::CloseHandle(child);
    });
}

} // namespace vigil
