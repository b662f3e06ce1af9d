#pragma once

#include <QObject>

namespace mockd {

// The one clock every expiry, cooldown and throttle of the service reads. It follows the system
// clock plus an offset that QA can move with the admin API (advance or set), so time keeps running
// after a jump. Injected everywhere; never read the system time directly in service logic.
class Clock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clock)

public:
    explicit Clock(QObject* parent = nullptr);
    ~Clock() override;

    qint64 nowMs() const;
    qint64 nowSecs() const { return nowMs() / 1000; }
    qint64 offsetMs() const { return m_offsetMs; }

    void advance(qint64 ms);
    void set(qint64 epochMs);
    void reset();
    // Another instance on the same database moved its clock: this one follows (emits changed()).
    void setOffset(qint64 offsetMs);

Q_SIGNALS:
    void changed();

private:
    qint64 m_offsetMs = 0;
};

} // namespace mockd
