#pragma once

#include <QDialog>
#include <functional>

namespace vigil {

class StepUpFlow;
class VerificationPage;

// "Confirm It's You" before a sensitive action (password, 2-step, support code): a dialog around
// VerificationPage rendering a StepUpFlow. It accepts as soon as the flow is Verified.
class StepUpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepUpDialog)

public:
    // `reason` says why Vigil asks ("Before Vigil turns off the authenticator app, confirm that it's
    // you.").
    StepUpDialog(StepUpFlow* flow, const QString& reason, QWidget* parent = nullptr);
    ~StepUpDialog() override;

    VerificationPage* page() const { return m_page; }

    // Runs `onVerified` at once while the step-up token is valid; otherwise opens a dialog (window
    // modal, deleted on close) and runs it after a successful verification. Cancelling runs nothing.
    // Returns the dialog, or nullptr when none was needed.
    static StepUpDialog*
    ensure(QWidget* parent, StepUpFlow* flow, const QString& reason, std::function<void()> onVerified);

public Q_SLOTS:
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void followState();

    StepUpFlow* m_flow;
    VerificationPage* m_page;
};

} // namespace vigil
