#pragma once

#include "ui/main/Section.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QToolButton;
class QAction;

namespace vigil {

class AccountService;
class AppSettings;
class InlineMessage;
class Session;
class SignInFlow;

// The signed-in window, settings-style: a sidebar of sections and the current section's page.
// It only wires pages together; each page talks to core on its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(AccountService* account, SignInFlow* flow, Session* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showSection(Section section);
    Section currentSection() const;
    QWidget* page(Section section) const;
    // Puts a richer page in a section's place (the old one is deleted).
    void replacePage(Section section, QWidget* page);
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
    void connectPage(QWidget* page);
    void updateAccount();
    void fitToScreen();
    bool fitsScreen() const;
    void saveGeometryToSettings();

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
