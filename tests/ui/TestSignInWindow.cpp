#include "FakeCredentialStore.h"
#include "FakeNetworkAccessManager.h"
#include "SignInStack.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestSignInWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fieldsHaveAccessibleNames();
    void enterSubmits();
    void invalidCredentialsShowInlineError();
    void badServerAddressIsExplained();
    void codeStepOnMfaRequired();
    void busyStateDisablesInputs();
    void focusOrder();
    void demoShowsCredentials();
    void noKeychainNotice();

private:
    QLineEdit* edit(const QString& name) const { return findByName<QLineEdit>(m_window.get(), name); }
    QPushButton* button(const QString& name) const { return findByName<QPushButton>(m_window.get(), name); }
    QString visibleErrorText() const;
    // For looking at the window (and for docs/screenshots): VIGIL_SCREENSHOT_DIR=/some/dir.
    void screenshot(const QString& name) const
    {
        if (const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QStringLiteral("/signin-") + name + QStringLiteral(".png")));
    }
    bool labelShows(const QString& text) const
    {
        for (QLabel* label : m_window->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(text))
                return true;
        }
        return false;
    }
    void fill(const QString& password = QStringLiteral("vigil-demo-2026"));

    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<SignInWindow> m_window;
};

void TestSignInWindow::initTestCase()
{
    Icons::initResources();
}

void TestSignInWindow::init()
{
    m_stack = std::make_unique<SignInStack>();
    m_window = std::make_unique<SignInWindow>(m_stack->flow.get(), m_stack->settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
}

void TestSignInWindow::cleanup()
{
    m_window.reset();
    m_stack.reset();
}

QString TestSignInWindow::visibleErrorText() const
{
    const auto labels = m_window->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->isVisible() && label->accessibleName().startsWith(QLatin1String("Error: ")))
            return label->text();
    }
    return {};
}

void TestSignInWindow::fill(const QString& password)
{
    edit(QStringLiteral("Server address"))->setText(QStringLiteral("127.0.0.1:8765"));
    edit(QStringLiteral("Email"))->setText(QStringLiteral("demo@vigil.test"));
    edit(QStringLiteral("Password"))->setText(password);
}

void TestSignInWindow::fieldsHaveAccessibleNames()
{
    for (const char* name : {"Server address", "Email", "Password"})
        QVERIFY2(edit(QString::fromLatin1(name)), name);
    QVERIFY(findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember me")));
    QVERIFY(button(QStringLiteral("Sign In")));
    QCOMPARE(edit(QStringLiteral("Password"))->echoMode(), QLineEdit::Password);
    // The code step exists but is not shown before the service asks for it.
    QVERIFY(edit(QStringLiteral("Verification code")));
    QVERIFY(!edit(QStringLiteral("Verification code"))->isVisible());
    QVERIFY(findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember me"))->isChecked());
}

void TestSignInWindow::enterSubmits()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
    });
    fill();
    QTest::keyClick(edit(QStringLiteral("Password")), Qt::Key_Return);
    QTRY_COMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/login")), 1);
    QCOMPARE(m_stack->nam->requests().constFirst().json().value("password").toString(),
             QStringLiteral("vigil-demo-2026"));
    QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
    QVERIFY(edit(QStringLiteral("Password"))->text().isEmpty()); // not kept in the window after use

    // Enter in another field submits too (and a second Enter while signed in does nothing).
    QTest::keyClick(edit(QStringLiteral("Email")), Qt::Key_Enter);
    QTest::qWait(0);
    QCOMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/login")), 1);
}

void TestSignInWindow::invalidCredentialsShowInlineError()
{
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::error(401, "invalid_credentials"); });
    fill(QStringLiteral("wrong"));
    button(QStringLiteral("Sign In"))->click();
    QTRY_VERIFY(!visibleErrorText().isEmpty());
    QVERIFY2(visibleErrorText().contains(QStringLiteral("email or password is incorrect")),
             qPrintable(visibleErrorText()));
    QCOMPARE(m_stack->flow->state(), SignInFlow::State::SignedOut);
    QTRY_COMPARE(QApplication::focusWidget(), edit(QStringLiteral("Password")));
    QVERIFY(edit(QStringLiteral("Email"))->isEnabled());
    screenshot(QStringLiteral("error"));

    // The error goes away when the user tries again.
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
    fill();
    button(QStringLiteral("Sign In"))->click();
    QVERIFY(visibleErrorText().isEmpty());
}

void TestSignInWindow::badServerAddressIsExplained()
{
    fill();
    edit(QStringLiteral("Server address"))->setText(QStringLiteral("http://vigil.example"));
    button(QStringLiteral("Sign In"))->click();
    QVERIFY(visibleErrorText().contains(QStringLiteral("https://")));
    QCOMPARE(QApplication::focusWidget(), edit(QStringLiteral("Server address")));
    QVERIFY(m_stack->nam->requests().isEmpty());
}

