// Start-up (app/Composition::showThen): the first window is on screen, saying what it waits for,
// before the keychain is read or anyone is signed in; the main window follows the sign-in.
#include "FakeNetworkAccessManager.h"
#include "SignInStack.h"
#include "app/Composition.h"
#include "app/HolderSession.h"
#include "core/auth/CredentialStore.h"
#include "ui/main/MainWindow.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QTest>

using namespace vigil;

class TestStartupLoading final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Icons::initResources(); }

    void windowComesFirstThenTheSavedSignIn()
    {
        SignInStack stack;
        const QUrl server(QStringLiteral("http://127.0.0.1:1"));
        const QString email = QStringLiteral("ana@example.com");
        stack.settings->setServerUrl(server);
        stack.settings->setLastEmail(email);
        stack.settings->setRememberSignIn(true);
        stack.store->setEntry(CredentialStore::refreshTokenKey(server, email), QStringLiteral("vrt_saved"));
        stack.nam->setHandler([](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/auth/refresh"))
                return FakeResponse::held(); // the sign-in is slow to answer
            if (request.path() == QLatin1String("/v1/me"))
                return FakeResponse::json(200, TestTokens::me(12, 4));
            return FakeResponse::error(404, "not_found");
        });
        Composition client(stack.nam.get(), stack.settings.get(), stack.store.get(), false);
        SignInFlow* flow = client.signInFlow();
        SignInWindow* signInWindow = client.signInWindow();
        const QString loading = QStringLiteral("Signing you in again…");

        client.showThen(loading, [flow] { flow->restore(); });
        // Nothing has started yet: the window comes first, in its loading state.
        QVERIFY(signInWindow->isVisible());
        QCOMPARE(signInWindow->busyText(), loading);
        QCOMPARE(flow->state(), SignInFlow::State::SignedOut);

        // Once it is on screen, the saved sign-in starts; the window says so while it runs.
        QVERIFY(QTest::qWaitForWindowExposed(signInWindow));
        QTRY_COMPARE(stack.nam->heldCount(), 1);
        QCOMPARE(flow->state(), SignInFlow::State::Restoring);
        QVERIFY(signInWindow->isVisible());
        QCOMPARE(signInWindow->busyText(), loading);
        QVERIFY(!client.holder());

        stack.nam->releaseHeld(
            FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"))));
        QTRY_COMPARE(flow->state(), SignInFlow::State::SignedIn);
        QVERIFY(client.holder());
        QVERIFY(QTest::qWaitForWindowExposed(client.holder()->window()));
        QVERIFY(!signInWindow->isVisible());
    }

    void nothingSavedShowsTheForm()
    {
        SignInStack stack;
        Composition client(stack.nam.get(), stack.settings.get(), stack.store.get(), false);
        bool begun = false;
        client.showThen(QStringLiteral("Signing you in again…"), [&begun] { begun = true; });
        QVERIFY(QTest::qWaitForWindowExposed(client.signInWindow()));
        QTRY_VERIFY(begun);
        // No saved sign-in after all: the form, not a spinner that never ends.
        QCOMPARE(client.signInWindow()->busyText(), QString());
        QCOMPARE(client.signInFlow()->state(), SignInFlow::State::SignedOut);
    }
};

QTEST_MAIN(TestStartupLoading)
#include "TestStartupLoading.moc"
