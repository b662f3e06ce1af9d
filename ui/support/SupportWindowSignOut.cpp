// SupportWindow: signing the customer's devices out with their code, through the holder's own
// SignOutFlow, confirmation dialog and results panel (kept apart from the rest of the window).
#include "SupportWindow.h"
#include "core/devices/DeviceService.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SupportSignOutSender.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"
#include "ui/devices/SignOutActions.h"
#include "ui/pages/DevicesPage.h"
#include "ui/support/SupportCodeDialog.h"
#include "ui/widgets/InlineMessage.h"

#include <QPushButton>

namespace vigil {

void SupportWindow::openCodeDialog()
{
    const SupportService* support = m_parts.console->support();
    if (!support->hasCustomer() || !m_actions || !m_actions->canStart())
        return;
    if (m_codeDialog) {
        m_codeDialog->raise();
        m_codeDialog->activateWindow();
        return;
    }
    const QStringList selected = m_devices->selectedDeviceIds();
    m_codeDialog = new SupportCodeDialog(int(selected.size()), this);
    m_codeDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_lastCodeProblem.isEmpty())
        m_codeDialog->showError(m_lastCodeProblem);
    connect(m_codeDialog, &QDialog::accepted, this, [this, selected, dialog = m_codeDialog.data()] {
        const SupportService* open = m_parts.console->support();
        if (!open->hasCustomer())
            return;
        m_lastCodeProblem.clear();
        m_signOutMessage->clear();
        // Only while no sign-out is being confirmed or sent, so one in flight keeps its code.
        if (!m_actions->canStart())
            return;
        m_parts.signOutSender->setAuthorization(
            SupportSignOutSender::Authorization{open->customer()->id, open->reason(), dialog->code()});
        if (dialog->allDevices())
            m_actions->signOutAll();
        else
            m_actions->signOutDevices(selected);
    });
    m_codeDialog->open();
}

void SupportWindow::followSignOut()
{
    const SignOutFlow* flow = m_parts.signOut;
    switch (flow->state()) {
    case SignOutFlow::State::Reporting:
        // What the service did shows in the results panel; the list catches up behind it.
        m_parts.console->devices()->reload();
        break;
    case SignOutFlow::State::Failed:
        // Kept for the next try: the code dialog shows it above the field.
        m_lastCodeProblem = flow->problem().message;
        m_signOutMessage->showMessage(InlineMessage::Kind::Error, m_lastCodeProblem);
        break;
    default:
        break;
    }
    updateCodeSignOut();
}

void SupportWindow::updateCodeSignOut()
{
    m_codeSignOut->setEnabled(m_parts.console->support()->hasCustomer() && m_actions && m_actions->canStart());
}

} // namespace vigil
