#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>

class QWebSocket;

namespace mockd {

// Cuts off sockets whose peer does not answer their close frame in time. One timer for all of
// them: every deadline is the same delay after its close, so they fall due in the order they were
// added. (A timer per socket costs an insertion into Qt's timer list, as long as the number of
// sockets, for each of the thousands closed by one sign-out.)
class CloseDeadlines final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloseDeadlines)

public:
    static constexpr int graceMs = 5000;

    explicit CloseDeadlines(QObject* parent = nullptr);
    ~CloseDeadlines() override;

    // Aborts `socket` graceMs from now unless it is gone by then.
    void add(QWebSocket* socket);

private:
    void onTimeout();
    void arm();

    struct Due
    {
        qint64 atMs = 0;
        QPointer<QWebSocket> socket;
    };
    QElapsedTimer m_clock;
    std::deque<Due> m_due;
    QTimer m_timer;
};

} // namespace mockd
