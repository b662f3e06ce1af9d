#include "FaultFixture.h"

// Fault rules against a real vigil-mockd: how they match, count, roll their probability, are
// listed and deleted, are refused when malformed, and never touch the admin API.
class TestServiceFaultRules final : public FaultFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }
    void init() { clearFaultsAndReset(); }

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
        QTest::newRow("after_route not a boolean")
            << rule({},
                    QStringLiteral("/v1/me"),
                    {{QStringLiteral("type"), QStringLiteral("drop")}, {QStringLiteral("after_route"), 1}})
            << QStringLiteral("action.after_route");
        QTest::newRow("after_route on a status") << rule({},
                                                         QStringLiteral("/v1/me"),
                                                         {{QStringLiteral("type"), QStringLiteral("status")},
                                                          {QStringLiteral("status"), 503},
                                                          {QStringLiteral("after_route"), true}})
                                                 << QStringLiteral("action.after_route");
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
};

QTEST_GUILESS_MAIN(TestServiceFaultRules)
#include "mockd_service_fault_rules.moc"
