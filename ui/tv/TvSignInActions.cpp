#include "TvSignInActions.h"

#include "core/devices/DeviceListModel.h"
#include "core/profiles/ProfileListModel.h"
#include "core/profiles/ProfileService.h"
#include "ui/devices/SignOutActions.h"
#include "ui/tv/GuestExtendDialog.h"
#include "ui/tv/TvSignInDialog.h"

#include <QPushButton>

namespace vigil {

TvSignInActions::TvSignInActions(TvSignInService* service,
                                 ProfileService* profiles,
                                 const DeviceListModel* devices,
                                 SignOutActions* signOut,
                                 QObject* parent)
    : QObject(parent), m_service(service), m_profiles(profiles), m_devices(devices), m_signOut(signOut)
{}

TvSignInActions::~TvSignInActions() = default;

QPushButton* TvSignInActions::createSignInButton(QWidget* parent)
{
    auto* button = new QPushButton(tr("Sign In a TV…"), parent);
    button->setAccessibleName(tr("Sign In a TV"));
    button->setToolTip(tr("Let a TV in front of you sign in with the code it shows, for good or as a guest"));
    connect(button, &QPushButton::clicked, this, [this, button] { signInTv(button); });
    return button;
}

void TvSignInActions::open(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

TvSignInDialog* TvSignInActions::signInTv(QWidget* parent)
{
    // The profile list is loaded by the Profiles page; the TV needs it before then.
    if (m_profiles->state() == ProfileService::State::Empty || m_profiles->state() == ProfileService::State::Failed)
        m_profiles->reload();
    auto* dialog =
        new TvSignInDialog(m_service, m_profiles->model(), m_stepUpMethods, parent ? parent->window() : nullptr);
    open(dialog);
    return dialog;
}

GuestExtendDialog* TvSignInActions::extendGuest(const QString& deviceId, QWidget* parent)
{
    const int row = m_devices->rowOf(deviceId);
    if (row < 0 || !m_devices->deviceAt(row).isGuest())
        return nullptr;
    auto* dialog = new GuestExtendDialog(
        m_devices->deviceAt(row), m_service, m_stepUpMethods, parent ? parent->window() : nullptr);
    open(dialog);
    return dialog;
}

bool TvSignInActions::canEndNow() const
{
    return m_signOut && m_signOut->canStart();
}

void TvSignInActions::endGuestNow(const QString& deviceId)
{
    if (canEndNow())
        m_signOut->signOutDevices({deviceId});
}

} // namespace vigil
