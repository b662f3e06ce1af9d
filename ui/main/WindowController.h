#pragma once

#include "ui/support/SupportWindow.h"

#include <QObject>
#include <memory>

namespace vigil {

class AccountService;
class AppSettings;
class MainWindow;
class Session;
class SignInFlow;
class SignInWindow;

// Shows the sign-in window while signed out and, while signed in, the main window for account
// holders or the support window for support staff (the account's role), following the SignInFlow.
// Each window is made on the first sign-in that needs it.
class WindowController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowController)

public:
    WindowController(
        SignInFlow* flow, Session* session, AccountService* account, AppSettings* settings, QObject* parent = nullptr);
    ~WindowController() override;

    SignInWindow* signInWindow() const { return m_signIn.get(); }
    MainWindow* mainWindow() const { return m_main.get(); }
    SupportWindow* supportWindow() const { return m_support.get(); }
    // What the support window is made of; without it a support sign-in is signed out again with a
    // notice (this build cannot show support mode).
    void setSupportParts(const SupportWindow::Parts& parts) { m_supportParts = parts; }
    // Whether the signed-in account is support staff.
    bool isSupportSession() const;
    // Shows the window that fits the flow's current state.
    void show();

private:
    void showSupport();

    SignInFlow* m_flow;
    Session* m_session;
    AccountService* m_account;
    AppSettings* m_settings; // where the main window keeps its geometry
    std::unique_ptr<SignInWindow> m_signIn;
    std::unique_ptr<MainWindow> m_main;
    SupportWindow::Parts m_supportParts;
    std::unique_ptr<SupportWindow> m_support;
    QString m_supportEmail; // whose support window it is: another staff member starts afresh
};

} // namespace vigil
