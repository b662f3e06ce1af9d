#include "EventClient.h"
#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <memory>

// Fault injection (POST/GET/DELETE /__admin/faults) against a real vigil-mockd: what a client
// sees for each kind of fault on the main routes and on the event socket upgrade.
class TestServiceFaults final : public QObject
{
    Q_OBJECT

private:
    MockdProcess m_mockd;
    std::unique_ptr<ServiceClient> m_client;

    ServiceClient& client() { return *m_client; }

    static QString demoEmail() { return QString::fromLatin1(ServiceClient::demoEmail); }
    static QString demoPassword() { return QString::fromLatin1(ServiceClient::demoPassword); }

    static QJsonObject rule(const QString& method, const QString& path, const QJsonObject& action)
    {
        QJsonObject match{{QStringLiteral("path"), path}};
        if (!method.isEmpty())
            match.insert(QStringLiteral("method"), method);
        return {{QStringLiteral("match"), match}, {QStringLiteral("action"), action}};
    }

    static QJsonObject status503()
    {
        return {{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("status"), 503}};
    }

    // Adds a rule; empty when the service refused it.
    QString addFault(const QJsonObject& body)
    {
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/faults"), body);
        if (reply.status != 201) {
            qWarning() << "fault refused:" << reply.status << reply.body;
            return {};
        }
        return reply.json().value(QStringLiteral("id")).toString();
    }

    QJsonArray faults()
    {
        return client()
            .admin("GET", QStringLiteral("/__admin/faults"))
            .json()
            .value(QStringLiteral("faults"))
            .toArray();
    }

    ServiceReply login() { return client().loginReply(demoEmail(), demoPassword()); }

