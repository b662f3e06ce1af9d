#pragma once

#include "core/support/SupportCustomer.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace vigil {

class ActivityPage;
class DevicesPage;
class InlineMessage;
class Session;
class SignInFlow;
class SignOutActions;
class SignOutDialogLauncher;
class SignOutFlow;
class SupportCodeDialog;
class SupportConsole;
class SupportHeaderBar;
class SupportOverviewPage;
class SupportReasonDialog;
class SupportSearchPanel;
class SupportSignOutSender;

// Vigil in support mode, for staff signed in with a support account: the coloured header, the
// customer search, and the open customer's Overview, Devices and Activity, read-only and masked.
// A reason is asked once per customer and shown for as long as the customer is open; signing the
// customer's devices out needs the customer's one-time code and runs through the holder's own
// SignOutFlow, confirmation dialog and results panel.
//
// The reason: the service wants one for the search too (it shows masked customer data), so the
// first one is asked when searching, and covers the search and the first customer opened from it;
// any other customer, or a new search after that, asks again.
class SupportWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportWindow)

public:
    struct Parts
    {
        SupportConsole* console = nullptr;
        // A SignOutFlow of support mode's own (not the holder's), sending to the support route.
        SignOutFlow* signOut = nullptr;
        // How that flow sends: given the customer's code before each sign-out.
        SupportSignOutSender* signOutSender = nullptr;
        SignInFlow* signIn = nullptr; // "Sign Out of Vigil"
        Session* session = nullptr;   // the staff member's name
    };

    explicit SupportWindow(const Parts& parts, QWidget* parent = nullptr);
    ~SupportWindow() override;

    SupportHeaderBar* headerBar() const { return m_header; }
    SupportSearchPanel* searchPanel() const { return m_search; }
    QTabWidget* customerTabs() const { return m_tabs; }
    SupportOverviewPage* overviewPage() const { return m_overview; }
    DevicesPage* devicesPage() const { return m_devices; }
    ActivityPage* activityPage() const { return m_activity; }
    QLabel* reasonLabel() const { return m_reason; }
    QPushButton* codeSignOutButton() const { return m_codeSignOut; }
    QPushButton* closeCustomerButton() const { return m_closeCustomer; }
    // The dialog waiting for an answer, if any (non-modal, so tests and screen readers reach it).
    SupportReasonDialog* reasonDialog() const;
    SupportCodeDialog* codeDialog() const;
    SignOutDialogLauncher* signOutLauncher() const { return m_launcher; }

private:
    QWidget* buildCustomerArea();
    void searchFor(const QString& query);
    void choose(const SupportCustomer& customer);
    void askReason(const QString& about, std::function<void(const QString&)> then);
    void openCustomer(const SupportCustomer& customer, const QString& reason);
    void render();
    void openCodeDialog();
    void followSignOut();
    void updateCodeSignOut();

    Parts m_parts;
    SupportHeaderBar* m_header;
    SupportSearchPanel* m_search;
    QStackedWidget* m_customerStack = nullptr;
    QLabel* m_customerTitle = nullptr;
    QLabel* m_reason = nullptr;
    QPushButton* m_codeSignOut = nullptr;
    QPushButton* m_closeCustomer = nullptr;
    InlineMessage* m_signOutMessage = nullptr;
    QTabWidget* m_tabs = nullptr;
    SupportOverviewPage* m_overview = nullptr;
    DevicesPage* m_devices = nullptr;
    ActivityPage* m_activity = nullptr;
    SignOutActions* m_actions = nullptr;
    SignOutDialogLauncher* m_launcher = nullptr;
    QPointer<SupportReasonDialog> m_reasonDialog;
    QPointer<SupportCodeDialog> m_codeDialog;
    // The reason given at the last search, until a customer is opened with it.
    QString m_lookupReason;
    QString m_lastCodeProblem;
};

} // namespace vigil
