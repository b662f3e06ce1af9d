#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class ProfileDevices;
class SignOutActions;

// "Sign Out Sam's Devices (3)…": signs out every device last used with one person's profile, through
// the one sign-out journey. The count follows the live list; with no such device, or while another
// sign-out is being confirmed or sent, the button is disabled and a line under it says why.
class ProfileSignOutButton final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSignOutButton)

public:
    ProfileSignOutButton(SignOutActions* actions, const ProfileDevices* people, QWidget* parent = nullptr);
    ~ProfileSignOutButton() override;

    // The profile's name, as devices carry it; empty hides nothing but disables the button.
    void setProfile(const QString& profile);
    QString profile() const { return m_profile; }
    QPushButton* button() const { return m_button; }
    // Why the button is disabled; empty while it is enabled. The tooltip and the accessible
    // description always carry it; a line under the button says "no device" unless turned off here.
    QString reason() const;
    void setReasonShown(bool shown);

private:
    void refresh();
    void trigger();

    SignOutActions* m_actions;
    const ProfileDevices* m_people;
    QString m_profile;
    QPushButton* m_button;
    QLabel* m_reason;
    bool m_reasonShown = true;
};

} // namespace vigil
