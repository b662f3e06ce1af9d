#include "ActivityFilterBar.h"

#include "core/activity/ActivityModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace vigil {

namespace {

enum Period
{
    AnyTime,
    Last7,
    Last30,
    Last90,
    Custom
};

QLabel* caption(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ActivityFilterBar::ActivityFilterBar(QWidget* parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_device(new QComboBox(this)), m_period(new QComboBox(this)),
      m_range(new QWidget(this)), m_today([] { return QDate::currentDate(); })
{
    m_type->setAccessibleName(tr("Event type"));
    m_type->addItem(tr("All events"));
    for (const QString& type : ActivityEntry::types())
        m_type->addItem(ActivityEntry::typeText(type), type);
    m_device->setAccessibleName(tr("Device"));
    m_device->addItem(tr("All devices"));
    m_device->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Any time"), AnyTime);
    m_period->addItem(tr("Last 7 days"), Last7);
    m_period->addItem(tr("Last 30 days"), Last30);
    m_period->addItem(tr("Last 90 days"), Last90);
    m_period->addItem(tr("Custom range"), Custom);

    m_from = new QDateEdit(m_range);
    m_to = new QDateEdit(m_range);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(m_today());
        edit->setMaximumDate(QDate(2100, 1, 1));
    }
    m_from->setDate(m_today().addDays(-30));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    auto* rangeLayout = new QHBoxLayout(m_range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(caption(tr("From:"), m_from, m_range));
    rangeLayout->addWidget(m_from);
    rangeLayout->addWidget(caption(tr("To:"), m_to, m_range));
    rangeLayout->addWidget(m_to);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption(tr("&Event:"), m_type, this));
    layout->addWidget(m_type);
    layout->addSpacing(8);
    layout->addWidget(caption(tr("&Device:"), m_device, this));
    layout->addWidget(m_device);
    layout->addSpacing(8);
    layout->addWidget(caption(tr("&Period:"), m_period, this));
    layout->addWidget(m_period);
    layout->addWidget(m_range);
    layout->addStretch(1);

    const auto changed = [this] { Q_EMIT filterChanged(); };
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_device, &QComboBox::currentIndexChanged, this, changed);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateRangeVisibility();
        changed();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this, changed](const QDate& date) {
        if (m_to->date() < date)
            m_to->setDate(date); // a range never ends before it starts
        changed();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this, changed](const QDate& date) {
        if (m_from->date() > date)
            m_from->setDate(date);
        changed();
    });
    updateRangeVisibility();
}

ActivityFilterBar::~ActivityFilterBar() = default;

void ActivityFilterBar::updateRangeVisibility()
{
    m_range->setVisible(m_period->currentData().toInt() == Custom);
}

ActivityService::Filter ActivityFilterBar::filter() const
{
    ActivityService::Filter filter;
    if (const QString type = m_type->currentData().toString(); !type.isEmpty())
        filter.types = {type};
    filter.deviceId = m_device->currentData().toString();
    const QDate today = m_today();
    // Whole local days: from the start of the first to the end of the last.
    const auto startOf = [](const QDate& day) { return day.startOfDay(); };
    switch (m_period->currentData().toInt()) {
    case Last7:
        filter.from = startOf(today.addDays(-6));
        break;
    case Last30:
        filter.from = startOf(today.addDays(-29));
        break;
    case Last90:
        filter.from = startOf(today.addDays(-89));
        break;
    case Custom:
        filter.from = startOf(m_from->date());
        filter.to = m_to->date().endOfDay();
        break;
    default:
        break;
    }
    return filter;
}

void ActivityFilterBar::reset()
{
    const QSignalBlocker typeBlock(m_type);
    const QSignalBlocker deviceBlock(m_device);
    const QSignalBlocker periodBlock(m_period);
    m_type->setCurrentIndex(0);
    m_device->setCurrentIndex(0);
    m_period->setCurrentIndex(0);
    updateRangeVisibility();
    Q_EMIT filterChanged();
}

void ActivityFilterBar::addDevicesFrom(const ActivityModel& model)
{
    const QSignalBlocker block(m_device);
    for (const ActivityEntry& entry : model.entries()) {
        if (entry.deviceId.isEmpty() || m_device->findData(entry.deviceId) >= 0)
            continue;
        m_device->addItem(entry.deviceName.isEmpty() ? entry.deviceId : entry.deviceName, entry.deviceId);
    }
}

} // namespace vigil
