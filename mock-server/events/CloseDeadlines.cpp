#include "events/CloseDeadlines.h"

#include <QWebSocket>

namespace mockd {

CloseDeadlines::CloseDeadlines(QObject* parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CloseDeadlines::onTimeout);
}

CloseDeadlines::~CloseDeadlines() = default;

void CloseDeadlines::add(QWebSocket* socket)
{
    m_due.push_back({m_clock.elapsed() + graceMs, socket});
    if (!m_timer.isActive())
        arm();
}

void CloseDeadlines::onTimeout()
{
    const qint64 now = m_clock.elapsed();
    while (!m_due.empty() && m_due.front().atMs <= now) {
        const QPointer<QWebSocket> socket = m_due.front().socket;
        m_due.pop_front();
        if (socket)
            socket->abort();
    }
    if (!m_due.empty())
        arm();
}

void CloseDeadlines::arm()
{
    m_timer.start(int(qMax<qint64>(0, m_due.front().atMs - m_clock.elapsed())));
}

} // namespace mockd
