#pragma once

#include <QString>

class QAbstractEventDispatcher;

namespace mockd::EventDispatcher {

// The event loop under the service's main thread. Qt's own (QEventDispatcherUNIX) polls every
// open descriptor on each pass, so with thousands of connected sockets every wake-up costs
// O(sockets); the epoll one (Linux) costs O(ready sockets).
enum class Kind
{
    Qt,
    Epoll,
};

// Qt's for now; epoll on request (--event-dispatcher epoll, Linux).
Kind defaultKind();
// "qt" or "epoll"; `ok` is false for anything else, and for epoll where there is none.
Kind parse(const QString& name, bool* ok);
QString name(Kind kind);
// The --event-dispatcher value in argv: read by hand, because the dispatcher must be installed
// before QCoreApplication exists (and so before its argument parser). A missing or unknown value
// gives the default; CommandLine reports the unknown one.
Kind fromArguments(int argc, const char* const* argv);

// Whether this platform has the epoll dispatcher (EventDispatcher_linux.cpp).
bool epollAvailable();
// A new epoll dispatcher, or nullptr where epoll does not exist. Install it with
// QCoreApplication::setEventDispatcher before QCoreApplication, or QThread::setEventDispatcher
// before the thread starts.
QAbstractEventDispatcher* createEpoll();

} // namespace mockd::EventDispatcher
