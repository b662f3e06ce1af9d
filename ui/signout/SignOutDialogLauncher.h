#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace vigil {

class SignOutDialog;
class SignOutFlow;

// Opens the one sign-out dialog whenever a sign-out starts, whoever started it (a row's button,
// the details pane, "Sign Out of All Devices…" on the Overview): entry points only call
// SignOutFlow::start(). The dialog is non-modal, created on first use and reused.
class SignOutDialogLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutDialogLauncher)

public:
    // The dialog is a child window of `parentWidget` (which may be null in tests); the launcher is
    // owned by `parentWidget` too unless `parent` says otherwise.
    explicit SignOutDialogLauncher(SignOutFlow* flow, QWidget* parentWidget, QObject* parent = nullptr);
    ~SignOutDialogLauncher() override;

    // Null until a sign-out first started.
    SignOutDialog* dialog() const { return m_dialog; }
    // Whether there are results to show again (the flow is Reporting or Done).
    bool canShowResults() const;

Q_SIGNALS:
    // The dialog's "Email Me a Code…" (SignOutDialog::shortenWaitRequested).
    void shortenWaitRequested();

public Q_SLOTS:
    // Shows the dialog on the results page again after it was closed (PendingSignOutBanner's
    // resultsRequested()); false when there are no results to show.
    bool showResults();

private:
    void onStateChanged();
    SignOutDialog* ensureDialog();
    void present();

    SignOutFlow* m_flow;
    QPointer<QWidget> m_parentWidget;
    QPointer<SignOutDialog> m_dialog;
    bool m_ownsDialog = false;
};

} // namespace vigil
