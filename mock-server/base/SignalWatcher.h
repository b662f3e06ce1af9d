#pragma once

#include <QObject>

class QSocketNotifier;

namespace mockd {

// Turns SIGINT/SIGTERM into a Qt signal: the handler only writes the signal number to a socket
// pair (async-signal-safe), and a QSocketNotifier delivers it on the event loop. Windows
// (SignalWatcher_win.cpp): Ctrl+C, Ctrl+Break and console close through SetConsoleCtrlHandler.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    // False when the socket pair or the handlers could not be installed.
    bool install();

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace mockd
