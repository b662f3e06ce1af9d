#include "base/Clock.h"

#include <QDateTime>

namespace mockd {

Clock::Clock(QObject* parent) : QObject(parent) {}

Clock::~Clock() = default;

qint64 Clock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

void Clock::advance(qint64 ms)
{
    m_offsetMs += ms;
    Q_EMIT changed();
}

void Clock::set(qint64 epochMs)
{
    m_offsetMs = epochMs - QDateTime::currentMSecsSinceEpoch();
    Q_EMIT changed();
}

void Clock::setOffset(qint64 offsetMs)
{
    m_offsetMs = offsetMs;
    Q_EMIT changed();
}

void Clock::reset()
{
    m_offsetMs = 0;
    Q_EMIT changed();
}

} // namespace mockd
