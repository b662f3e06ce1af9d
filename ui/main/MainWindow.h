#pragma once

#include "ui/main/Section.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QToolButton;
class QAction;

namespace vigil {

class AccountService;
class ActivityPage;
class AppSettings;
class DevicesPage;
class HelpPage;
class InlineMessage;
class OverviewPage;
class PreferencesPage;
class ProfilesPage;
class SectionNavigator;
class SecurityPage;
class Session;
class SignInFlow;

// The signed-in window, settings-style: a sidebar of sections and the current section's page.
// Its pages are built, with their services, by whoever owns the sign-in (app/HolderSession); the
// window shows them and lets each one ask for another section.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // One page per Section; the window takes them all over.
    struct Pages
    {
        OverviewPage* overview = nullptr;
        DevicesPage* devices = nullptr;
        SecurityPage* security = nullptr;
        ProfilesPage* profiles = nullptr;
        ActivityPage* activity = nullptr;
        PreferencesPage* preferences = nullptr;
        HelpPage* help = nullptr;
        // The pages' requests for another section, which the window follows.
        SectionNavigator* navigator = nullptr;
    };

    MainWindow(
        const Pages& pages, AccountService* account, SignInFlow* flow, Session* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showSection(Section section);
    Section currentSection() const;
    QWidget* page(Section section) const;
    const Pages& pages() const { return m_pageSet; }
    static QString label(Section section);
    // An extra entry in the account menu, above "Sign Out of Vigil" (e.g. the demo inbox).
    void addAccountMenuAction(QAction* action);
    // Where the window keeps its size and place between runs: it opens as it was left when that
    // still fits the screen, and fitted to the screen otherwise.
    void setSettings(AppSettings* settings);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void buildSidebar();
    void buildAccountMenu();
    void connectPages();
    void updateAccount();
    void fitToScreen();
    bool fitsScreen() const;
    void saveGeometryToSettings();

    Pages m_pageSet;
    AccountService* m_account;
    SignInFlow* m_flow;
    Session* m_session;
    AppSettings* m_settings = nullptr;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    InlineMessage* m_banner = nullptr; // e.g. "no keychain: this sign-in won't be remembered"
    QToolButton* m_accountButton = nullptr;
    QAction* m_accountEmail = nullptr;
    QAction* m_signOut = nullptr;
};

} // namespace vigil
