#include "core/devices/RelativeTime.h"

#include <utility>

namespace vigil {

namespace {
constexpr qint64 secondsPerDay = qint64(24) * 60 * 60;
} // namespace

RelativeTime::RelativeTime(Clock clock, const QTimeZone& zone, const QLocale& locale)
    : m_clock(std::move(clock)), m_zone(zone), m_locale(locale)
{}

QDateTime RelativeTime::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString RelativeTime::text(const QDateTime& when, Style style) const
{
    return text(when, now(), style);
}

QString RelativeTime::text(const QDateTime& when, const QDateTime& now, Style style) const
{
    const bool brief = style == Style::Short;
    if (!when.isValid()) {
        return brief ? tr("No activity") : tr("no activity yet");
    }
    const qint64 seconds = when.secsTo(now);
    if (seconds >= inactiveDays * secondsPerDay) {
        return brief ? tr("Inactive for 90+ days") : tr("more than 90 days ago");
    }
    // Small clock differences with the service make "the future" mean "now".
    if (seconds < 60) {
        return brief ? tr("Just now") : tr("just now");
    }
    if (seconds < qint64(60) * 60) {
        const int minutes = int(seconds / 60);
        if (brief) {
            return tr("%n min ago", nullptr, minutes);
        }
        return minutes == 1 ? tr("1 minute ago") : tr("%n minutes ago", nullptr, minutes);
    }
    const QDateTime local = when.toTimeZone(m_zone);
    const qint64 days = local.date().daysTo(now.toTimeZone(m_zone).date());
    const QString time = m_locale.toString(local.time(), QLocale::ShortFormat);
    if (days <= 0) {
        return brief ? tr("Today %1").arg(time) : tr("today at %1").arg(time);
    }
    if (days == 1) {
        return brief ? tr("Yesterday %1").arg(time) : tr("yesterday at %1").arg(time);
    }
    if (days < 7) {
        const QString weekday = m_locale.dayName(local.date().dayOfWeek(), QLocale::LongFormat);
        return brief ? tr("%1 %2", "weekday, time").arg(weekday, time) : tr("on %1 at %2").arg(weekday, time);
    }
    return brief ? dateText(when)
                 : tr("on %1").arg(m_locale.toString(local.date(), tr("d MMMM yyyy", "date format (QDate::toString)")));
}

QString RelativeTime::exactText(const QDateTime& when) const
{
    if (!when.isValid()) {
        return tr("Never");
    }
    const QDateTime local = when.toTimeZone(m_zone);
    return tr("%1 %2", "date, time")
        .arg(m_locale.toString(local.date(), tr("dddd, d MMMM yyyy", "date format (QDate::toString)")),
             m_locale.toString(local.time(), QLocale::ShortFormat));
}

QString RelativeTime::dateText(const QDateTime& when) const
{
    if (!when.isValid()) {
        return tr("Unknown");
    }
    return m_locale.toString(when.toTimeZone(m_zone).date(), tr("d MMM yyyy", "date format (QDate::toString)"));
}

bool RelativeTime::isInactive(const QDateTime& lastActivity, const QDateTime& now)
{
    return lastActivity.isValid() && lastActivity.secsTo(now) >= inactiveDays * secondsPerDay;
}

} // namespace vigil
