#pragma once

#include "core/tv/GuestEnd.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>
#include <functional>

class QButtonGroup;
class QDateTimeEdit;
class QRadioButton;

namespace vigil {

// When a guest's access ends: the presets (Tonight, 2 Days, A Week, each saying its end) and a
// custom date and time, limited to 1 hour … 30 days from now.
class GuestEndPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestEndPicker)

public:
    using Clock = std::function<QDateTime()>;

    // `clock`: the service's time, which the ends are counted from.
    explicit GuestEndPicker(Clock clock, QWidget* parent = nullptr);
    ~GuestEndPicker() override;

    GuestEnd::Preset preset() const;
    void setPreset(GuestEnd::Preset preset);
    // The chosen end (local time).
    QDateTime end() const;
    // Re-reads the clock: the presets' ends and the custom range move on.
    void refresh();

    QRadioButton* presetButton(GuestEnd::Preset preset) const { return m_buttons.value(int(preset)); }
    QDateTimeEdit* customEdit() const { return m_custom; }

Q_SIGNALS:
    void endChanged();

private:
    Clock m_clock;
    QButtonGroup* m_group;
    QHash<int, QRadioButton*> m_buttons;
    QDateTimeEdit* m_custom;
};

} // namespace vigil
