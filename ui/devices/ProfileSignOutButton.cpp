#include "ProfileSignOutButton.h"

#include "core/profiles/ProfileDevices.h"
#include "ui/devices/SignOutActions.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

ProfileSignOutButton::ProfileSignOutButton(SignOutActions* actions, const ProfileDevices* people, QWidget* parent)
    : QWidget(parent), m_actions(actions), m_people(people), m_button(new QPushButton(this)), m_reason(new QLabel(this))
{
    m_button->setObjectName(QStringLiteral("profileSignOut"));
    // The reason carries a profile name from the service: shown as written.
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("profileSignOutReason"));
    m_reason->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_button, 0, Qt::AlignLeft);
    layout->addWidget(m_reason);

    connect(m_button, &QPushButton::clicked, this, &ProfileSignOutButton::trigger);
    connect(m_people, &ProfileDevices::changed, this, &ProfileSignOutButton::refresh);
    connect(m_actions, &SignOutActions::availabilityChanged, this, &ProfileSignOutButton::refresh);
    refresh();
}

ProfileSignOutButton::~ProfileSignOutButton() = default;

void ProfileSignOutButton::setProfile(const QString& profile)
{
    if (profile == m_profile)
        return;
    m_profile = profile;
    refresh();
}

QString ProfileSignOutButton::reason() const
{
    if (m_people->count(m_profile) == 0)
        return tr("No signed-in device was last used with %1's profile.").arg(m_profile);
    if (!m_actions->canStart())
        return tr("Finish the sign-out that is under way first.");
    return {};
}

void ProfileSignOutButton::setReasonShown(bool shown)
{
    m_reasonShown = shown;
    refresh();
}

void ProfileSignOutButton::refresh()
{
    const int count = m_people->count(m_profile);
    m_button->setText(tr("Sign Out %1's Device(s) (%n)…", nullptr, count).arg(m_profile));
    m_button->setAccessibleName(m_button->text());
    const QString why = reason();
    m_button->setEnabled(why.isEmpty());
    const QString what =
        why.isEmpty() ? tr("Signs out every device last used with %1's profile. The profile and its viewing history "
                           "are kept.")
                            .arg(m_profile)
                      : why;
    m_button->setToolTip(what);
    m_button->setAccessibleDescription(what);
    m_reason->setText(why);
    m_reason->setAccessibleName(why);
    // Only "no device" is worth a line on the card: a sign-out under way disables every person's
    // button at once, and a line on each card would only repeat the open dialog.
    m_reason->setVisible(m_reasonShown && count == 0);
}

void ProfileSignOutButton::trigger()
{
    m_actions->signOutProfile(m_profile, m_people->deviceIds(m_profile));
}

} // namespace vigil
