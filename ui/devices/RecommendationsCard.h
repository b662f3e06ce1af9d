#pragma once

#include "ui/devices/DeviceFilterPreset.h"

#include <QFrame>

class QLabel;

namespace vigil {

class DeviceListModel;

// Shown only when there is something to act on: new devices waiting to be confirmed, devices nobody
// used for 90+ days, devices in countries the account doesn't usually use. Each line is a link
// that applies the filter.
class RecommendationsCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecommendationsCard)

public:
    explicit RecommendationsCard(QWidget* parent = nullptr);
    ~RecommendationsCard() override;

    // Counts from the model (the current device never counts); hides the card when all are 0.
    void update(const DeviceListModel& model);
    int inactiveCount() const { return m_inactiveCount; }
    int unfamiliarCount() const { return m_unfamiliarCount; }
    int newCount() const { return m_newCount; }

Q_SIGNALS:
    void filterRequested(vigil::DeviceFilterPreset::Kind kind);

private:
    QLabel* m_new;
    QLabel* m_inactive;
    QLabel* m_unfamiliar;
    int m_inactiveCount = 0;
    int m_unfamiliarCount = 0;
    int m_newCount = 0;
};

} // namespace vigil
