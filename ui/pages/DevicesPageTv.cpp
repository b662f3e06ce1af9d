// DevicesPage: signing a TV in and guest access (kept apart from the list itself).
#include "DevicesPage.h"
#include "core/devices/DeviceService.h"
#include "core/tv/GuestEndings.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/tv/GuestAccessBar.h"
#include "ui/tv/TvSignInActions.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

void DevicesPage::setTvSignIn(TvSignInActions* actions, GuestEndings* endings)
{
    if (m_signInTv || m_readOnly) // support mode signs nothing in
        return;
    m_signInTv = actions->createSignInButton(this);
    m_headerActions->insertWidget(0, m_signInTv, 0, Qt::AlignBottom);

    m_guestBar = new GuestAccessBar(m_service->model(), actions, m_details);
    m_details->addSection(m_guestBar);
    connect(m_details, &DeviceDetailsPane::deviceShown, m_guestBar, &GuestAccessBar::setDeviceId);
    m_guestBar->setDeviceId(m_details->deviceId());

    // Said on the page as well as on the desktop: the row leaving the list is not an explanation.
    m_guestEnded = new InlineMessage(this);
    m_layout->insertWidget(1, m_guestEnded);
    if (endings)
        connect(endings, &GuestEndings::ended, this, [this](const QString&, const QString& name) {
            m_guestEnded->showMessage(InlineMessage::Kind::Info, GuestEndings::text(name));
        });
}

} // namespace vigil
