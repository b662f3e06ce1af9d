#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <QUrlQuery>
#include <memory>

// The request journal (GET/DELETE /__admin/requests) against a real vigil-mockd: what it records,
// that no secret reaches it, and its filters.
class TestServiceJournal final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceReply journalReply(const QString& query = {})
    {
        return client().admin(
            "GET", QStringLiteral("/__admin/requests") + (query.isEmpty() ? QString() : QLatin1Char('?') + query));
    }
    QJsonArray journal(const QString& query = {})
    {
        const ServiceReply reply = journalReply(query);
        if (reply.status != 200)
            qWarning() << reply.status << reply.body;
        return reply.json().value(QStringLiteral("requests")).toArray();
    }
    static QStringList paths(const QJsonArray& entries)
    {
        QStringList out;
        for (const auto& entry : entries)
            out += entry.toObject().value(QStringLiteral("path")).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        client().rememberSecret(QString::fromLatin1(MockdProcess::adminKey));
    }

    void init()
    {
        QVERIFY(client().reset());
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/requests")).status, 204);
        QVERIFY(journal().isEmpty());
    }

    void eachRequestIsRecordedOnceNewestLast()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices"), tokens.access).status, 200);
        QCOMPARE(client().get(QStringLiteral("/v1/nothing-here")).status, 404);

        const QJsonArray entries = journal();
        QCOMPARE(paths(entries),
                 (QStringList{QStringLiteral("/v1/auth/login"),
                              QStringLiteral("/v1/devices"),
                              QStringLiteral("/v1/nothing-here")}));
        const QJsonObject signIn = entries.at(0).toObject();
        QCOMPARE(signIn.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(signIn.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(signIn.value(QStringLiteral("account")).toString(), demoEmail());
        QVERIFY(signIn.value(QStringLiteral("duration_ms")).toDouble() >= 0);
        QVERIFY(signIn.value(QStringLiteral("fault")).isNull());
        QVERIFY(!signIn.value(QStringLiteral("time")).toString().isEmpty());
        const QJsonObject sentBody =
            QJsonDocument::fromJson(signIn.value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(sentBody.value(QStringLiteral("email")).toString(), demoEmail());
        QCOMPARE(sentBody.value(QStringLiteral("password")).toString(), QStringLiteral("<redacted>"));

        const QJsonObject devices = entries.at(1).toObject();
        QCOMPARE(devices.value(QStringLiteral("account")).toString(), demoEmail());
        QVERIFY(devices.value(QStringLiteral("body")).isNull());
        QVERIFY(entries.at(2).toObject().value(QStringLiteral("account")).isNull());
        QCOMPARE(entries.at(2).toObject().value(QStringLiteral("status")).toInt(), 404);

        // The admin API itself is not journaled.
        for (const auto& entry : entries)
            QVERIFY(!entry.toObject().value(QStringLiteral("path")).toString().startsWith(QLatin1String("/__admin")));
    }

    void noSecretEverReachesTheJournal()
    {
        QVERIFY(client().secretCount() > 0);
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!tokens.access.isEmpty() && !tokens.refresh.isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        const ServiceReply refreshed =
            client().postJson(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refresh_token"), tokens.refresh}});
        QCOMPARE(refreshed.status, 200);
        // Secrets in places they do not belong: a query string, a wrong password, a non-JSON body.
        client().get(QStringLiteral("/v1/me?access_token=") + tokens.access);
        client().loginReply(demoEmail(), QStringLiteral("not-the-password-7731"));
        client().send("POST",
                      QStringLiteral("/v1/auth/login"),
                      "email=demo%40vigil.test&password=form-secret-5521",
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
        client().rememberSecret(QStringLiteral("form-secret-5521"));
        client().send("POST",
                      QStringLiteral("/v1/auth/login"),
                      "{\"email\":\"demo@vigil.test\",\"password\":\"broken-json-secret-9",
                      {{"Content-Type", "application/json"}});
        client().rememberSecret(QStringLiteral("broken-json-secret-9"));

        const ServiceReply reply = journalReply();
        QCOMPARE(reply.status, 200);
        QVERIFY(journal().size() >= 6);
        const QStringList leaked = client().leakedSecrets(reply.body);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!reply.body.contains("vat_"));
        QVERIFY(!reply.body.contains("vrt_"));
        QVERIFY(!reply.body.contains(demoPassword().toUtf8()));
        QVERIFY(reply.body.contains("not JSON"));
        // The refresh is still attributed to its account.
        const QJsonArray refreshes = journal(QStringLiteral("path=/v1/auth/refresh"));
        QCOMPARE(refreshes.size(), 1);
        QCOMPARE(refreshes.at(0).toObject().value(QStringLiteral("account")).toString(), demoEmail());
    }

    void longBodiesAreCut()
    {
        QJsonObject device{{QStringLiteral("name"), QString(6000, QLatin1Char('x'))}};
        client().loginReply(demoEmail(), demoPassword(), device);
        const QJsonObject entry = journal().last().toObject();
        QVERIFY(entry.value(QStringLiteral("body_truncated")).toBool());
        QVERIFY(entry.value(QStringLiteral("body")).toString().size() <= 2049);
        QVERIFY(!entry.value(QStringLiteral("body")).toString().contains(demoPassword()));
    }

    void faultedRequestsCarryTheFault()
    {
        const ServiceReply added = client().admin(
            "POST",
            QStringLiteral("/__admin/faults"),
            {{QStringLiteral("match"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/devices*")}}},
             {QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("drop")}}},
             {QStringLiteral("times"), 1}});
        QCOMPARE(added.status, 201);
        client().raw("GET /v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);
        const QJsonArray entries = journal();
        QCOMPARE(entries.size(), 2);
        const QJsonObject dropped = entries.at(0).toObject();
        QVERIFY(dropped.value(QStringLiteral("status")).isNull());
        QCOMPARE(dropped.value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString(),
                 added.json().value(QStringLiteral("id")).toString());
        QCOMPARE(dropped.value(QStringLiteral("fault")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("drop"));
        QVERIFY(entries.at(1).toObject().value(QStringLiteral("fault")).isNull());
    }

    void filtersByPathMethodAndAccount()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        client().get(QStringLiteral("/v1/devices"), tokens.access);
        client().get(QStringLiteral("/v1/me"), tokens.access);
        client().get(QStringLiteral("/v1/devices"));

        QCOMPARE(paths(journal(QStringLiteral("path=/v1/devices*"))),
                 (QStringList{QStringLiteral("/v1/devices"), QStringLiteral("/v1/devices")}));
        QCOMPARE(paths(journal(QStringLiteral("path=/v1/me"))), QStringList{QStringLiteral("/v1/me")});
        QCOMPARE(paths(journal(QStringLiteral("path=/v1/m"))), QStringList{});
        QCOMPARE(paths(journal(QStringLiteral("method=post"))), QStringList{QStringLiteral("/v1/auth/login")});
        QCOMPARE(journal(QStringLiteral("account=demo%40vigil.test")).size(), 3);
    }

    void limitKeepsTheNewest()
    {
        for (int i = 0; i < 5; ++i)
            client().get(QStringLiteral("/v1/devices/dev_%1").arg(i));
        QCOMPARE(paths(journal(QStringLiteral("limit=2"))),
                 (QStringList{QStringLiteral("/v1/devices/dev_3"), QStringLiteral("/v1/devices/dev_4")}));
        const QJsonArray all = journal();
        QCOMPARE(all.size(), 5);
        QVERIFY(all.at(0).toObject().value(QStringLiteral("seq")).toInteger() <
                all.at(4).toObject().value(QStringLiteral("seq")).toInteger());
    }

    void sinceFollowsTheServiceClock()
    {
        client().get(QStringLiteral("/v1/devices/before"));
        // Requests are stamped with the service clock, the one QA moves.
        QVERIFY(client().advanceClock(3600));
        const QString now =
            client().admin("GET", QStringLiteral("/__admin/clock")).json().value(QStringLiteral("now")).toString();
        client().get(QStringLiteral("/v1/devices/after"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("since"), QString(now).replace(QLatin1Char('+'), QStringLiteral("%2B")));
        QCOMPARE(paths(journal(query.toString(QUrl::FullyEncoded))), QStringList{QStringLiteral("/v1/devices/after")});
        QCOMPARE(journal(QStringLiteral("since=2000-01-01T00:00:00Z")).size(), 2);
    }

    void badFiltersAre422_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("since") << QStringLiteral("since=yesterday") << QStringLiteral("since");
        QTest::newRow("since without zone") << QStringLiteral("since=2026-01-01T00:00:00") << QStringLiteral("since");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=all") << QStringLiteral("limit");
        QTest::newRow("limit huge") << QStringLiteral("limit=999999") << QStringLiteral("limit");
        QTest::newRow("path") << QStringLiteral("path=v1") << QStringLiteral("path");
    }

    void badFiltersAre422()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const ServiceReply reply = journalReply(query);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
    }

    void deleteClears()
    {
        client().get(QStringLiteral("/v1/devices"));
        QCOMPARE(journal().size(), 1);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/requests")).status, 204);
        QVERIFY(journal().isEmpty());
        client().get(QStringLiteral("/v1/me"));
        QCOMPARE(paths(journal()), QStringList{QStringLiteral("/v1/me")});
    }
};

QTEST_GUILESS_MAIN(TestServiceJournal)
#include "mockd_service_journal.moc"
