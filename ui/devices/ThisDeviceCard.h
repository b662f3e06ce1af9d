#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;

namespace vigil {

class Device;

// "This device" on its own, above the other devices (Element shows the current session apart the
// same way). Its actions menu ("Sign Out of All Other Devices…") arrives with the sign-out journey:
// actionsLayout() is where it goes.
class ThisDeviceCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThisDeviceCard)

public:
    explicit ThisDeviceCard(QWidget* parent = nullptr);
    ~ThisDeviceCard() override;

    // `isNew`: this computer signed in recently and is not confirmed (young-session guard), so the
    // card says what it can't do yet, and until when.
    void setDevice(const Device* device, bool isNew = false);
    QLabel* newNote() const { return m_newNote; }
    QHBoxLayout* actionsLayout() const { return m_actions; }

private:
    QLabel* m_icon;
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_newNote;
    QHBoxLayout* m_actions;
};

} // namespace vigil
