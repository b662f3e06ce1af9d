#pragma once

#include <QByteArray>
#include <QDateTime>

namespace vigil {

// The service's time, as its answers' `Date` headers tell it. Relative times ("inactive for 90+
// days") follow it, so a QA engineer who moves vigil-mockd's clock sees the app follow, and a
// computer whose own clock is wrong does not mislabel devices.
class ServerClock final
{
public:
    // Differences smaller than this are the header's one-second precision and the trip, not a
    // different clock.
    static constexpr qint64 toleranceMs = 5000;

    // `httpDate` as sent (RFC 9110 IMF-fixdate); anything unreadable is ignored.
    void observe(const QByteArray& httpDate, const QDateTime& localNow = QDateTime::currentDateTimeUtc());
    QDateTime now(const QDateTime& localNow = QDateTime::currentDateTimeUtc()) const;
    qint64 offsetMs() const { return m_offsetMs; }

    static QDateTime parseHttpDate(const QByteArray& httpDate);

private:
    qint64 m_offsetMs = 0;
};

} // namespace vigil
