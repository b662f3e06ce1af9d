#pragma once

#include <QObject>
#include <QString>

class QBoxLayout;
class QComboBox;

namespace vigil {

class DeviceFilterModel;
class ProfileDevices;
class ProfileSignOutButton;
class SignOutActions;

// The people in the Devices page's filter: after the presets, one entry per profile that a device
// was last used with ("Sam's devices"). Choosing one shows those devices, and on the holder's page
// offers "Sign Out Sam's Devices (N)…" beside the filter. Entries follow the live list; the chosen
// one stays while it has no device left (the table then says so).
class ProfileFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileFilter)

public:
    ProfileFilter(QComboBox* combo, DeviceFilterModel* filter, const ProfileDevices* people, QObject* parent = nullptr);
    ~ProfileFilter() override;

    // Adds the sign-out button at the end of `row` (shown while a person is chosen).
    void setSignOutActions(SignOutActions* actions, QBoxLayout* row);
    ProfileSignOutButton* signOutButton() const { return m_signOut; }

    // Whether the combo's entry at `index` is a person; if it is, shows their devices.
    bool activate(int index);
    // Shows the devices of `profile` (a profile's name as devices carry it).
    void show(const QString& profile);
    // Back to no person (a preset was chosen).
    void clear();
    // The chosen person; empty when none.
    QString profile() const { return m_profile; }

    // "Devices last used with Sam's profile." / "No devices were last used with Sam's profile".
    static QString description(const QString& profile);
    static QString emptyText(const QString& profile);

private:
    void syncEntries();
    int firstEntry() const;

    QComboBox* m_combo;
    DeviceFilterModel* m_filter;
    const ProfileDevices* m_people;
    ProfileSignOutButton* m_signOut = nullptr;
    QString m_profile;
    QStringList m_shown; // the people in the combo now, in order
};

} // namespace vigil
