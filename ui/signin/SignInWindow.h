#pragma once

#include "core/auth/SignInFlow.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace vigil {

class AppSettings;
class InlineMessage;

// The first window: server, email, password and "Remember me", then a code step when the account
// uses 2-step verification. It renders SignInFlow's states and problems; it does no I/O itself.
class SignInWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInWindow)

public:
    SignInWindow(SignInFlow* flow, AppSettings* settings, QWidget* parent = nullptr);
    ~SignInWindow() override;

    // Fills in what the settings (or --server) say, and puts the focus on the first empty field.
    void prefill(const QString& server, const QString& email, bool remember);
    // Demo mode: shows the demo account's credentials and fills them in.
    void showDemo(const QString& server, const QString& email, const QString& password);
    // A problem that did not come from the flow (e.g. the demo service could not start).
    void showError(const QString& text);
    void showNotice(const QString& text);
    // Before start-up work (the demo service, the saved sign-in) has begun: says what is coming
    // instead of a form that is about to change. The flow's next state, or endLoading(), ends it.
    void showLoading(const QString& text);
    void endLoading();
    // The text shown while something runs, or an empty string when nothing does.
    QString busyText() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QWidget* buildCredentialsPage();
    QWidget* buildCodePage();
    void submit();
    void render(SignInFlow::State state);
    void onProblem(const SignInFlow::Problem& problem);
    void focusFirstEmpty();
    QWidget* fieldWidget(SignInFlow::Field field) const;

    SignInFlow* m_flow;
    AppSettings* m_settings;

    QLabel* m_heading = nullptr;
    InlineMessage* m_demo = nullptr;
    InlineMessage* m_notice = nullptr;
    QStackedWidget* m_steps = nullptr;
    QWidget* m_credentialsPage = nullptr;
    QLineEdit* m_server = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QPushButton* m_signIn = nullptr;
    QWidget* m_codePage = nullptr;
    QLabel* m_codePrompt = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_verify = nullptr;
    InlineMessage* m_error = nullptr;
    QWidget* m_busy = nullptr;
    QLabel* m_busyText = nullptr;
    QProgressBar* m_progress = nullptr;
    QString m_demoPassword; // filled in again after a sign-out in demo mode
};

} // namespace vigil
