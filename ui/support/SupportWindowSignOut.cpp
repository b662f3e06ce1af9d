// SupportWindow: signing the customer's devices out with their code (kept apart from the rest).
#include "SupportWindow.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"
#include "ui/devices/SignOutActions.h"

#include <QPushButton>

namespace vigil {

void SupportWindow::openCodeDialog() {}

void SupportWindow::followSignOut() {}

void SupportWindow::updateCodeSignOut()
{
    m_codeSignOut->setEnabled(m_parts.console->support()->hasCustomer() && m_actions && m_actions->canStart());
}

} // namespace vigil
