// DevicesPage: the people in the filter, and signing out a person's devices from there.
#include "DevicesPage.h"
#include "core/devices/DeviceFilterModel.h"
#include "ui/devices/ProfileFilter.h"

#include <QHBoxLayout>
#include <QLabel>

namespace vigil {

void DevicesPage::setProfileDevices(const ProfileDevices* people)
{
    if (m_profileFilter)
        return;
    m_profileFilter = new ProfileFilter(m_filterCombo, m_filter, people, this);
    if (m_signOut)
        m_profileFilter->setSignOutActions(m_signOut, m_filterRow);
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
