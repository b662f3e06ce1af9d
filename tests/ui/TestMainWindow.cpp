#include "FakeCredentialStore.h"
#include "FakeNetworkAccessManager.h"
#include "SignInStack.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "app/Composition.h"
#include "app/HolderSession.h"
#include "core/account/AccountService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"
#include "core/util/EnglishPlurals.h"
#include "ui/main/MainWindow.h"
#include "ui/pages/HelpPage.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/PageHeader.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace vigil;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sidebarListsSections();
    void sidebarSwitchesPages();
    void overviewShowsAccount();
    void overviewErrorHasRetry();
    void helpLinksOpenSections();
    void signOutFromPreferences();
    void signOutFromAccountMenu();
    void noKeychainBanner();

private:
    void signIn();
    QString currentTitle() const;

    std::unique_ptr<SignInStack> m_stack;
    // The app's own composition over the stack's fake network, keychain and settings (its own
    // Session, ApiClient and SignInFlow; the stack's are not used).
    std::unique_ptr<Composition> m_client;
    SignInFlow* m_flow = nullptr;
    QPointer<AccountService> m_account;
    QPointer<MainWindow> m_window;
    int m_meStatus = 200;
};

void TestMainWindow::initTestCase()
{
    Icons::initResources();
    QCoreApplication::installTranslator(new EnglishPlurals(this));
}

void TestMainWindow::init()
{
    m_meStatus = 200;
    m_stack = std::make_unique<SignInStack>();
    m_stack->nam->setHandler([this](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/login"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
        if (request.path() == QLatin1String("/v1/me"))
            return m_meStatus == 200 ? FakeResponse::json(200, TestTokens::me(12, 4))
                                     : FakeResponse::raw(m_meStatus, "<html>oops</html>");
        if (request.path() == QLatin1String("/v1/auth/logout"))
            return FakeResponse::raw(204, {});
        return FakeResponse::error(404, "not_found");
    });
    m_client = std::make_unique<Composition>(m_stack->nam.get(), m_stack->settings.get(), m_stack->store.get(), false);
    m_flow = m_client->signInFlow();
}

void TestMainWindow::cleanup()
{
    m_client.reset();
    m_stack.reset();
}

void TestMainWindow::signIn()
{
    m_client->show();
    // Port 1: the fake network answers every HTTP request, and the session's event stream (a
    // WebSocket, not on the fake network) finds nobody there instead of somebody's real service.
    m_flow->signIn(
        {QStringLiteral("127.0.0.1:1"), QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"), true});
    QTRY_COMPARE(m_flow->state(), SignInFlow::State::SignedIn);
    QVERIFY(m_client->holder());
    m_account = m_client->holder()->account();
    m_window = m_client->holder()->window();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.data()));
}

QString TestMainWindow::currentTitle() const
{
    auto* pages = m_window->findChild<QStackedWidget*>();
    const auto headers = m_window->page(m_window->currentSection())->findChildren<PageHeader*>();
    return pages && !headers.isEmpty() ? headers.constFirst()->title() : QString();
}

void TestMainWindow::sidebarListsSections()
{
    signIn();
    auto* sidebar = findByName<QListWidget>(m_window.get(), QStringLiteral("Sections"));
    QVERIFY(sidebar);
    const QStringList expected{"Overview", "Devices", "Security", "Profiles", "Activity", "Preferences", "Help"};
    QCOMPARE(sidebar->count(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(sidebar->item(i)->text(), expected.at(i));
        QVERIFY2(!sidebar->item(i)->icon().isNull(), qPrintable(expected.at(i)));
    }
    QCOMPARE(sidebar->currentRow(), 0);
    QCOMPARE(currentTitle(), QStringLiteral("Overview"));
}

void TestMainWindow::sidebarSwitchesPages()
{
    signIn();
    auto* sidebar = findByName<QListWidget>(m_window.get(), QStringLiteral("Sections"));
    for (int i = sidebar->count() - 1; i >= 0; --i) {
        QListWidgetItem* item = sidebar->item(i);
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(item).center());
        QCOMPARE(int(m_window->currentSection()), i);
        QVERIFY(m_window->page(Section(i))->isVisible());
        QCOMPARE(currentTitle(), item->text()); // the page title repeats the sidebar label
        // For looking at the pages (and for docs/screenshots): VIGIL_SCREENSHOT_DIR=/some/dir.
        if (const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QStringLiteral("/page-") + item->text().toLower() + ".png"));
    }
    // Keyboard: arrows move through the sections.
    sidebar->setFocus();
    QTest::keyClick(sidebar, Qt::Key_Down);
    QCOMPARE(m_window->currentSection(), Section::Devices);
    QCOMPARE(currentTitle(), QStringLiteral("Devices"));
}

