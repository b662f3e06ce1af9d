#pragma once

#include "core/activity/ActivityService.h"

#include <QDate>
#include <QWidget>
#include <functional>

class QComboBox;
class QDateEdit;

namespace vigil {

class ActivityModel;

// The Activity page's filters: event type, device (the devices seen in the activity so far), and
// a period (any time, the last 7 / 30 / 90 days, or a custom range of dates).
class ActivityFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilterBar)

public:
    explicit ActivityFilterBar(QWidget* parent = nullptr);
    ~ActivityFilterBar() override;

    ActivityService::Filter filter() const;
    void reset();
    // Offers the devices of these entries (devices once offered stay in the list).
    void addDevicesFrom(const ActivityModel& model);
    // "Today" for the periods (tests).
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

Q_SIGNALS:
    void filterChanged();

private:
    void updateRangeVisibility();

    QComboBox* m_type;
    QComboBox* m_device;
    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QWidget* m_range;
    std::function<QDate()> m_today;
};

} // namespace vigil
