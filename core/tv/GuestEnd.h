#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

// When a guest's access ends, and the words for it. Guests get 1 hour up to 30 days (the service
// refuses anything else). Times are chosen and shown in local time; they travel in UTC.
class GuestEnd
{
    Q_DECLARE_TR_FUNCTIONS(vigil::GuestEnd)

public:
    enum class Preset
    {
        Tonight, // the coming 03:00: the evening's film is not cut off at midnight
        TwoDays, // 2 days on, rounded up to the full hour
        Week,    // 7 days on, rounded up to the full hour
        Custom,
    };

    static constexpr qint64 minimumSeconds = 60 * 60;
    static constexpr qint64 maximumSeconds = 30 * 24 * 60 * 60;
    // The hour (local) "Tonight" ends at, the next morning.
    static constexpr int tonightEndsAtHour = 3;

    static QList<Preset> presets() { return {Preset::Tonight, Preset::TwoDays, Preset::Week, Preset::Custom}; }
    // The end a preset means when chosen at `now`; Custom: 2 hours on (to the minute), a starting point to edit.
    static QDateTime endFor(Preset preset, const QDateTime& now);
    // The end moved into 1 hour … 30 days from `now`.
    static QDateTime bounded(const QDateTime& end, const QDateTime& now);
    static bool isAllowed(const QDateTime& end, const QDateTime& now);

    // "Tonight", "2 Days", "A Week", "Custom".
    static QString presetText(Preset preset);
    // "today 23:00", "Sunday 11:00" within a week, "14 Dec 11:00" beyond; local time.
    static QString whenText(const QDateTime& end, const QDateTime& now);
    // "1 day 3 h", "2 h 5 min", "45 min", "less than a minute".
    static QString remainingText(const QDateTime& end, const QDateTime& now);
    // "Guest · signs out in 1 day 3 h", or "Guest · signing out…" once the end has passed.
    static QString rowText(const QDateTime& end, const QDateTime& now);
    // "Guest · signs out in 1 day 3 h (until Sunday 11:00)", for details and tooltips.
    static QString detailText(const QDateTime& end, const QDateTime& now);
};

} // namespace vigil
