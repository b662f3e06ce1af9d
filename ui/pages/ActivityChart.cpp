#include "ActivityChart.h"

#include "core/activity/ActivityTimeline.h"
#include "ui/widgets/ScrollArea.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace vigil {

ActivityChart::ActivityChart(QWidget* parent)
    : QWidget(parent), m_view(new QChartView(new QChart, this)), m_summary(new QLabel(this))
{
    ScrollArea::installAccessibleFactory(); // QChartView is a scroll area
    m_view->setRenderHint(QPainter::Antialiasing);
    // Room for the axis labels and a legend of up to six countries, in whatever font size.
    m_view->setMinimumHeight(qMax(220, m_view->fontMetrics().height() * 12));
    m_view->setAccessibleName(tr("Sign-ins per day by country"));
    QChart* chart = m_view->chart();
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_summary->setObjectName(QStringLiteral("chartSummary"));
    m_summary->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addStretch(0); // keeps the summary at the top while the chart is hidden
    applyTheme();
}

ActivityChart::~ActivityChart() = default;

QChart* ActivityChart::chart() const
{
    return m_view->chart();
}

QString ActivityChart::summary() const
{
    return m_summary->text();
}

void ActivityChart::setTimeline(const ActivityTimeline& timeline)
{
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    if (timeline.isEmpty()) {
        m_summary->setText(tr("No sign-ins in the entries shown."));
        m_view->setVisible(false);
        return;
    }
    m_view->setVisible(true);
    const QList<QDate>& days = timeline.days();
    m_summary->setText(tr("%n sign-in(s)", nullptr, timeline.total()) + QLatin1Char(' ') +
                       tr("over %n day(s)", nullptr, int(days.size())) + QLatin1Char(' ') +
                       tr("from %n place(s): ", nullptr, int(timeline.countries().size())) +
                       timeline.countries().join(QStringLiteral(", ")));
    m_view->setAccessibleDescription(m_summary->text());

    auto* series = new QStackedBarSeries;
    int peak = 0;
    QList<int> perDay(days.size(), 0);
    for (const QString& country : timeline.countries()) {
        auto* set = new QBarSet(country);
        for (qsizetype i = 0; i < days.size(); ++i) {
            const int count = timeline.count(days.at(i), country);
            *set << count;
            perDay[i] += count;
        }
        series->append(set);
    }
    for (const int total : std::as_const(perDay))
        peak = std::max(peak, total);
    series->setBarWidth(0.8);
    chart->addSeries(series);

    QStringList labels;
    const QLocale locale;
    for (const QDate& day : days)
        labels.append(locale.toString(day, QStringLiteral("d MMM")));
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    if (days.size() > 10) {
        // Too many days for a label under every bar (Qt Charts would elide them all): the bars keep
        // their category axis, unlabelled, and a date axis over the same span carries a few dates.
        x->setLabelsVisible(false);
        x->setGridLineVisible(false);
        auto* dates = new QDateTimeAxis;
        dates->setFormat(QStringLiteral("d MMM"));
        dates->setRange(days.constFirst().startOfDay().addSecs(-12 * 3600),
                        days.constLast().startOfDay().addSecs(12 * 3600));
        dates->setTickCount(std::min<int>(int(days.size()), 7));
        dates->setGridLineVisible(false);
        chart->addAxis(dates, Qt::AlignBottom);
    }
    auto* y = new QValueAxis;
    y->setRange(0, std::max(peak, 1));
    y->setTickCount(std::min(std::max(peak, 1), 5) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Sign-ins"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    applyTheme();
}

void ActivityChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void ActivityChart::applyTheme()
{
    // Follow the window's palette: dark theme on dark palettes, and the page's own background.
    const QPalette pal = palette();
    QChart* chart = m_view->chart();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.brush(QPalette::Text));
    }
}

} // namespace vigil
