#include "WindowController.h"

#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "ui/main/MainWindow.h"
#include "ui/signin/SignInWindow.h"

namespace vigil {

WindowController::WindowController(
    SignInFlow* flow, Session* session, AccountService* account, AppSettings* settings, QObject* parent)
    : QObject(parent), m_flow(flow), m_session(session), m_account(account), m_settings(settings),
      m_signIn(std::make_unique<SignInWindow>(flow, settings))
{
    connect(m_flow, &SignInFlow::stateChanged, this, [this](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedIn || (state == SignInFlow::State::SignedOut && (m_main || m_support)))
            show();
    });
}

WindowController::~WindowController() = default;

bool WindowController::isSupportSession() const
{
    return m_session && m_session->isSignedIn() && m_session->account().role == Account::Role::Support;
}

void WindowController::show()
{
    if (m_flow->state() == SignInFlow::State::SignedIn && isSupportSession()) {
        showSupport();
        return;
    }
    if (m_flow->state() == SignInFlow::State::SignedIn) {
        if (m_support)
            m_support->hide();
        if (!m_main) {
            m_main = std::make_unique<MainWindow>(m_account, m_flow, m_session);
            m_main->setSettings(m_settings);
        }
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
    if (m_support)
        m_support->hide();
}

void WindowController::showSupport()
{
    if (!m_supportParts.console) {
        // After every other handler of this sign-in has run.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_flow->signOut();
                m_signIn->showNotice(tr("This is a support account, and this copy of Vigil has no support mode. "
                                        "Sign in with a customer account, or use the support build."));
            },
            Qt::QueuedConnection);
        return;
    }
    if (!m_support)
        m_support = std::make_unique<SupportWindow>(m_supportParts);
    // Another staff member on this computer: nothing of the last one's customer stays on screen.
    if (m_supportEmail != m_session->account().email)
        m_support->reset();
    m_supportEmail = m_session->account().email;
    if (m_main)
        m_main->hide();
    m_support->show();
    m_support->raise();
    m_support->activateWindow();
    m_signIn->hide();
}

} // namespace vigil
