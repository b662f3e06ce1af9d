#include "base/SignalWatcher.h"

#include <atomic>
#include <csignal>
#include <qt_windows.h>

namespace mockd {

namespace {

std::atomic<SignalWatcher*> g_watcher = nullptr;

// Runs on a thread the system creates for the console event, so it only posts to the event loop.
BOOL WINAPI onConsoleControl(DWORD type)
{
    SignalWatcher* watcher = g_watcher.load();
    if (!watcher)
        return FALSE;
    int signalNumber = SIGTERM;
    switch (type) {
    case CTRL_C_EVENT:
        signalNumber = SIGINT;
        break;
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        break;
    default:
        return FALSE;
    }
    QMetaObject::invokeMethod(
        watcher, [watcher, signalNumber] { Q_EMIT watcher->terminationRequested(signalNumber); }, Qt::QueuedConnection);
    // For CTRL_CLOSE_EVENT the system ends the process soon after this returns, drained or not;
    // the SQLite database stays consistent either way (WAL).
    return TRUE;
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent) : QObject(parent) {}

SignalWatcher::~SignalWatcher()
{
    SignalWatcher* self = this;
    if (g_watcher.compare_exchange_strong(self, nullptr))
        ::SetConsoleCtrlHandler(onConsoleControl, FALSE);
}

bool SignalWatcher::install()
{
    SignalWatcher* none = nullptr;
    if (!g_watcher.compare_exchange_strong(none, this))
        return false; // one watcher per process
    return ::SetConsoleCtrlHandler(onConsoleControl, TRUE) != 0;
}

void SignalWatcher::readSignal() {}

} // namespace mockd
