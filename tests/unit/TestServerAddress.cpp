#include "core/account/AccountOverview.h"
#include "core/api/ServerAddress.h"

#include <QJsonDocument>
#include <QTest>

using namespace vigil;
using Problem = ServerAddress::Problem;

class TestServerAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void overviewParsing();
};

void TestServerAddress::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url");
    QTest::newRow("loopback without scheme") << "127.0.0.1:8765"
                                             << "http://127.0.0.1:8765";
    QTest::newRow("localhost") << " localhost:9000 "
                               << "http://localhost:9000";
    QTest::newRow("ipv6 loopback") << "http://[::1]:8765/"
                                   << "http://[::1]:8765";
    QTest::newRow("remote without scheme") << "vigil.example"
                                           << "https://vigil.example";
    QTest::newRow("https with path") << "https://example.org/vigil"
                                     << "https://example.org/vigil";
}

void TestServerAddress::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, url);
    const auto parsed = ServerAddress::parse(input);
    QVERIFY(parsed);
    QCOMPARE(parsed.value().toString(), url);
}

void TestServerAddress::refused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Problem>("problem");
    QTest::newRow("empty") << "   " << Problem::Empty;
    QTest::newRow("plain http remote") << "http://vigil.example" << Problem::InsecureRemote;
    QTest::newRow("plain http lan") << "http://192.168.1.4:8765" << Problem::InsecureRemote;
    QTest::newRow("ftp") << "ftp://127.0.0.1" << Problem::UnsupportedScheme;
    QTest::newRow("user info") << "https://me:pw@vigil.example" << Problem::Malformed;
    QTest::newRow("query") << "https://vigil.example/?token=x" << Problem::Malformed;
    QTest::newRow("spaces") << "vigil example" << Problem::Malformed;
}

void TestServerAddress::refused()
{
    QFETCH(QString, input);
    QFETCH(Problem, problem);
    const auto parsed = ServerAddress::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), problem);
    QVERIFY(!ServerAddress::describe(problem).isEmpty());
}

void TestServerAddress::overviewParsing()
{
    const QByteArray good = R"({"account":{"id":"a","email":"e@x","display_name":"D","role":"holder",
        "two_step":{"totp":true}},"profiles_count":4,"devices_count":12,
        "session":{"id":"s","device_id":"d","signed_in_at":"2026-11-25T12:04:00Z"}})";
    const auto overview = AccountOverview::fromJson(QJsonDocument::fromJson(good).object());
    QVERIFY(overview);
    QCOMPARE(overview->devicesCount, 12);
    QCOMPARE(overview->profilesCount, 4);
    QVERIFY(overview->account.twoStep.totp);
    QVERIFY(!overview->account.twoStep.sms);
    QVERIFY(overview->signedInAt.isValid());

    const QByteArray missing = R"({"account":{"id":"a","email":"e@x","display_name":"D","role":"holder"},
        "profiles_count":4,"session":{"id":"s"}})";
    const auto broken = AccountOverview::fromJson(QJsonDocument::fromJson(missing).object());
    QVERIFY(!broken);
    QCOMPARE(broken.error().code(), ApiError::Code::InvalidResponse);

    const QByteArray wrongType = R"({"account":{"id":"a","email":"e@x","display_name":"D","role":"holder"},
        "profiles_count":"4","devices_count":1.5,"session":{"id":"s"}})";
    QVERIFY(!AccountOverview::fromJson(QJsonDocument::fromJson(wrongType).object()));
}

QTEST_GUILESS_MAIN(TestServerAddress)
#include "TestServerAddress.moc"
