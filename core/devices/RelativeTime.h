#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>
#include <functional>

namespace vigil {

// "2 min ago", "Tuesday 14:05", "12 Mar 2026", "Inactive for 90+ days". "Now" comes from an
// injected clock so the texts are testable and a tick can refresh them.
class RelativeTime final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RelativeTime)

public:
    using Clock = std::function<QDateTime()>;

    enum class Style
    {
        Short, // table cells: "2 min ago"
        Long   // sentences and screen readers: "2 minutes ago", "on Tuesday at 14:05"
    };

    static constexpr int inactiveDays = 90;

    // An empty clock means the system clock; times are shown in `zone`.
    explicit RelativeTime(Clock clock = {},
                          const QTimeZone& zone = QTimeZone::systemTimeZone(),
                          const QLocale& locale = QLocale());

    QDateTime now() const;
    QString text(const QDateTime& when, Style style = Style::Short) const;
    QString text(const QDateTime& when, const QDateTime& now, Style style) const;
    // Full date and time, for tooltips: "Tuesday, 10 March 2026 14:05".
    QString exactText(const QDateTime& when) const;
    QString dateText(const QDateTime& when) const;

    static bool isInactive(const QDateTime& lastActivity, const QDateTime& now);

private:
    Clock m_clock;
    QTimeZone m_zone;
    QLocale m_locale;
};

} // namespace vigil
