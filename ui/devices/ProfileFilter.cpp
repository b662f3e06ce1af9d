#include "ProfileFilter.h"

#include "core/devices/DeviceFilterModel.h"
#include "core/profiles/ProfileDevices.h"
#include "ui/devices/ProfileSignOutButton.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QSignalBlocker>

namespace vigil {
namespace {

// Item data of a person's entry (presets carry their DeviceFilterPreset::Kind, never negative).
constexpr int personEntry = -1;
constexpr int profileRole = Qt::UserRole + 1;

} // namespace

ProfileFilter::ProfileFilter(QComboBox* combo, DeviceFilterModel* filter, const ProfileDevices* people, QObject* parent)
    : QObject(parent), m_combo(combo), m_filter(filter), m_people(people)
{
    connect(m_people, &ProfileDevices::changed, this, &ProfileFilter::syncEntries);
    syncEntries();
}

ProfileFilter::~ProfileFilter() = default;

void ProfileFilter::setSignOutActions(SignOutActions* actions, QBoxLayout* row)
{
    if (m_signOut)
        return;
    m_signOut = new ProfileSignOutButton(actions, m_people, m_combo->parentWidget());
    // The empty table already says why nobody's devices are there; the tooltip keeps the reason.
    m_signOut->setReasonShown(false);
    m_signOut->setProfile(m_profile);
    m_signOut->setVisible(!m_profile.isEmpty());
    row->addWidget(m_signOut);
}

bool ProfileFilter::activate(int index)
{
    if (index < 0 || m_combo->itemData(index).toInt() != personEntry)
        return false;
    show(m_combo->itemData(index, profileRole).toString());
    return true;
}

void ProfileFilter::show(const QString& profile)
{
    m_profile = profile;
    m_filter->setProfileFilter(profile);
    syncEntries();
    for (int index = firstEntry(); index >= 0 && index < m_combo->count(); ++index) {
        if (m_combo->itemData(index, profileRole).toString() == profile)
            m_combo->setCurrentIndex(index);
    }
    if (m_signOut) {
        m_signOut->setProfile(profile);
        m_signOut->setVisible(!profile.isEmpty());
    }
}

void ProfileFilter::clear()
{
    if (m_profile.isEmpty())
        return;
    m_profile.clear();
    m_filter->setProfileFilter({});
    if (m_signOut)
        m_signOut->setVisible(false);
    syncEntries();
}

QString ProfileFilter::description(const QString& profile)
{
    return tr("Devices last used with %1's profile.").arg(profile);
}

QString ProfileFilter::emptyText(const QString& profile)
{
    return tr("No devices were last used with %1's profile").arg(profile);
}

int ProfileFilter::firstEntry() const
{
    for (int index = 0; index < m_combo->count(); ++index) {
        if (m_combo->itemData(index).toInt() == personEntry && m_combo->itemData(index).isValid())
            return index;
    }
    return -1;
}

void ProfileFilter::syncEntries()
{
    QStringList wanted = m_people->profiles();
    if (!m_profile.isEmpty() && !wanted.contains(m_profile)) {
        wanted.append(m_profile);
        wanted.sort(Qt::CaseInsensitive);
    }
    if (wanted == m_shown)
        return;
    // Rebuilt quietly: the entry chosen stays chosen, and nothing is "activated".
    const QSignalBlocker quiet(m_combo);
    const int current = m_combo->currentIndex();
    const bool personChosen = current >= 0 && m_combo->itemData(current).toInt() == personEntry;
    int first = firstEntry();
    if (first > 0 && m_combo->itemData(first - 1).isNull())
        --first; // the separator before the people
    while (first >= 0 && m_combo->count() > first)
        m_combo->removeItem(m_combo->count() - 1);
    m_shown = wanted;
    if (wanted.isEmpty())
        return;
    m_combo->insertSeparator(m_combo->count());
    for (const QString& profile : wanted) {
        m_combo->addItem(tr("%1's devices").arg(profile), personEntry);
        const int index = m_combo->count() - 1;
        m_combo->setItemData(index, profile, profileRole);
        m_combo->setItemData(index, description(profile), Qt::ToolTipRole);
        if (personChosen && profile == m_profile)
            m_combo->setCurrentIndex(index);
    }
}

} // namespace vigil
