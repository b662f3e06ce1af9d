#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class DeviceListModel;
class TvSignInActions;

// In the details pane of a guest device: "Guest · signs out in 1 day 3 h (Sunday 11:00)", with
// Extend… and End Now. Hidden for every other device. Follows the row live (a new end, the clock).
class GuestAccessBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestAccessBar)

public:
    GuestAccessBar(const DeviceListModel* devices, TvSignInActions* actions, QWidget* parent = nullptr);
    ~GuestAccessBar() override;

    void setDeviceId(const QString& id);
    QLabel* label() const { return m_label; }
    QPushButton* extendButton() const { return m_extend; }
    QPushButton* endNowButton() const { return m_endNow; }

private:
    void render();

    const DeviceListModel* m_devices;
    TvSignInActions* m_actions;
    QString m_id;
    QLabel* m_label;
    QPushButton* m_extend;
    QPushButton* m_endNow;
};

} // namespace vigil
