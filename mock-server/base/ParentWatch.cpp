#include "base/ParentWatch.h"

#include <QSocketNotifier>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace mockd {

ParentWatch::ParentWatch(QObject* parent) : QObject(parent) {}

ParentWatch::~ParentWatch() = default;

bool ParentWatch::watch(int fd)
{
    if (m_notifier || fd < 0 || ::fcntl(fd, F_GETFD) == -1)
        return false;
    // Nobody else may inherit the descriptor: a grandchild holding it would keep it from closing.
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    m_fd = fd;
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ParentWatch::readSome);
    return true;
}

void ParentWatch::readSome()
{
    // Readable means data or EOF; data from the parent carries no meaning and is dropped.
    char buffer[256];
    const ssize_t bytes = ::read(m_fd, buffer, sizeof buffer);
    if (bytes > 0 || (bytes < 0 && (errno == EINTR || errno == EAGAIN)))
        return;
    m_notifier->setEnabled(false);
    Q_EMIT parentGone();
}

} // namespace mockd
