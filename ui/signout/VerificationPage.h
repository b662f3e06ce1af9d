#pragma once

#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace vigil {

class InlineMessage;
class SecurityKeyPrompt;
class StepUpFlow;

// "Confirm It's You": the step-up before a sign-out or any other sensitive action. First the method (ChoosingMethod),
// then the password or code (Verifying), with the masked destination, a resend countdown, attempts left and the flow's
// problem as an inline message with its live countdown. It only renders the flow and forwards what the user does; the
// flow decides.
class VerificationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationPage)

public:
    explicit VerificationPage(StepUpFlow* flow, QWidget* parent = nullptr);
    ~VerificationPage() override;

    // Verify while entering a secret, Continue while choosing a method.
    QPushButton* defaultButton() const;
    // Where the keyboard starts on this page.
    QWidget* initialFocusWidget() const;
    QLineEdit* secretField() const { return m_input; }
    // Verifying with a security key: insert, touch, PIN, and why it stopped.
    SecurityKeyPrompt* securityKeyPrompt() const { return m_key; }
    // Why Vigil asks ("Before Vigil signs devices out, confirm that it's you.") and what Verify
    // then does, for assistive technology.
    void setPurpose(const QString& intro, const QString& verifyDescription);

Q_SIGNALS:
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void buildChoice();
    void buildEntry();
    void refresh();
    void refreshMethods();
    void refreshEntry();
    void refreshProblem();
    void configureInput();
    QString selectedMethod() const;
    void continueWithMethod();
    void submit();

    StepUpFlow* m_flow;
    QLabel* m_intro;
    InlineMessage* m_problem;
    QProgressBar* m_busy;
    QStackedWidget* m_steps;

    QWidget* m_choice;
    QGroupBox* m_methodBox;
    QVBoxLayout* m_methodLayout;
    QButtonGroup* m_methods;
    QStringList m_methodIds;
    QPushButton* m_continue;
    QPushButton* m_cancelChoice;

    QWidget* m_entry;
    QLabel* m_methodTitle;
    QLabel* m_prompt;
    QLineEdit* m_input;
    QLabel* m_attempts;
    SecurityKeyPrompt* m_key;
    QPushButton* m_resend;
    QPushButton* m_anotherMethod;
    QPushButton* m_verify;
    QPushButton* m_cancelEntry;
    QString m_configuredMethod;
};

} // namespace vigil
