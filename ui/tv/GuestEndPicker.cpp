#include "GuestEndPicker.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace vigil {

GuestEndPicker::GuestEndPicker(Clock clock, QWidget* parent)
    : QWidget(parent), m_clock(std::move(clock)), m_group(new QButtonGroup(this)), m_custom(new QDateTimeEdit(this))
{
    // One preset a line; the custom date sits right after "Custom:", where the eye expects it.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const GuestEnd::Preset preset : GuestEnd::presets()) {
        auto* button = new QRadioButton(this);
        button->setAccessibleName(GuestEnd::presetText(preset));
        m_group->addButton(button, int(preset));
        m_buttons.insert(int(preset), button);
        if (preset != GuestEnd::Preset::Custom) {
            layout->addWidget(button);
            continue;
        }
        auto* row = new QHBoxLayout;
        row->addWidget(button);
        row->addWidget(m_custom);
        row->addStretch(1);
        layout->addLayout(row);
    }
    m_custom->setAccessibleName(tr("Custom end"));
    m_custom->setToolTip(tr("Any time from 1 hour to 30 days from now"));
    m_custom->setCalendarPopup(true);
    m_custom->setDisplayFormat(QStringLiteral("ddd d MMM yyyy HH:mm"));
    m_custom->setTimeSpec(Qt::LocalTime);

    refresh();
    m_custom->setDateTime(GuestEnd::endFor(GuestEnd::Preset::Custom, m_clock()));
    setPreset(GuestEnd::Preset::Tonight);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            Q_EMIT endChanged();
    });
    connect(m_custom, &QDateTimeEdit::dateTimeChanged, this, [this] {
        // Editing the date is choosing it.
        if (preset() != GuestEnd::Preset::Custom)
            setPreset(GuestEnd::Preset::Custom);
        else
            Q_EMIT endChanged();
    });
}

GuestEndPicker::~GuestEndPicker() = default;

GuestEnd::Preset GuestEndPicker::preset() const
{
    return GuestEnd::Preset(m_group->checkedId());
}

void GuestEndPicker::setPreset(GuestEnd::Preset preset)
{
    m_buttons.value(int(preset))->setChecked(true);
}

QDateTime GuestEndPicker::end() const
{
    const QDateTime now = m_clock();
    if (preset() == GuestEnd::Preset::Custom)
        return GuestEnd::bounded(m_custom->dateTime(), now);
    return GuestEnd::endFor(preset(), now);
}

void GuestEndPicker::refresh()
{
    const QDateTime now = m_clock();
    for (const GuestEnd::Preset preset : GuestEnd::presets()) {
        QRadioButton* button = m_buttons.value(int(preset));
        if (preset == GuestEnd::Preset::Custom) {
            button->setText(tr("Custom:"));
            continue;
        }
        button->setText(tr("%1 (until %2)", "preset, end")
                            .arg(GuestEnd::presetText(preset), GuestEnd::whenText(GuestEnd::endFor(preset, now), now)));
    }
    const QSignalBlocker blocker(m_custom); // a range that moves on is not the person choosing
    m_custom->setDateTimeRange(now.addSecs(GuestEnd::minimumSeconds).toLocalTime(),
                               now.addSecs(GuestEnd::maximumSeconds).toLocalTime());
}

} // namespace vigil
