#include "SignInStack.h"
#include "TestTokens.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using State = SignInFlow::State;
using Field = SignInFlow::Field;

namespace {

const QString email = QStringLiteral("demo@vigil.test");

} // namespace

// Signing in again from the saved sign-in when someone else wrote the settings file: the saved
// server address is only trusted after the same checks as a typed one, and the keychain entry of
// one scheme is never used for another.
class TestSignInRestore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SignInStack> m_stack;

    // The settings say `server`; the keychain holds a token saved for `savedFor`; any request is
    // answered as if the refresh worked, so only the flow's own checks can stop it.
    void prepare(const QString& server, const QUrl& savedFor)
    {
        m_stack->settings->setServerUrl(QUrl(server));
        m_stack->settings->setLastEmail(email);
        m_stack->settings->setRememberSignIn(true);
        m_stack->store->setEntry(CredentialStore::refreshTokenKey(savedFor, email), QStringLiteral("vrt_saved"));
        m_stack->nam->setHandler([](const FakeRequest&) {
            return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_r"), QStringLiteral("vrt_rotated")));
        });
    }

private Q_SLOTS:
    void init() { m_stack = std::make_unique<SignInStack>(); }
    void cleanup() { m_stack.reset(); }

    void plainHttpToARemoteServerIsRefused_data()
    {
        QTest::addColumn<QString>("server");
        // The token of https://vigil.example, asked for over plain http on the same port.
        QTest::newRow("same host and port") << QStringLiteral("http://vigil.example:443");
        QTest::newRow("another host") << QStringLiteral("http://evil.example");
        QTest::newRow("not http at all") << QStringLiteral("ftp://vigil.example");
    }

    void plainHttpToARemoteServerIsRefused()
    {
        QFETCH(QString, server);
        prepare(server, QUrl(QStringLiteral("https://vigil.example")));
        prepare(server, QUrl(server)); // and one filed under the address the settings name
        QSignalSpy problems(m_stack->flow.get(), &SignInFlow::problemOccurred);
        m_stack->flow->restore();
        QCOMPARE(problems.count(), 1);
        const auto problem = problems.constFirst().constFirst().value<SignInFlow::Problem>();
        QCOMPARE(problem.field, Field::Server);
        QVERIFY2(problem.message.contains(QStringLiteral("sign in again")), qPrintable(problem.message));
        // Nothing was sent, not even after the keychain would have answered; sign in again.
        QCoreApplication::processEvents();
        QCOMPARE(m_stack->flow->state(), State::SignedOut);
        QVERIFY(m_stack->nam->requests().isEmpty());
        QVERIFY(!m_stack->session->isSignedIn());
    }

    void aTokenSavedForHttpsIsNotReadForHttp()
    {
        // This computer may use http, but not with the token of its https service on that port.
        prepare(QStringLiteral("http://127.0.0.1:8443"), QUrl(QStringLiteral("https://127.0.0.1:8443")));
        m_stack->flow->restore();
        QTRY_COMPARE(m_stack->flow->state(), State::SignedOut);
        QVERIFY(m_stack->nam->requests().isEmpty());
    }

    void aValidSavedAddressStillRestores()
    {
        prepare(QStringLiteral("https://vigil.example/"), QUrl(QStringLiteral("https://vigil.example")));
        m_stack->flow->restore();
        QTRY_COMPARE(m_stack->flow->state(), State::SignedIn);
        QCOMPARE(m_stack->nam->requests().size(), 1);
        QCOMPARE(m_stack->nam->requests().constFirst().json().value(QStringLiteral("refresh_token")).toString(),
                 QStringLiteral("vrt_saved"));
        QCOMPARE(m_stack->api->baseUrl(), QUrl(QStringLiteral("https://vigil.example")));
    }
};

QTEST_GUILESS_MAIN(TestSignInRestore)
#include "TestSignInRestore.moc"
