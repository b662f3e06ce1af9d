// The service's clock as the app follows it: `Date` headers, and only differences that matter.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/api/ServerClock.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"

#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace vigil;

class TestServerClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHttpDates()
    {
        QCOMPARE(ServerClock::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"),
                 QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc()));
        QVERIFY(!ServerClock::parseHttpDate("yesterday").isValid());
        QVERIFY(!ServerClock::parseHttpDate("").isValid());
        QVERIFY(!ServerClock::parseHttpDate("Sun, 06 Nov 1994 08:49:37").isValid());
    }

    void followsOnlyRealDifferences()
    {
        const QDateTime local(QDate(2026, 11, 25), QTime(12, 0), QTimeZone::utc());
        ServerClock clock;
        clock.observe("Wed, 25 Nov 2026 12:00:03 GMT", local); // the header's precision and the trip
        QCOMPARE(clock.offsetMs(), 0);
        QCOMPARE(clock.now(local), local);
        clock.observe("Thu, 04 Mar 2027 12:00:00 GMT", local); // QA moved the service 99 days on
        QCOMPARE(clock.now(local), local.addDays(99));
        clock.observe("not a date", local); // ignored: the last good reading stays
        QCOMPARE(clock.now(local), local.addDays(99));
        clock.observe("Wed, 25 Nov 2026 12:00:00 GMT", local);
        QCOMPARE(clock.offsetMs(), 0);
    }

    void apiClientReadsTheDateOfEveryAnswer()
    {
        FakeNetworkAccessManager network;
        Session session;
        ApiClient api(&network, &session);
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        const auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        session.setTokens(api.baseUrl(), tokens.value());
        const QDateTime ahead = QDateTime::currentDateTimeUtc().addDays(120);
        network.setHandler([&](const FakeRequest&) {
            FakeResponse response = FakeResponse::json(200, QJsonObject{});
            response.headers.append(
                {QByteArray("Date"),
                 QLocale::c().toString(ahead, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1()});
            return response;
        });
        ApiReply* reply = api.send(ApiRequest::get(QStringLiteral("/v1/ping")));
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait());
        QVERIFY(qAbs(api.serverClock().now().msecsTo(ahead)) < 5000);
    }
};

QTEST_GUILESS_MAIN(TestServerClock)
#include "TestServerClock.moc"
