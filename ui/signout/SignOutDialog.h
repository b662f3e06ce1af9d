#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace vigil {

class SignOutConfirmationPage;
class SignOutFlow;
class SignOutResultsView;
class VerificationPage;

// The one window of a sign-out. It follows SignOutFlow's state (confirmation, verification,
// "Signing out…", results, failure) and closes itself when the flow goes back to Idle or to the
// sign-in screen. Closing it (Esc, Close) cancels the flow before Submitting and finishes it while
// Reporting; the results stay in the flow, so the dialog can be shown again on them.
class SignOutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutDialog)

public:
    enum class Page
    {
        Confirmation,
        Verification,
        Submitting,
        Results,
        Failed,
    };
    Q_ENUM(Page)

    explicit SignOutDialog(SignOutFlow* flow, QWidget* parent = nullptr);
    ~SignOutDialog() override;

    SignOutFlow* flow() const { return m_flow; }
    Page currentPage() const;
    SignOutConfirmationPage* confirmationPage() const { return m_confirmation; }
    VerificationPage* verificationPage() const { return m_verification; }
    SignOutResultsView* resultsView() const { return m_results; }

    // Close, Esc, the window's close button: see the class comment. While Submitting the request
    // cannot be taken back, so the dialog stays until the answer arrives.
    void reject() override;

Q_SIGNALS:
    // "Email Me a Code…" on a session_too_new refusal that offers it (every device is new).
    void shortenWaitRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildSubmittingPage();
    QWidget* buildFailedPage();
    void followState();
    void refreshFailed();
    void focusPage();
    void closeQuietly();

    SignOutFlow* m_flow;
    QStackedWidget* m_pages;
    SignOutConfirmationPage* m_confirmation;
    VerificationPage* m_verification;
    QWidget* m_submitting = nullptr;
    SignOutResultsView* m_results;
    QWidget* m_failed = nullptr;
    QLabel* m_failedReason = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_emailCode = nullptr;
    QPushButton* m_failedClose = nullptr;
};

} // namespace vigil
