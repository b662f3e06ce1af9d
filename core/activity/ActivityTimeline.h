#pragma once

#include "core/activity/ActivityEntry.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace vigil {

// Sign-ins per day and country, for the Activity page's chart: every day from the first sign-in
// to the last (quiet days count as zero), countries with the most sign-ins first.
class ActivityTimeline final
{
public:
    static ActivityTimeline fromEntries(const QList<ActivityEntry>& entries,
                                        const QTimeZone& zone = QTimeZone::systemTimeZone());

    const QList<QDate>& days() const { return m_days; }
    const QStringList& countries() const { return m_countries; }
    int count(const QDate& day, const QString& country) const;
    int total() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }

    // More days than this would make the bars unreadable: the timeline keeps the newest ones.
    static constexpr int maxDays = 60;

private:
    QList<QDate> m_days;
    QStringList m_countries;
    QHash<QDate, QHash<QString, int>> m_counts;
    int m_total = 0;
};

} // namespace vigil
