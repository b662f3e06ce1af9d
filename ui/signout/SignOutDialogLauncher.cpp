#include "SignOutDialogLauncher.h"

#include "SignOutDialog.h"
#include "core/flows/SignOutFlow.h"

#include <QWidget>

namespace vigil {

SignOutDialogLauncher::SignOutDialogLauncher(SignOutFlow* flow, QWidget* parentWidget, QObject* parent)
    : QObject(parent ? parent : parentWidget), m_flow(flow), m_parentWidget(parentWidget)
{
    connect(m_flow, &SignOutFlow::stateChanged, this, &SignOutDialogLauncher::onStateChanged);
}

SignOutDialogLauncher::~SignOutDialogLauncher()
{
    if (m_ownsDialog)
        delete m_dialog.data();
}

bool SignOutDialogLauncher::canShowResults() const
{
    const SignOutFlow::State state = m_flow->state();
    return state == SignOutFlow::State::Reporting || state == SignOutFlow::State::Done;
}

bool SignOutDialogLauncher::showResults()
{
    if (!canShowResults())
        return false;
    present();
    return true;
}

void SignOutDialogLauncher::onStateChanged()
{
    // Every start() enters Confirming, from Idle or from an earlier sign-out's results.
    if (m_flow->state() == SignOutFlow::State::Confirming)
        present();
}

SignOutDialog* SignOutDialogLauncher::ensureDialog()
{
    if (!m_dialog) {
        m_dialog = new SignOutDialog(m_flow, m_parentWidget);
        m_ownsDialog = m_parentWidget.isNull();
        connect(m_dialog, &SignOutDialog::shortenWaitRequested, this, &SignOutDialogLauncher::shortenWaitRequested);
    }
    return m_dialog;
}

void SignOutDialogLauncher::present()
{
    SignOutDialog* dialog = ensureDialog();
    dialog->setModal(false);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace vigil
