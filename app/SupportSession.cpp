#include "SupportSession.h"

#include "core/flows/SignOutFlow.h"
#include "core/flows/SupportSignOutSender.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportConsole.h"
#include "ui/support/SupportWindow.h"

namespace vigil {

// In construction order; destroyed the other way round, the window first.
struct SupportSession::Parts
{
    explicit Parts(const SessionContext& c)
        : console(c.api, c.session), stepUp(c.api), signOut(c.api, &stepUp, c.session, &signOutSender),
          window(std::make_unique<SupportWindow>(
              SupportWindow::Parts{&console, &signOut, &signOutSender, c.flow, c.session}))
    {}

    SupportConsole console;
    StepUpService stepUp;
    SupportSignOutSender signOutSender; // with the customer's code, never a step-up of the staff member's own
    SignOutFlow signOut;
    std::unique_ptr<SupportWindow> window;
};

SupportSession::SupportSession(const SessionContext& context, QObject* parent)
    : QObject(parent), m_parts(std::make_unique<Parts>(context))
{}

SupportSession::~SupportSession() = default;

SupportWindow* SupportSession::window() const
{
    return m_parts->window.get();
}

SupportConsole* SupportSession::console() const
{
    return &m_parts->console;
}

} // namespace vigil
