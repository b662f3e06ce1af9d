#include "ActivityTimeline.h"

#include <algorithm>

namespace vigil {

ActivityTimeline ActivityTimeline::fromEntries(const QList<ActivityEntry>& entries, const QTimeZone& zone)
{
    ActivityTimeline timeline;
    QDate first;
    QDate last;
    for (const ActivityEntry& entry : entries) {
        if (entry.type != QLatin1String("sign_in") || !entry.time.isValid())
            continue;
        const QDate day = entry.time.toTimeZone(zone).date();
        if (!first.isValid() || day < first)
            first = day;
        if (!last.isValid() || day > last)
            last = day;
    }
    if (!last.isValid())
        return timeline;
    first = std::max(first, last.addDays(-(maxDays - 1)));
    QHash<QString, int> totals;
    for (const ActivityEntry& entry : entries) {
        if (entry.type != QLatin1String("sign_in") || !entry.time.isValid())
            continue;
        const QDate day = entry.time.toTimeZone(zone).date();
        if (day < first)
            continue;
        const QString country = entry.countryOrUnknown();
        ++timeline.m_counts[day][country];
        ++totals[country];
        ++timeline.m_total;
    }
    for (QDate day = first; day <= last; day = day.addDays(1))
        timeline.m_days.append(day);
    timeline.m_countries = totals.keys();
    std::sort(timeline.m_countries.begin(), timeline.m_countries.end(), [&totals](const QString& a, const QString& b) {
        const int ta = totals.value(a);
        const int tb = totals.value(b);
        return ta != tb ? ta > tb : a < b;
    });
    return timeline;
}

int ActivityTimeline::count(const QDate& day, const QString& country) const
{
    return m_counts.value(day).value(country);
}

} // namespace vigil
