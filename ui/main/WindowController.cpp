#include "WindowController.h"

#include "core/auth/SignInFlow.h"
#include "ui/main/MainWindow.h"
#include "ui/signin/SignInWindow.h"

namespace vigil {

WindowController::WindowController(
    SignInFlow* flow, Session* session, AccountService* account, AppSettings* settings, QObject* parent)
    : QObject(parent), m_flow(flow), m_session(session), m_account(account),
      m_signIn(std::make_unique<SignInWindow>(flow, settings))
{
    connect(m_flow, &SignInFlow::stateChanged, this, [this](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedIn || (state == SignInFlow::State::SignedOut && m_main))
            show();
    });
}

WindowController::~WindowController() = default;

void WindowController::show()
{
    if (m_flow->state() == SignInFlow::State::SignedIn) {
        if (!m_main)
            m_main = std::make_unique<MainWindow>(m_account, m_flow, m_session);
        m_main->showSection(Section::Overview);
        m_main->show();
        m_main->raise();
        m_main->activateWindow();
        m_signIn->hide();
        return;
    }
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
    if (m_main)
        m_main->hide();
}

} // namespace vigil
