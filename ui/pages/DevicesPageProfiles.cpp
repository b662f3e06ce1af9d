// DevicesPage: the people in the filter, and signing out a person's devices from there.
#include "DevicesPage.h"
#include "core/devices/DeviceFilterModel.h"
#include "ui/devices/ProfileFilter.h"
#include "ui/devices/ProfileSignOutButton.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace vigil {

void DevicesPage::setProfileDevices(const ProfileDevices* people)
{
    if (m_profileFilter)
        return;
    m_profileFilter = new ProfileFilter(m_filterCombo, m_filter, people, this);
    if (!m_signOut)
        return;
    m_profileFilter->setSignOutActions(m_signOut, m_filterRow);
    // Made last, it would come last in the Tab order: it belongs after the search, as it sits.
    setTabOrder(m_search, m_profileFilter->signOutButton()->button());
}

void DevicesPage::showProfile()
{
    // A person's devices, whatever their state: the presets' rules go.
    m_preset = DeviceFilterPreset::All;
    DeviceFilterPreset::apply(DeviceFilterPreset::All, *m_filter);
    m_filterDescription->setText(ProfileFilter::description(m_profileFilter->profile()));
    renderRows();
}

} // namespace vigil
