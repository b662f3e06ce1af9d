#include "core/tv/GuestEnd.h"

#include <QLocale>

namespace vigil {
namespace {

QDateTime roundedUpToHour(const QDateTime& when)
{
    QDateTime local = when.toLocalTime();
    const QTime t = local.time();
    if (t.minute() == 0 && t.second() == 0 && t.msec() == 0)
        return local;
    return QDateTime(local.date(), QTime(t.hour(), 0)).addSecs(60 * 60);
}

} // namespace

QDateTime GuestEnd::endFor(Preset preset, const QDateTime& now)
{
    const QDateTime local = now.toLocalTime();
    switch (preset) {
    case Preset::Tonight: {
        QDateTime end(local.date(), QTime(tonightEndsAtHour, 0));
        if (end <= local)
            end = QDateTime(local.date().addDays(1), QTime(tonightEndsAtHour, 0));
        return bounded(end, now);
    }
    case Preset::TwoDays:
        return bounded(roundedUpToHour(local.addDays(2)), now);
    case Preset::Week:
        return bounded(roundedUpToHour(local.addDays(7)), now);
    case Preset::Custom:
        break;
    }
    // On the minute, never past it: the picker shows minutes, and "2 hours" must not become 2 h 0.9 min.
    const QDateTime custom = local.addSecs(2 * 60 * 60);
    return QDateTime(custom.date(), QTime(custom.time().hour(), custom.time().minute()));
}

QDateTime GuestEnd::bounded(const QDateTime& end, const QDateTime& now)
{
    QDateTime earliest = now.addSecs(minimumSeconds).toLocalTime();
    const QDateTime latest = now.addSecs(maximumSeconds).toLocalTime();
    if (!end.isValid() || end < earliest)
        return earliest;
    return end > latest ? latest : end.toLocalTime();
}

bool GuestEnd::isAllowed(const QDateTime& end, const QDateTime& now)
{
    const qint64 seconds = now.secsTo(end);
    return end.isValid() && seconds >= minimumSeconds && seconds <= maximumSeconds;
}

QString GuestEnd::presetText(Preset preset)
{
    switch (preset) {
    case Preset::Tonight:
        return tr("Tonight");
    case Preset::TwoDays:
        return tr("2 Days");
    case Preset::Week:
        return tr("A Week");
    case Preset::Custom:
        break;
    }
    return tr("Custom");
}

QString GuestEnd::whenText(const QDateTime& end, const QDateTime& now)
{
    const QDateTime local = end.toLocalTime();
    const QString time = QLocale().toString(local.time(), QStringLiteral("HH:mm"));
    const qint64 days = now.toLocalTime().date().daysTo(local.date());
    if (days == 0)
        return tr("today %1").arg(time);
    if (days == 1)
        return tr("tomorrow %1").arg(time);
    if (days > 1 && days < 7)
        return tr("%1 %2", "weekday, time").arg(QLocale().dayName(local.date().dayOfWeek()), time);
    return tr("%1 %2", "date, time").arg(QLocale().toString(local.date(), QStringLiteral("d MMM")), time);
}

QString GuestEnd::remainingText(const QDateTime& end, const QDateTime& now)
{
    // Rounded up to the minute: "1 min" until the very end, never "0 min".
    const qint64 minutes = (now.secsTo(end) + 59) / 60;
    if (minutes <= 0)
        return tr("less than a minute");
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = minutes / 60 % 24;
    const qint64 mins = minutes % 60;
    if (days > 0)
        return hours > 0 ? tr("%n day(s) %1 h", nullptr, int(days)).arg(hours) : tr("%n day(s)", nullptr, int(days));
    if (hours > 0)
        return mins > 0 ? tr("%1 h %2 min").arg(hours).arg(mins) : tr("%1 h").arg(hours);
    return tr("%1 min").arg(mins);
}

QString GuestEnd::rowText(const QDateTime& end, const QDateTime& now)
{
    if (now.secsTo(end) <= 0)
        return tr("Guest · signing out…");
    return tr("Guest · signs out in %1").arg(remainingText(end, now));
}

QString GuestEnd::detailText(const QDateTime& end, const QDateTime& now)
{
    return tr("%1 (until %2)", "guest row text, end").arg(rowText(end, now), whenText(end, now));
}

} // namespace vigil
