#include "base/ParentWatch.h"

#include <QCoreApplication>
#include <QPointer>
#include <io.h>
#include <qt_windows.h>

namespace mockd {

ParentWatch::ParentWatch(QObject* parent) : QObject(parent) {}

ParentWatch::~ParentWatch()
{
    if (!m_reader.joinable())
        return;
    // The reader may not have reached ReadFile yet, so it cannot be joined safely: cancel what it
    // waits on and let it go; it touches nothing of ours afterwards (see watch()).
    ::CancelSynchronousIo(HANDLE(m_reader.native_handle()));
    m_reader.detach();
}

bool ParentWatch::watch(int fd)
{
    if (m_reader.joinable() || fd < 0)
        return false;
    const intptr_t osHandle = ::_get_osfhandle(fd);
    if (osHandle == -1 || osHandle == -2)
        return false;
    m_fd = fd;
    const HANDLE handle = HANDLE(osHandle);
    const QPointer<ParentWatch> self(this);
    m_reader = std::thread([handle, self] {
        char buffer[256];
        DWORD bytes = 0;
        while (::ReadFile(handle, buffer, DWORD(sizeof buffer), &bytes, nullptr) && bytes > 0) {
        }
        // ERROR_BROKEN_PIPE: the parent's end closed. Cancelled: we are being destroyed.
        if (::GetLastError() == ERROR_OPERATION_ABORTED)
            return;
        // The pointer is only looked at on the main thread, where the watch lives and dies.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self] {
                if (self)
                    Q_EMIT self->parentGone();
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ParentWatch::readSome() {}

} // namespace mockd
