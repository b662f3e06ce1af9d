#pragma once

#include <QObject>
#include <memory>

namespace vigil {

class AccountService;
class AppSettings;
class MainWindow;
class Session;
class SignInFlow;
class SignInWindow;

// Shows the sign-in window while signed out and the main window while signed in, following the
// SignInFlow; the main window is made on the first sign-in.
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
    // Shows the window that fits the flow's current state.
    void show();

private:
    SignInFlow* m_flow;
    Session* m_session;
    AccountService* m_account;
    std::unique_ptr<SignInWindow> m_signIn;
    std::unique_ptr<MainWindow> m_main;
};

} // namespace vigil
