#include "base/EventDispatcher.h"

// Platforms without epoll keep Qt's own event dispatcher.
namespace mockd::EventDispatcher {

bool epollAvailable()
{
    return false;
}

QAbstractEventDispatcher* createEpoll()
{
    return nullptr;
}

} // namespace mockd::EventDispatcher