    // A WebSocket upgrade on /v1/events written by hand, so the status of a refused one is visible.
    ServiceReply upgrade(const QString& token = {})
    {
        QByteArray request = "GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        return client().raw(request + "\r\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_mockd.start(), qPrintable(m_mockd.errorString()));
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
    }

    void init()
    {
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QVERIFY(client().reset());
    }

    void aStatusFaultAnswersInsteadOfTheRoute()
    {
        QJsonObject action = status503();
        action.insert(QStringLiteral("body"),
                      QJsonObject{{QStringLiteral("error"), QStringLiteral("maintenance")},
                                  {QStringLiteral("message"), QStringLiteral("Back soon.")}});
        action.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("30")}});
        QJsonObject body = rule(QStringLiteral("POST"), QStringLiteral("/v1/auth/login"), action);
        body.insert(QStringLiteral("times"), 1);
        const ServiceReply added = client().admin("POST", QStringLiteral("/__admin/faults"), body);
        QCOMPARE(added.status, 201);
        const QString id = added.json().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("flt_")));
        QCOMPARE(added.json().value(QStringLiteral("remaining")).toInt(), 1);

        const ServiceReply faulted = login();
        QCOMPARE(faulted.status, 503);
        QCOMPARE(faulted.error(), QStringLiteral("maintenance"));
        QCOMPARE(faulted.header("Retry-After"), QByteArray("30"));
        QCOMPARE(faulted.header("X-Vigil-Fault"), id.toLatin1());
        QVERIFY(faulted.json().value(QStringLiteral("access_token")).isUndefined());

        // Applied once, then gone: the next sign-in works.
        QVERIFY(faults().isEmpty());
        QCOMPARE(login().status, 200);
    }

    void aTextBodyIsSentAsText()
    {
        QJsonObject action = status503();
        action.insert(QStringLiteral("status"), 502);
        action.insert(QStringLiteral("body"), QStringLiteral("Bad Gateway from the proxy"));
        QVERIFY(!addFault(rule({}, QStringLiteral("/v1/devices"), action)).isEmpty());
        const ServiceReply reply = client().get(QStringLiteral("/v1/devices"));
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.body, QByteArray("Bad Gateway from the proxy"));
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
    }

    void timesCountsApplicationsThenTheRuleIsGone()
    {
        QJsonObject body = rule(QStringLiteral("GET"), QStringLiteral("/v1/devices*"), status503());
        body.insert(QStringLiteral("times"), 2);
        const QString id = addFault(body);
        QVERIFY(!id.isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 503);
        const QJsonObject listed = faults().at(0).toObject();
        QCOMPARE(listed.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(listed.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(listed.value(QStringLiteral("remaining")).toInt(), 1);
        QCOMPARE(client().get(QStringLiteral("/v1/devices/dev_x/history")).status, 503);
        QVERIFY(faults().isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401); // the route again
    }

    void methodPathAndAccountMustAllMatch()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!tokens.access.isEmpty());
        QJsonObject body = rule(QStringLiteral("GET"), QStringLiteral("/v1/devices"), status503());
        QJsonObject match = body.value(QStringLiteral("match")).toObject();
        match.insert(QStringLiteral("account"), QStringLiteral("DEMO@vigil.test"));
        body.insert(QStringLiteral("match"), match);
        QVERIFY(!addFault(body).isEmpty());

        QCOMPARE(client().get(QStringLiteral("/v1/devices"), tokens.access).status, 503);
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);                         // no account
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).status, 200);               // other path
        QCOMPARE(client().postJson(QStringLiteral("/v1/devices"), {}, tokens.access).status, 405); // other method

        // A sign-in acts for the account its body names.
        QJsonObject signIn = rule(QStringLiteral("POST"), QStringLiteral("/v1/auth/login"), status503());
        signIn.insert(QStringLiteral("match"),
                      QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/auth/login")},
                                  {QStringLiteral("account"), demoEmail()}});
        QVERIFY(!addFault(signIn).isEmpty());
        QCOMPARE(login().status, 503);
        QCOMPARE(client()
                     .loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                 QString::fromLatin1(ServiceClient::twoStepPassword))
                     .status,
                 403); // mfa_required: not the faulted account
    }

    void dropClosesTheConnectionWithoutAnAnswer()
    {
        const QString id =
            addFault(rule({}, QStringLiteral("/v1/devices*"), {{QStringLiteral("type"), QStringLiteral("drop")}}));
        QVERIFY(!id.isEmpty());
        const ServiceReply reply = client().get(QStringLiteral("/v1/devices"));
        QCOMPARE(reply.status, 0);
        QVERIFY2(!reply.networkError.isEmpty(), reply.body.constData());
        // Byte for byte: the connection closes and not one byte of an answer comes back.
        const ServiceReply raw = client().raw("GET /v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(raw.status, 0);
        QCOMPARE(raw.networkError, QStringLiteral("no complete answer: "));

        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults/") + id).status, 204);
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);
    }

    void garbageIsNotJson()
    {
        QVERIFY(
            !addFault(rule({}, QStringLiteral("/v1/auth/login"), {{QStringLiteral("type"), QStringLiteral("garbage")}}))
                 .isEmpty());
        const ServiceReply reply = login();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply.body.size(), 64);
        QJsonParseError error{};
        QJsonDocument::fromJson(reply.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void emptyAnswersWithoutABody()
    {
        QVERIFY(
            !addFault(rule({}, QStringLiteral("/v1/auth/login"), {{QStringLiteral("type"), QStringLiteral("empty")}}))
                 .isEmpty());
        ServiceReply reply = login();
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QVERIFY(reply.json().isEmpty());

        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QVERIFY(!addFault(rule({},
                               QStringLiteral("/v1/devices"),
                               {{QStringLiteral("type"), QStringLiteral("empty")}, {QStringLiteral("status"), 503}}))
                     .isEmpty());
        reply = client().get(QStringLiteral("/v1/devices"));
        QCOMPARE(reply.status, 503);
        QVERIFY(reply.body.isEmpty());
    }

    void truncatedCutsTheRealAnswerInHalf()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        const ServiceReply whole = client().get(QStringLiteral("/v1/devices"), tokens.access);
        QCOMPARE(whole.status, 200);
        QVERIFY(!whole.json().isEmpty());

        QVERIFY(
            !addFault(rule({}, QStringLiteral("/v1/devices"), {{QStringLiteral("type"), QStringLiteral("truncated")}}))
                 .isEmpty());
        const ServiceReply cut = client().get(QStringLiteral("/v1/devices"), tokens.access);
        QCOMPARE(cut.status, 200);
        QCOMPARE(cut.body, whole.body.left(whole.body.size() / 2));
        QCOMPARE(cut.header("Content-Length").toLongLong(), qint64(cut.body.size()));
        QJsonParseError error{};
        QJsonDocument::fromJson(cut.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QVERIFY(cut.header("ETag").isEmpty());
    }

    void truncatedWithCloseAnnouncesMoreThanItSends()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(
            !addFault(rule({},
                           QStringLiteral("/v1/devices"),
                           {{QStringLiteral("type"), QStringLiteral("truncated")}, {QStringLiteral("close"), true}}))
                 .isEmpty());
        const ServiceReply raw = client().raw("GET /v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                              tokens.access.toLatin1() + "\r\n\r\n");
        QCOMPARE(raw.status, 200);
        const qint64 announced = raw.header("Content-Length").toLongLong();
        QVERIFY(announced > 0);
        QCOMPARE(qint64(raw.body.size()), announced / 2);
        // A client that trusts Content-Length sees the connection close under it.
        const ServiceReply reply = client().get(QStringLiteral("/v1/devices"), tokens.access);
        QVERIFY2(!reply.networkError.isEmpty() || reply.body.size() < announced, reply.body.left(80).constData());
    }

    void latencyDelaysButTheRequestStillSucceeds()
    {
        QVERIFY(!addFault(rule({},
                               QStringLiteral("/v1/auth/login"),
                               {{QStringLiteral("type"), QStringLiteral("latency")}, {QStringLiteral("ms"), 250}}))
                     .isEmpty());
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/requests")).status, 204);
        const ServiceReply reply = login();
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().value(QStringLiteral("access_token")).toString().isEmpty());
        const QJsonArray journal = client()
                                       .admin("GET", QStringLiteral("/__admin/requests"))
                                       .json()
                                       .value(QStringLiteral("requests"))
                                       .toArray();
        QCOMPARE(journal.size(), 1);
        // The service waited at least that long before it even looked at the request.
        QVERIFY(journal.at(0).toObject().value(QStringLiteral("duration_ms")).toDouble() >= 250);

        QVERIFY(!addFault(rule({},
                               QStringLiteral("/v1/devices"),
                               {{QStringLiteral("type"), QStringLiteral("latency")},
                                {QStringLiteral("min_ms"), 10},
                                {QStringLiteral("max_ms"), 40}}))
                     .isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);
    }

    void probabilityZeroNeverAppliesOneAlwaysDoes()
    {
        QJsonObject never = rule({}, QStringLiteral("/v1/devices"), status503());
        never.insert(QStringLiteral("probability"), 0);
        QVERIFY(!addFault(never).isEmpty());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);
        QCOMPARE(faults().at(0).toObject().value(QStringLiteral("applied")).toInt(), 0);

        QJsonObject always = rule({}, QStringLiteral("/v1/me"), status503());
        always.insert(QStringLiteral("probability"), 1);
        QVERIFY(!addFault(always).isEmpty());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client().get(QStringLiteral("/v1/me")).status, 503);
    }

    void aSeededProbabilityRepeatsItsDecisions()
    {
        QJsonObject body = rule({}, QStringLiteral("/v1/devices"), status503());
        body.insert(QStringLiteral("probability"), 0.5);
        body.insert(QStringLiteral("seed"), 20261125);
        const auto run = [&] {
            QString pattern;
            const QString id = addFault(body);
            for (int i = 0; i < 24; ++i)
                pattern +=
                    client().get(QStringLiteral("/v1/devices")).status == 503 ? QLatin1Char('F') : QLatin1Char('.');
            client().admin("DELETE", QStringLiteral("/__admin/faults/") + id);
            return pattern;
        };
        const QString first = run();
        QVERIFY2(first.contains(QLatin1Char('F')) && first.contains(QLatin1Char('.')), qPrintable(first));
        QCOMPARE(run(), first);
    }

    void theFirstMatchingRuleWins()
    {
        const QString first = addFault(rule({}, QStringLiteral("/v1/me"), status503()));
        QJsonObject other = status503();
        other.insert(QStringLiteral("status"), 500);
        QVERIFY(!addFault(rule({}, QStringLiteral("/v1/*"), other)).isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/me")).status, 503);
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 500);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults/") + first).status, 204);
        QCOMPARE(client().get(QStringLiteral("/v1/me")).status, 500);
    }

    void rulesCanBeDeletedOneByOneOrAllAtOnce()
    {
        const QString a = addFault(rule({}, QStringLiteral("/v1/me"), status503()));
        const QString b = addFault(rule({}, QStringLiteral("/v1/devices"), status503()));
        QCOMPARE(faults().size(), 2);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults/") + a).status, 204);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults/") + a).status, 404);
        QCOMPARE(faults().size(), 1);
        QCOMPARE(faults().at(0).toObject().value(QStringLiteral("id")).toString(), b);
        QVERIFY(!addFault(rule({}, QStringLiteral("/v1/me"), status503())).isEmpty());
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QVERIFY(faults().isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 401);
        // A reset to the scenario drops the rules too.
        QVERIFY(!addFault(rule({}, QStringLiteral("/v1/me"), status503())).isEmpty());
        QVERIFY(client().reset());
        QVERIFY(faults().isEmpty());
    }

    void theAdminApiIsNeverFaulted()
    {
        QVERIFY(!addFault(rule({}, QStringLiteral("*"), {{QStringLiteral("type"), QStringLiteral("drop")}})).isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/devices")).status, 0);
        QCOMPARE(client().admin("GET", QStringLiteral("/__admin/clock")).status, 200);
        QCOMPARE(faults().size(), 1);
        QCOMPARE(client().admin("GET", QStringLiteral("/__admin/requests")).status, 200);
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);

        const ServiceReply refused = client().admin(
            "POST", QStringLiteral("/__admin/faults"), rule({}, QStringLiteral("/__admin/clock"), status503()));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(QStringLiteral("field")).toString(), QStringLiteral("match.path"));
    }

    void badRulesAre422WithTheField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject drop{{QStringLiteral("type"), QStringLiteral("drop")}};
        const QJsonObject match{{QStringLiteral("path"), QStringLiteral("/v1/me")}};
        QTest::newRow("no match") << QJsonObject{{QStringLiteral("action"), drop}} << QStringLiteral("match");
        QTest::newRow("no path") << QJsonObject{{QStringLiteral("match"), QJsonObject{}},
                                                {QStringLiteral("action"), drop}}
                                 << QStringLiteral("match.path");
        QTest::newRow("relative path") << rule({}, QStringLiteral("v1/me"), drop) << QStringLiteral("match.path");
        QTest::newRow("bad method") << rule(QStringLiteral("FETCH"), QStringLiteral("/v1/me"), drop)
                                    << QStringLiteral("match.method");
        QTest::newRow("bad account") << QJsonObject{{QStringLiteral("match"),
                                                     QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/me")},
                                                                 {QStringLiteral("account"), QStringLiteral("demo")}}},
                                                    {QStringLiteral("action"), drop}}
                                     << QStringLiteral("match.account");
        QTest::newRow("no action") << QJsonObject{{QStringLiteral("match"), match}} << QStringLiteral("action");
        QTest::newRow("bad type") << rule({},
                                          QStringLiteral("/v1/me"),
                                          {{QStringLiteral("type"), QStringLiteral("explode")}})
                                  << QStringLiteral("action.type");
        QTest::newRow("latency without ms")
            << rule({}, QStringLiteral("/v1/me"), {{QStringLiteral("type"), QStringLiteral("latency")}})
            << QStringLiteral("action.ms");
        QTest::newRow("latency typo") << rule({},
                                              QStringLiteral("/v1/me"),
                                              {{QStringLiteral("type"), QStringLiteral("latency")},
                                               {QStringLiteral("mss"), 5}})
                                      << QStringLiteral("action.mss");
        QTest::newRow("latency range upside down") << rule({},
                                                           QStringLiteral("/v1/me"),
                                                           {{QStringLiteral("type"), QStringLiteral("latency")},
                                                            {QStringLiteral("min_ms"), 50},
                                                            {QStringLiteral("max_ms"), 10}})
                                                   << QStringLiteral("action.max_ms");
        QTest::newRow("latency too long")
            << rule({},
                    QStringLiteral("/v1/me"),
                    {{QStringLiteral("type"), QStringLiteral("latency")}, {QStringLiteral("ms"), 10'000'000}})
            << QStringLiteral("action.ms");
        QTest::newRow("status missing") << rule({},
                                                QStringLiteral("/v1/me"),
                                                {{QStringLiteral("type"), QStringLiteral("status")}})
                                        << QStringLiteral("action.status");
        QTest::newRow("status 99") << rule({},
                                           QStringLiteral("/v1/me"),
                                           {{QStringLiteral("type"), QStringLiteral("status")},
                                            {QStringLiteral("status"), 99}})
                                   << QStringLiteral("action.status");
        QTest::newRow("status header") << rule({},
                                               QStringLiteral("/v1/me"),
                                               {{QStringLiteral("type"), QStringLiteral("status")},
                                                {QStringLiteral("status"), 503},
                                                {QStringLiteral("headers"),
                                                 QJsonObject{{QStringLiteral("Content-Length"), QStringLiteral("1")}}}})
                                       << QStringLiteral("action.headers.Content-Length");
        QJsonObject times = rule({}, QStringLiteral("/v1/me"), drop);
        times.insert(QStringLiteral("times"), 0);
        QTest::newRow("times 0") << times << QStringLiteral("times");
        QJsonObject probability = rule({}, QStringLiteral("/v1/me"), drop);
        probability.insert(QStringLiteral("probability"), 1.5);
        QTest::newRow("probability 1.5") << probability << QStringLiteral("probability");
        QJsonObject unknown = rule({}, QStringLiteral("/v1/me"), drop);
        unknown.insert(QStringLiteral("count"), 3);
        QTest::newRow("unknown field") << unknown << QStringLiteral("count");
    }

    void badRulesAre422WithTheField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/faults"), body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
        QVERIFY2(reply.json().value(QStringLiteral("message")).toString().startsWith(field), reply.body.constData());
        QVERIFY(faults().isEmpty());
    }

    void theEventSocketUpgradeCanBeRefused()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QCOMPARE(upgrade(tokens.access).status, 101);

        QJsonObject action = status503();
        action.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("5")}});
        QJsonObject body = rule(QStringLiteral("GET"), QStringLiteral("/v1/events"), action);
        body.insert(QStringLiteral("times"), 1);
        QVERIFY(!addFault(body).isEmpty());
        const ServiceReply refused = upgrade(tokens.access);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
        QCOMPARE(upgrade(tokens.access).status, 101);
    }

    void theEventSocketUpgradeCanBeDropped()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!addFault(rule({}, QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("drop")}}))
                     .isEmpty());
        const ServiceReply dropped = upgrade(tokens.access);
        QCOMPARE(dropped.status, 0);

        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        QUrl url = m_mockd.baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + tokens.access.toLatin1());
        socket.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() > 0, 10000);
        QCOMPARE(connected.count(), 0);

        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(tokens.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
    }

    void theEventSocketUpgradeCanBeSlow()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!addFault(rule({},
                               QStringLiteral("/v1/events"),
                               {{QStringLiteral("type"), QStringLiteral("latency")}, {QStringLiteral("ms"), 200}}))
                     .isEmpty());
        QCOMPARE(upgrade(tokens.access).status, 101);
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(tokens.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(faults().at(0).toObject().value(QStringLiteral("applied")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServiceFaults)
#include "mockd_service_faults.moc"
