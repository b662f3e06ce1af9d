#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace vigil {

class InlineMessage;
class SecurityKeyPrompt;
class SecurityKeyRegistrationFlow;
class StepUpFlow;

// "Add a Security Key": renders a SecurityKeyRegistrationFlow (the step-up is already done): insert
// and touch the key, its PIN when it asks, then a name for it. Closes by itself only on Cancel
// or Done; a problem stays on screen with "Try Again".
class AddSecurityKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddSecurityKeyDialog)

public:
    // `stepUp`: to confirm again when the verification expired on the way.
    AddSecurityKeyDialog(SecurityKeyRegistrationFlow* flow, StepUpFlow* stepUp, QWidget* parent = nullptr);
    ~AddSecurityKeyDialog() override;

    SecurityKeyPrompt* prompt() const { return m_prompt; }
    QLineEdit* nameField() const { return m_name; }
    QPushButton* primaryButton() const { return m_primary; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* doneLabel() const { return m_done; }
    InlineMessage* problem() const { return m_problem; }

public Q_SLOTS:
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void primary();
    void retry();

    SecurityKeyRegistrationFlow* m_flow;
    StepUpFlow* m_stepUp;
    QStackedWidget* m_steps;
    QWidget* m_keyStep;
    SecurityKeyPrompt* m_prompt;
    QWidget* m_nameStep;
    QLineEdit* m_name;
    QLabel* m_done;
    InlineMessage* m_problem;
    QProgressBar* m_busy;
    QPushButton* m_cancel;
    QPushButton* m_primary;
};

} // namespace vigil
