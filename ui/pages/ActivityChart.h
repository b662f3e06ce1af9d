#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace vigil {

class ActivityTimeline;

// Sign-ins per day, stacked by country (Qt Charts), with a one-line summary in words for screen
// readers and for when there is nothing to draw.
class ActivityChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityChart)

public:
    explicit ActivityChart(QWidget* parent = nullptr);
    ~ActivityChart() override;

    void setTimeline(const ActivityTimeline& timeline);
    QString summary() const;
    QChart* chart() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();

    QChartView* m_view;
    QLabel* m_summary;
};

} // namespace vigil
