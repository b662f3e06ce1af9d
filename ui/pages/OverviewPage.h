#pragma once

#include "ui/devices/DeviceFilterPreset.h"
#include "ui/main/Section.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace vigil {

class AccountService;
class DeviceService;
class LoadState;
class NewDevicesNotice;
class SectionNavigator;
class SignOutActions;
class StatTile;

// The account at a glance (`GET /v1/me`): who is signed in, how many devices and profiles, and
// whether 2-step verification protects it, each with a way to the page about it.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    // `navigator` takes the tiles' links to their sections.
    OverviewPage(AccountService* account, SectionNavigator* navigator, QWidget* parent = nullptr);
    ~OverviewPage() override;

    // Adds the live device figures (active, streaming, new, unfamiliar), each a link to the
    // filtered device list.
    void setDevices(DeviceService* devices);
    // Adds "Sign Out of All Devices…" (all other devices / every device) next to the title.
    void setSignOutActions(SignOutActions* actions);
    QPushButton* signOutAllButton() const { return m_signOutAll; }
    // Null until setDevices().
    NewDevicesNotice* newDevicesNotice() const { return m_newDevices; }
    // Another action next to the title ("Sign In a TV…"), before the sign-out button.
    void addHeaderButton(QPushButton* button);

Q_SIGNALS:
    void devicesRequested(vigil::DeviceFilterPreset::Kind kind);
    void newestDevicesRequested();

private:
    void render();
    void renderDeviceCount();
    void renderDevices();

    AccountService* m_account;
    LoadState* m_state;
    QLabel* m_name;
    QLabel* m_email;
    StatTile* m_devices;
    StatTile* m_profiles;
    StatTile* m_twoStep;
    DeviceService* m_deviceService = nullptr;
    QWidget* m_deviceTiles = nullptr;
    StatTile* m_active = nullptr;
    StatTile* m_streaming = nullptr;
    StatTile* m_new = nullptr;
    StatTile* m_unfamiliar = nullptr;
    NewDevicesNotice* m_newDevices = nullptr;
    QHBoxLayout* m_headerActions = nullptr;
    QPushButton* m_signOutAll = nullptr;
};

} // namespace vigil
