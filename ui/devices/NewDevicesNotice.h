#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace vigil {

class DeviceListModel;

// The Overview's recommendation while new devices wait for the owner: "2 new devices are waiting
// for you to confirm them", with "Review New Devices" to the filtered list (Confirm… or Sign Out…
// there). Hidden when there are none, and on a Vigil that is new itself (it can confirm nothing).
class NewDevicesNotice final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDevicesNotice)

public:
    explicit NewDevicesNotice(QWidget* parent = nullptr);
    ~NewDevicesNotice() override;

    void update(const DeviceListModel& model);
    int count() const { return m_count; }
    QPushButton* reviewButton() const { return m_review; }

    // "1 new device is waiting for you to confirm it" (the Devices page's recommendation says it too).
    static QString text(int count);

Q_SIGNALS:
    void reviewRequested();

private:
    QLabel* m_text;
    QPushButton* m_review;
    int m_count = 0;
};

} // namespace vigil