void TestSignInWindow::codeStepOnMfaRequired()
{
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/auth/login"))
            return FakeResponse::json(403,
                                      QJsonObject{{"error", "mfa_required"},
                                                  {"message", "m"},
                                                  {"methods", QJsonArray{"totp"}},
                                                  {"mfa_token", "mfa_1"}});
        if (request.json().value("code").toString() == QLatin1String("123456"))
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
        return FakeResponse::error(401, "invalid_code");
    });
    fill();
    QTest::keyClick(edit(QStringLiteral("Password")), Qt::Key_Return);
    QLineEdit* code = edit(QStringLiteral("Verification code"));
    QTRY_VERIFY(code->isVisible());
    QVERIFY(!edit(QStringLiteral("Password"))->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), code);
    screenshot(QStringLiteral("code"));

    // Verify waits for a whole code; Enter before that sends nothing.
    QPushButton* verify = button(QStringLiteral("Verify"));
    QVERIFY(verify && !verify->isEnabled());
    QTest::keyClicks(code, QStringLiteral("12345"));
    QVERIFY(!verify->isEnabled());
    QTest::keyClick(code, Qt::Key_Return);
    QTest::qWait(0);
    QCOMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/mfa")), 0);
    // Letters other than those of recovery codes are refused as they are typed.
    QTest::keyClicks(code, QStringLiteral("#"));
    QCOMPARE(code->text(), QStringLiteral("12345"));
    code->clear();

    QTest::keyClicks(code, QStringLiteral("111111"));
    QVERIFY(verify->isEnabled());
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_VERIFY(visibleErrorText().contains(QStringLiteral("code isn't right")));
    QVERIFY(code->isVisible());

    code->clear();
    QTest::keyClicks(code, QStringLiteral("123456"));
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
    QCOMPARE(m_stack->nam->requests().last().json().value("mfa_token").toString(), QStringLiteral("mfa_1"));
}

void TestSignInWindow::busyStateDisablesInputs()
{
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
    fill();
    button(QStringLiteral("Sign In"))->click();
    QCOMPARE(m_stack->flow->state(), SignInFlow::State::SigningIn);
    for (const char* name : {"Server address", "Email", "Password"})
        QVERIFY2(!edit(QString::fromLatin1(name))->isEnabled(), name);
    QVERIFY(!findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember me"))->isEnabled());
    QVERIFY(!button(QStringLiteral("Sign In"))->isEnabled());
    auto* progress = findByName<QProgressBar>(m_window.get(), QStringLiteral("Working"));
    QVERIFY(progress && progress->isVisible());
    screenshot(QStringLiteral("busy"));

    // A second Enter while busy sends nothing more.
    QTest::keyClick(m_window.get(), Qt::Key_Return);
    QTest::qWait(0);
    QTRY_COMPARE(m_stack->nam->heldCount(), 1);
    QCOMPARE(m_stack->nam->count(QStringLiteral("/v1/auth/login")), 1);

    m_stack->nam->releaseHeld(FakeResponse::transport(QNetworkReply::ConnectionRefusedError));
    QTRY_VERIFY(edit(QStringLiteral("Email"))->isEnabled());
    QVERIFY(!progress->isVisible());
    QVERIFY(visibleErrorText().contains(QStringLiteral("can't reach the server")));
    QCOMPARE(QApplication::focusWidget(), edit(QStringLiteral("Server address")));
}

void TestSignInWindow::focusOrder()
{
    m_window->prefill(QString(), QString(), true);
    QLineEdit* server = edit(QStringLiteral("Server address"));
    QTRY_COMPARE(QApplication::focusWidget(), server);
    const QList<QWidget*> expected{edit(QStringLiteral("Email")),
                                   edit(QStringLiteral("Password")),
                                   findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember me")),
                                   button(QStringLiteral("Sign In")),
                                   server};
    for (QWidget* next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), next);
    }
}

void TestSignInWindow::demoShowsCredentials()
{
    m_window->showDemo(
        QStringLiteral("http://127.0.0.1:4000"), QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"));
    QVERIFY(labelShows(QStringLiteral("demo@vigil.test and the password vigil-demo-2026")));
    QCOMPARE(edit(QStringLiteral("Email"))->text(), QStringLiteral("demo@vigil.test"));
    auto* remember = findByName<QCheckBox>(m_window.get(), QStringLiteral("Remember me"));
    QVERIFY(!remember->isChecked());
    QVERIFY(!remember->isEnabled());
    screenshot(QStringLiteral("demo"));
}

void TestSignInWindow::noKeychainNotice()
{
    m_stack->store->setMode(FakeCredentialStore::Mode::Unavailable);
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
    });
    fill();
    button(QStringLiteral("Sign In"))->click();
    QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
    QTRY_VERIFY(labelShows(QStringLiteral("couldn't find a keychain")));
}

QTEST_MAIN(TestSignInWindow)
#include "TestSignInWindow.moc"