void TestMainWindow::overviewShowsAccount()
{
    signIn();
    auto* devices = findByName<QLabel>(m_window->page(Section::Overview), QStringLiteral("Signed-in devices"));
    QVERIFY(devices);
    QTRY_VERIFY(devices->isVisible());
    // One label by that name in the whole window, so tools that find it by name find this one.
    int named = 0;
    for (QLabel* label : m_window->findChildren<QLabel*>())
        named += label->accessibleName() == QLatin1String("Signed-in devices") ? 1 : 0;
    QCOMPARE(named, 1);
    QVERIFY2(devices->text().contains(QStringLiteral("12")), qPrintable(devices->text()));
    auto* name = findByName<QLabel>(m_window.get(), QStringLiteral("Account name"));
    QCOMPARE(name->text(), QStringLiteral("Demo Household"));
    QCOMPARE(findByName<QLabel>(m_window.get(), QStringLiteral("Account email"))->text(),
             QStringLiteral("demo@vigil.test"));
    QWidget* overview = m_window->page(Section::Overview);
    QCOMPARE(findByName<QLabel>(overview, QStringLiteral("Profiles"))->text(), QStringLiteral("4"));
    QCOMPARE(findByName<QLabel>(overview, QStringLiteral("2-step verification"))->text(), QStringLiteral("On"));
    QVERIFY(devices->accessibleDescription().contains(QStringLiteral("12 devices signed in")));
    QCOMPARE(m_stack->nam->requests().last().header("Authorization"), QByteArray("Bearer vat_1"));
}

void TestMainWindow::overviewErrorHasRetry()
{
    m_meStatus = 502;
    signIn();
    auto* retry = findByName<QPushButton>(m_window->page(Section::Overview), QStringLiteral("Retry"));
    QVERIFY(retry);
    QTRY_VERIFY(retry->isVisible());
    QCOMPARE(m_account->state(), AccountService::State::Failed);
    m_meStatus = 200;
    retry->click();
    auto* devices = findByName<QLabel>(m_window.get(), QStringLiteral("Signed-in devices"));
    QTRY_VERIFY(devices->isVisible());
    QCOMPARE(devices->text(), QStringLiteral("12"));
    QVERIFY(!retry->isVisible());
    QCOMPARE(m_stack->nam->count(QStringLiteral("/v1/me")), 2);
}

void TestMainWindow::helpLinksOpenSections()
{
    signIn();
    m_window->showSection(Section::Help);
    HelpPage* help = m_window->pages().help;
    QVERIFY(help);
    const QString text = help->plainText();
    QVERIFY(text.contains(QStringLiteral("Questions and Answers")));
    QVERIFY(text.contains(QStringLiteral("7. Keep an eye on your account's activity")));
    auto* browser = help->findChild<QTextBrowser*>();
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("vigil:section/devices")));
    QCOMPARE(m_window->currentSection(), Section::Devices);
    auto* sidebar = findByName<QListWidget>(m_window.get(), QStringLiteral("Sections"));
    QCOMPARE(sidebar->currentRow(), int(Section::Devices));
}

void TestMainWindow::signOutFromPreferences()
{
    signIn();
    const QString key = QStringLiteral("refresh-token:http://127.0.0.1:1/demo@vigil.test");
    QTRY_VERIFY(m_stack->store->entries().contains(key));
    m_window->showSection(Section::Preferences);
    auto* signOut = findByName<QPushButton>(m_window.get(), QStringLiteral("Sign Out of Vigil"));
    QVERIFY(signOut);
    QVERIFY(signOut->isVisible());
    signOut->click();
    QCOMPARE(m_flow->state(), SignInFlow::State::SignedOut);
    QVERIFY(!m_client->session()->isSignedIn());
    QVERIFY(!m_window->isVisible());
    QVERIFY(m_client->signInWindow()->isVisible());
    QTRY_VERIFY(!m_stack->store->entries().contains(key));
    QTRY_COMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/logout")), 1);
    // The sign-in's account overview went with it.
    QTRY_VERIFY(!m_account);
    QVERIFY(!m_window);
}

void TestMainWindow::signOutFromAccountMenu()
{
    signIn();
    auto* accountButton = findByName<QToolButton>(m_window.get(), QStringLiteral("Account"));
    QVERIFY(accountButton);
    QTRY_COMPARE(accountButton->text(), QStringLiteral("Demo Household"));
    QAction* signOut = nullptr;
    for (QAction* action : accountButton->menu()->actions())
        signOut = action->text() == QLatin1String("Sign Out of Vigil") ? action : signOut;
    QVERIFY(signOut);
    signOut->trigger();
    QCOMPARE(m_flow->state(), SignInFlow::State::SignedOut);
    QVERIFY(!m_client->session()->isSignedIn());
}

void TestMainWindow::noKeychainBanner()
{
    m_stack->store->setMode(FakeCredentialStore::Mode::Unavailable);
    signIn();
    const auto shown = [this] {
        for (QLabel* label : m_window->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(QStringLiteral("couldn't find a keychain")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(shown());
    m_window->showSection(Section::Preferences);
    auto* remember = findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember sign-in on this computer"));
    QVERIFY(remember);
    QVERIFY(!remember->isChecked());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
