// WindowController picks the window by the signed-in account's role: the support window for
// support staff, the main window for holders, the sign-in window after either signs out.
#include "SignInStack.h"
#include "TestTokens.h"
#include "core/account/AccountService.h"
#include "core/auth/SignInFlow.h"
#include "core/support/SupportConsole.h"
#include "core/util/EnglishPlurals.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WindowController.h"
#include "ui/signin/SignInWindow.h"
#include "ui/support/SupportHeaderBar.h"
#include "ui/support/SupportWindow.h"
#include "ui/widgets/Icons.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace vigil;

class TestSupportWindowController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init()
    {
        m_role = QStringLiteral("support");
        m_stack = std::make_unique<SignInStack>();
        m_stack->nam->setHandler([this](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/auth/login")) {
                QJsonObject pair = TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"));
                QJsonObject account = TestTokens::account(QStringLiteral("ada.support@vigil.test"));
                account.insert(QStringLiteral("role"), m_role);
                account.insert(QStringLiteral("display_name"), QStringLiteral("Ada (Support)"));
                pair.insert(QStringLiteral("account"), account);
                return FakeResponse::json(200, pair);
            }
            if (request.path() == QLatin1String("/v1/auth/logout"))
                return FakeResponse::raw(204, {});
            return FakeResponse::error(403, "forbidden");
        });
        m_account = std::make_unique<AccountService>(m_stack->api.get(), m_stack->session.get());
        m_console = std::make_unique<SupportConsole>(m_stack->api.get(), m_stack->session.get());
        m_windows = std::make_unique<WindowController>(
            m_stack->flow.get(), m_stack->session.get(), m_account.get(), m_stack->settings.get());
    }
    void cleanup()
    {
        m_windows.reset();
        m_console.reset();
        m_account.reset();
        m_stack.reset();
    }

    void supportAccountOpensSupportMode()
    {
        m_windows->setSupportParts({m_console.get(), nullptr, m_stack->flow.get(), m_stack->session.get()});
        m_windows->show();
        signIn();
        QVERIFY(m_windows->isSupportSession());
        SupportWindow* support = m_windows->supportWindow();
        QVERIFY(support);
        QTRY_VERIFY(support->isVisible());
        QCOMPARE(support->windowTitle(), QStringLiteral("Vigil — Support Mode"));
        QVERIFY(support->headerBar()->text().contains(QLatin1String("signed in as Ada (Support)")));
        QVERIFY(!m_windows->mainWindow());
        QVERIFY(!m_windows->signInWindow()->isVisible());

        m_stack->flow->signOut();
        QTRY_VERIFY(m_windows->signInWindow()->isVisible());
        QVERIFY(!support->isVisible());
    }

    void holderAccountOpensTheMainWindow()
    {
        m_role = QStringLiteral("holder");
        m_windows->setSupportParts({m_console.get(), nullptr, m_stack->flow.get(), m_stack->session.get()});
        m_windows->show();
        signIn();
        QVERIFY(!m_windows->isSupportSession());
        QVERIFY(m_windows->mainWindow());
        QTRY_VERIFY(m_windows->mainWindow()->isVisible());
        QVERIFY(!m_windows->supportWindow());
    }

    void withoutSupportPartsASupportSignInIsUndone()
    {
        m_windows->show();
        m_stack->flow->signIn({QStringLiteral("127.0.0.1:8765"),
                               QStringLiteral("ada.support@vigil.test"),
                               QStringLiteral("vigil-support-2026"),
                               false});
        QSignalSpy signedIn(m_stack->session.get(), &Session::signedIn);
        QTRY_COMPARE(signedIn.count(), 1);
        QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedOut);
        QVERIFY(!m_stack->session->isSignedIn());
        QVERIFY(!m_windows->supportWindow());
        QVERIFY(!m_windows->mainWindow());
        QVERIFY(m_windows->signInWindow()->isVisible());
        bool told = false;
        const auto labels = m_windows->signInWindow()->findChildren<QLabel*>();
        for (const QLabel* label : labels)
            told = told || (label->isVisible() && label->text().contains(QLatin1String("support account")));
        QVERIFY(told);
    }

private:
    void signIn()
    {
        m_stack->flow->signIn({QStringLiteral("127.0.0.1:8765"),
                               QStringLiteral("ada.support@vigil.test"),
                               QStringLiteral("vigil-support-2026"),
                               false});
        QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
    }

    QString m_role;
    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<AccountService> m_account;
    std::unique_ptr<SupportConsole> m_console;
    std::unique_ptr<WindowController> m_windows;
};

QTEST_MAIN(TestSupportWindowController)
#include "TestSupportWindowController.moc"
