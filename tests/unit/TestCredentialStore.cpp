#include "FakeCredentialStore.h"
#include "core/auth/KeychainCredentialStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyNamesServerAndAccount();
    void deviceCookieKeyNamesTheSameServerAndAccount();
    void fakeRoundTrip();
    void fakeAnswersLater();
    void fakeUnavailable();
    void fakeRespectsContext();
    void keychainWithoutSessionBusIsUnavailable();
    void keychainReadsADeviceCookieWithoutSessionBusAsUnavailable();

private:
    template <typename Result>
    static std::optional<Result> wait(const std::function<void(QObject*, std::function<void(const Result&)>)>& call)
    {
        QObject context;
        std::optional<Result> out;
        call(&context, [&out](const Result& result) { out = result; });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 10000))
            return std::nullopt;
        return out;
    }
};

void TestCredentialStore::keyNamesServerAndAccount()
{
    QCOMPARE(CredentialStore::refreshTokenKey(QUrl(QStringLiteral("http://127.0.0.1:8765")),
                                              QStringLiteral(" Demo@Vigil.test ")),
             QStringLiteral("refresh-token:http://127.0.0.1:8765/demo@vigil.test"));
    QCOMPARE(CredentialStore::refreshTokenKey(QUrl(QStringLiteral("https://vigil.example")), QStringLiteral("a@b.c")),
             QStringLiteral("refresh-token:https://vigil.example:443/a@b.c"));
    QCOMPARE(CredentialStore::serviceName, QLatin1String("Vigil"));
}

void TestCredentialStore::deviceCookieKeyNamesTheSameServerAndAccount()
{
    const QUrl server(QStringLiteral("http://127.0.0.1:8765"));
    const QString refresh = CredentialStore::refreshTokenKey(server, QStringLiteral(" Demo@Vigil.test "));
    const QString cookie = CredentialStore::deviceCookieKey(server, QStringLiteral(" Demo@Vigil.test "));
    QVERIFY(cookie.startsWith(QLatin1String("device-cookie:")));
    QCOMPARE(cookie.mid(cookie.indexOf(QLatin1Char(':'))), refresh.mid(refresh.indexOf(QLatin1Char(':'))));
    QVERIFY(cookie.endsWith(QLatin1String("/demo@vigil.test")));
    QVERIFY(cookie != CredentialStore::deviceCookieKey(server, QStringLiteral("other@vigil.test")));
    QVERIFY(cookie != CredentialStore::deviceCookieKey(QUrl(QStringLiteral("http://127.0.0.1:9999")),
                                                       QStringLiteral("demo@vigil.test")));
}

void TestCredentialStore::fakeRoundTrip()
{
    FakeCredentialStore store;
    const QString key = QStringLiteral("refresh-token:h:1/e@x");
    using Read = CredentialStore::ReadResult;
    using Write = CredentialStore::WriteResult;

    auto missing = wait<Read>([&](QObject* c, auto done) { store.read(key, c, done); });
    QVERIFY(missing && !*missing);
    QCOMPARE(missing->error().code(), CredentialError::Code::NotFound);

    auto written = wait<Write>([&](QObject* c, auto done) { store.write(key, QStringLiteral("vrt_1"), c, done); });
    QVERIFY(written && *written);
    auto read = wait<Read>([&](QObject* c, auto done) { store.read(key, c, done); });
    QVERIFY(read && *read);
    QCOMPARE(read->value(), QStringLiteral("vrt_1"));

    auto removed = wait<Write>([&](QObject* c, auto done) { store.remove(key, c, done); });
    QVERIFY(removed && *removed);
    auto removedAgain = wait<Write>([&](QObject* c, auto done) { store.remove(key, c, done); });
    QVERIFY(removedAgain && *removedAgain); // deleting nothing is fine
    QVERIFY(store.entries().isEmpty());
}

void TestCredentialStore::fakeAnswersLater()
{
    FakeCredentialStore store;
    QObject context;
    bool called = false;
    store.write(QStringLiteral("k"), QStringLiteral("s"), &context, [&called](const auto&) { called = true; });
    QVERIFY(!called); // never from inside the call, like the real keychain
    QTRY_VERIFY(called);
}

void TestCredentialStore::fakeUnavailable()
{
    FakeCredentialStore store;
    store.setMode(FakeCredentialStore::Mode::Unavailable);
    auto written = wait<CredentialStore::WriteResult>(
        [&](QObject* c, auto done) { store.write(QStringLiteral("k"), QStringLiteral("s"), c, done); });
    QVERIFY(written && !*written);
    QCOMPARE(written->error().code(), CredentialError::Code::Unavailable);
    QVERIFY(written->error().message().contains(QStringLiteral("keychain")));
    QVERIFY(store.entries().isEmpty());
}

void TestCredentialStore::fakeRespectsContext()
{
    FakeCredentialStore store;
    bool called = false;
    {
        QObject context;
        store.read(QStringLiteral("k"), &context, [&called](const auto&) { called = true; });
    }
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestCredentialStore::keychainWithoutSessionBusIsUnavailable()
{
    // No Secret Service reachable: the real store must answer with a typed "unavailable", promptly,
    // and must not fall back to writing the secret anywhere else.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/vigil-test-bus");
    KeychainCredentialStore store;
    auto written = wait<CredentialStore::WriteResult>([&](QObject* c, auto done) {
        store.write(QStringLiteral("refresh-token:127.0.0.1:1/test@vigil.test"), QStringLiteral("vrt_test"), c, done);
    });
    QVERIFY(written.has_value());
    QVERIFY(!*written);
    QVERIFY(written->error().code() != CredentialError::Code::NotFound);
    QVERIFY(!written->error().message().isEmpty());
}

void TestCredentialStore::keychainReadsADeviceCookieWithoutSessionBusAsUnavailable()
{
    // SignInFlow reads the cookie before every sign-in: without a keychain the read must answer
    // (not hang) with an error other than "not found", and the sign-in goes on without a cookie.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/vigil-test-bus");
    KeychainCredentialStore store;
    const QString key =
        CredentialStore::deviceCookieKey(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("test@vigil.test"));
    auto read = wait<CredentialStore::ReadResult>([&](QObject* c, auto done) { store.read(key, c, done); });
    QVERIFY(read.has_value());
    QVERIFY(!*read);
    QVERIFY(read->error().code() != CredentialError::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "TestCredentialStore.moc"
