#include "EventClient.h"
#include "FaultFixture.h"

#include <QWebSocket>

// Fault injection against a real vigil-mockd: what a client sees for each kind of fault on the
// main routes and on the event socket upgrade.
class TestServiceFaults final : public FaultFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }
    void init() { clearFaultsAndReset(); }

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
