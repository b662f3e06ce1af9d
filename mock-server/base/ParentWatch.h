#pragma once

#include <QObject>
#include <thread>

class QSocketNotifier;

namespace mockd {

// Ends vigil-mockd with its parent where the system has no parent-death signal (macOS), and as a
// second safety net elsewhere: the parent keeps the write end of a pipe that the service reads
// (`--parent-watch-fd N`, usually 0 = the stdin pipe QProcess gives every child). The parent never
// writes; when it ends, for whatever reason, the system closes its end and the read sees EOF.
// Closing that end on purpose is also a clean way to stop the service where signals are missing
// (Windows: QProcess::terminate() cannot stop a console program).
class ParentWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParentWatch)

public:
    explicit ParentWatch(QObject* parent = nullptr);
    ~ParentWatch() override;

    // False when the descriptor is not open or cannot be watched on this system.
    bool watch(int fd);

Q_SIGNALS:
    // The write end is closed: the parent is gone, or asked us to stop.
    void parentGone();

private:
    void readSome();

    QSocketNotifier* m_notifier = nullptr; // POSIX: the event loop watches the pipe
    std::thread m_reader;                  // Windows: pipes have no notifier, a thread blocks in ReadFile
    int m_fd = -1;
};

} // namespace mockd
