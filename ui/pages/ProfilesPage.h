#pragma once

#include "ui/main/Section.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace vigil {

class InlineMessage;
class LoadState;
class ProfileDevices;
class ProfileService;
class SignOutActions;

// The household's profiles as cards (avatar, name, kids badge, last device and time), and the
// promise that signing devices out never touches them. Loads when first shown.
class ProfilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    // `profiles` may be null: the page then only says that it needs a sign-in.
    explicit ProfilesPage(ProfileService* profiles, QWidget* parent = nullptr);
    ~ProfilesPage() override;

    // Gives each card "Sign Out Sam's Devices (N)…" for the devices last used with its profile.
    void setSignOutActions(SignOutActions* actions, const ProfileDevices* people);

    // The note shown above the profiles (also for tests).
    static QString keepNote();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void render();
    void rebuildCards();

    ProfileService* m_profiles;
    LoadState* m_state;
    InlineMessage* m_message;
    QWidget* m_cards;
    QGridLayout* m_grid;
    QLabel* m_empty;
    SignOutActions* m_signOut = nullptr;
    const ProfileDevices* m_people = nullptr;
};

} // namespace vigil
