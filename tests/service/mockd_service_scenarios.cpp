#include "ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using Edit = std::function<void(QJsonObject&)>;
Q_DECLARE_METATYPE(Edit)

// Scenarios: every shipped scenario loads through POST /__admin/scenario and through
// --scenario; a broken one is refused with its JSON path and leaves the running state alone;
// POST /__admin/reset returns to the last scenario loaded.
class TestServiceScenarios final : public ServiceFixture
{
    Q_OBJECT

private:
    static QJsonObject device(const QString& id, const QString& type = QStringLiteral("tv"))
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("name"), id},
                {QStringLiteral("type"), type},
                {QStringLiteral("first_sign_in"), QStringLiteral("-3d")},
                {QStringLiteral("last_active"), QStringLiteral("-1h")}};
    }

    // Three accounts of six devices each: big enough for paths like accounts[2].devices[5].
    static QJsonObject validScenario()
    {
        QJsonArray accounts;
        for (int a = 0; a < 3; ++a) {
            QJsonArray devices;
            for (int d = 0; d < 6; ++d)
                devices.append(device(QStringLiteral("dev_%1_%2").arg(a).arg(d)));
            accounts.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("acc_%1").arg(a)},
                {QStringLiteral("email"), QStringLiteral("user%1@vigil.test").arg(a)},
                {QStringLiteral("password"), QStringLiteral("scenario-test-2026")},
                {QStringLiteral("display_name"), QStringLiteral("User %1").arg(a)},
                {QStringLiteral("profiles"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("prf_%1").arg(a)},
                                        {QStringLiteral("name"), QStringLiteral("P%1").arg(a)}}}},
                {QStringLiteral("devices"), devices},
            });
        }
        return {{QStringLiteral("name"), QStringLiteral("three-accounts")}, {QStringLiteral("accounts"), accounts}};
    }

    // Changes one field of accounts[a] (or of its device d when d >= 0).
    static Edit setField(int a, int d, const QString& key, const QJsonValue& value)
    {
        return [=](QJsonObject& root) {
            QJsonArray accounts = root.value(QStringLiteral("accounts")).toArray();
            QJsonObject account = accounts.at(a).toObject();
            if (d < 0) {
                if (value.isUndefined())
                    account.remove(key);
                else
                    account.insert(key, value);
            } else {
                QJsonArray devices = account.value(QStringLiteral("devices")).toArray();
                QJsonObject dev = devices.at(d).toObject();
                dev.insert(key, value);
                devices.replace(d, dev);
                account.insert(QStringLiteral("devices"), devices);
            }
            accounts.replace(a, account);
            root.insert(QStringLiteral("accounts"), accounts);
        };
    }

    static QJsonArray listedDevices(ServiceClient& c, const QString& access)
    {
        return c.get(QStringLiteral("/v1/devices?limit=1000"), access)
            .json()
            .value(QStringLiteral("devices"))
            .toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        client().rememberSecret(QString::fromLatin1(MockdProcess::adminKey));
    }

    void cleanupTestCase()
    {
        client().admin(
            "POST", QStringLiteral("/__admin/scenario"), {{QStringLiteral("name"), QStringLiteral("household")}});
        QCOMPARE(m_mockd.stop(), 0);
    }

    void shippedScenariosAreListed()
    {
        const ServiceReply reply = client().admin("GET", QStringLiteral("/__admin/scenario"));
        QCOMPARE(reply.status, 200);
        QStringList shipped;
        for (const QJsonValue& name : reply.json().value(QStringLiteral("shipped")).toArray())
            shipped.append(name.toString());
        QCOMPARE(shipped,
                 (QStringList{QStringLiteral("compromised"),
                              QStringLiteral("household"),
                              QStringLiteral("intruder"),
                              QStringLiteral("locked-out"),
                              QStringLiteral("stress-1000"),
                              QStringLiteral("support"),
                              QStringLiteral("two-step")}));
    }

    void eachShippedScenarioLoads_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("loginStatus");
        QTest::newRow("household") << "household" << 14 << "demo@vigil.test"
                                   << "vigil-demo-2026" << 200;
        QTest::newRow("compromised") << "compromised" << 7 << "demo@vigil.test"
                                     << "vigil-demo-2026" << 200;
        QTest::newRow("intruder") << "intruder" << 3 << "demo@vigil.test"
                                  << "vigil-demo-2026" << 200;
        QTest::newRow("two-step") << "two-step" << 3 << "twostep@vigil.test"
                                  << "vigil-twostep-2026" << 403;
        QTest::newRow("locked-out") << "locked-out" << 1 << "locked@vigil.test"
                                    << "vigil-locked-2026" << 429;
        QTest::newRow("stress-1000") << "stress-1000" << 1000 << "demo@vigil.test"
                                     << "vigil-demo-2026" << 200;
        QTest::newRow("support") << "support" << 3 << "ada.support@vigil.test"
                                 << "vigil-support-2026" << 403;
    }

    void eachShippedScenarioLoads()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(int, loginStatus);
        const ServiceReply reply =
            client().admin("POST", QStringLiteral("/__admin/scenario"), {{QStringLiteral("name"), name}});
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("name")).toString(), name);
        QCOMPARE(reply.json().value(QStringLiteral("devices")).toInt(), devices);
        const ServiceReply login = client().loginReply(email, password);
        QVERIFY2(login.status == loginStatus, login.body.constData());
        if (loginStatus == 403) {
            QCOMPARE(login.error(), QStringLiteral("mfa_required"));
            const QJsonArray methods = login.json().value(QStringLiteral("methods")).toArray();
            QVERIFY2(methods.contains(QStringLiteral("totp")), login.body.constData());
        }
    }

    void compromisedDevicesStreamFromTwoForeignCountries()
    {
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/scenario"),
                            {{QStringLiteral("name"), QStringLiteral("compromised")}})
                     .status,
                 200);
        const auto tokens = client().login(QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"));
        QVERIFY(!tokens.access.isEmpty());
        QSet<QString> foreign;
        for (const QJsonValue& value : listedDevices(client(), tokens.access)) {
            const QJsonObject device = value.toObject();
            const QString country =
                device.value(QStringLiteral("location")).toObject().value(QStringLiteral("country_code")).toString();
            if (device.value(QStringLiteral("status")).toString() == QLatin1String("streaming") &&
                country != QLatin1String("GB"))
                foreign.insert(country);
        }
        QCOMPARE(foreign, (QSet<QString>{QStringLiteral("NG"), QStringLiteral("VN")}));
        const ServiceReply history =
            client().get(QStringLiteral("/v1/devices/dev_bad_hanoi_phone/history"), tokens.access);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json().value(QStringLiteral("entries")).toArray().size(), 3); // 1 failed, 1 seeded, 1 session
    }

    void theClockEndsTheLockout()
    {
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/scenario"),
                            {{QStringLiteral("name"), QStringLiteral("locked-out")}})
                     .status,
                 200);
        const ServiceReply refused =
            client().loginReply(QStringLiteral("locked@vigil.test"), QStringLiteral("vigil-locked-2026"));
        QCOMPARE(refused.status, 429);
        const int retryAfter = refused.json().value(QStringLiteral("retry_after")).toInt();
        QVERIFY2(retryAfter > 0, refused.body.constData());
        QVERIFY(client().advanceClock(retryAfter + 1));
        QCOMPARE(client().loginReply(QStringLiteral("locked@vigil.test"), QStringLiteral("vigil-locked-2026")).status,
                 200);
    }

    void brokenScenariosNameThePath_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("device type") << setField(2, 5, QStringLiteral("type"), QStringLiteral("fridge"))
                                     << "accounts[2].devices[5].type"
                                     << "accounts[2].devices[5].type: 'fridge' is not one of tv, phone, tablet, "
                                        "computer, console, browser, settopbox";
        QTest::newRow("device status") << setField(0, 1, QStringLiteral("status"), QStringLiteral("asleep"))
                                       << "accounts[0].devices[1].status"
                                       << "accounts[0].devices[1].status: 'asleep' is not one of streaming, paused, "
                                          "idle, offline";
        QTest::newRow("missing email") << setField(1, -1, QStringLiteral("email"), QJsonValue::Undefined)
                                       << "accounts[1].email"
                                       << "accounts[1].email: is required";
        QTest::newRow("role") << setField(0, -1, QStringLiteral("role"), QStringLiteral("admin")) << "accounts[0].role"
                              << "accounts[0].role: 'admin' is not one of holder, support";
        QTest::newRow("unknown field") << setField(1, 2, QStringLiteral("colour"), QStringLiteral("red"))
                                       << "accounts[1].devices[2].colour"
                                       << "accounts[1].devices[2].colour: is not a known field (expected one of id, "
                                          "name, type, os, os_version, app, app_version, ip, location, first_sign_in, "
                                          "signed_in_at, last_active, last_profile, status, status_title, signed_in, "
                                          "sessions, history)";
        QTest::newRow("profile") << setField(0, 3, QStringLiteral("last_profile"), QStringLiteral("prf_2"))
                                 << "accounts[0].devices[3].last_profile"
                                 << "accounts[0].devices[3].last_profile: 'prf_2' is not a profile of this account";
        QTest::newRow("totp") << setField(2,
                                          -1,
                                          QStringLiteral("two_step"),
                                          QJsonObject{{QStringLiteral("totp_secret"), QStringLiteral("abc")}})
                              << "accounts[2].two_step.totp_secret"
                              << "accounts[2].two_step.totp_secret: must be base32 of at least 80 bits";
        QTest::newRow("time") << setField(1, 0, QStringLiteral("last_active"), QStringLiteral("yesterday"))
                              << "accounts[1].devices[0].last_active"
                              << "accounts[1].devices[0].last_active: 'yesterday' is neither a relative time like -3d "
                                 "nor an RFC 3339 time";
        QTest::newRow("generator count")
            << setField(0,
                        -1,
                        QStringLiteral("device_generator"),
                        QJsonObject{{QStringLiteral("count"), 0},
                                    {QStringLiteral("id_prefix"), QStringLiteral("dev_g_")},
                                    {QStringLiteral("name"), QStringLiteral("G {n}")}})
            << "accounts[0].device_generator.count"
            << "accounts[0].device_generator.count: must be a whole number from 1 to 10000";
        QTest::newRow("throttle") << setField(0,
                                              -1,
                                              QStringLiteral("throttle"),
                                              QJsonObject{{QStringLiteral("failures"), 1.5}})
                                  << "accounts[0].throttle.failures"
                                  << "accounts[0].throttle.failures: must be a whole number from 1 to 100";
        QTest::newRow("fault") << Edit([](QJsonObject& root) {
            root.insert(QStringLiteral("faults"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("match"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/*")}}},
                            {QStringLiteral("action"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("latency")},
                                         {QStringLiteral("min_ms"), -1}}}}});
        }) << "faults[0].action.min_ms"
                               << "faults[0].action.min_ms: must be between 0 and 120000";
        QTest::newRow("simulator") << Edit([](QJsonObject& root) {
            root.insert(QStringLiteral("simulator"), QJsonObject{{QStringLiteral("profile"), QStringLiteral("lazy")}});
        }) << "simulator.profile"
                                   << "simulator.profile: 'lazy' is not one of steady, flaky, binge";
        QTest::newRow("duplicate email") << setField(2, -1, QStringLiteral("email"), QStringLiteral("USER0@vigil.test"))
                                         << "accounts[2].email"
                                         << "accounts[2].email: 'user0@vigil.test' is used by another account";
    }

    void brokenScenariosNameThePath()
    {
        QFETCH(Edit, edit);
        QFETCH(QString, path);
        QFETCH(QString, message);
        QJsonObject scenario = validScenario();
        edit(scenario);
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/scenario"), scenario);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("invalid_scenario"));
        QCOMPARE(reply.json().value(QStringLiteral("path")).toString(), path);
        QCOMPARE(reply.json().value(QStringLiteral("message")).toString(), message);
    }

    void theValidBaseScenarioLoads()
    {
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/scenario"), validScenario());
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("devices")).toInt(), 18);
    }

    void aRefusedScenarioLeavesTheStateAlone()
    {
        QJsonObject scenario = validScenario();
        scenario.insert(QStringLiteral("faults"),
                        QJsonArray{QJsonObject{{QStringLiteral("match"),
                                                QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                                            {QStringLiteral("path"), QStringLiteral("/v1/teapot")}}},
                                               {QStringLiteral("action"),
                                                QJsonObject{{QStringLiteral("type"), QStringLiteral("status")},
                                                            {QStringLiteral("status"), 418}}}}});
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/scenario"), scenario).status, 200);
        const auto tokens = client().login(QStringLiteral("user1@vigil.test"), QStringLiteral("scenario-test-2026"));
        QVERIFY(!tokens.access.isEmpty());
        QVERIFY(client().advanceClock(60));
        const qint64 clockBefore = client().serverTimeSeconds();

        QJsonObject broken = validScenario();
        setField(2, 5, QStringLiteral("type"), QStringLiteral("fridge"))(broken);
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/scenario"), broken).status, 422);
        QCOMPARE(
            client()
                .admin("POST", QStringLiteral("/__admin/scenario"), {{QStringLiteral("name"), QStringLiteral("nope")}})
                .status,
            422);

        // Same scenario, same session, same device list, same clock, same faults.
        QCOMPARE(
            client().admin("GET", QStringLiteral("/__admin/scenario")).json().value(QStringLiteral("name")).toString(),
            QStringLiteral("three-accounts"));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        QCOMPARE(listedDevices(client(), tokens.access).size(), 7);
        QVERIFY(client().serverTimeSeconds() >= clockBefore);
        QCOMPARE(client().get(QStringLiteral("/v1/teapot")).status, 418);
    }

    void resetReturnsToTheLastScenarioLoaded()
    {
        QJsonObject scenario = validScenario();
        scenario.insert(
            QStringLiteral("faults"),
            QJsonArray{QJsonObject{
                {QStringLiteral("match"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/teapot")}}},
                {QStringLiteral("action"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("status"), 418}}}}});
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/scenario"), scenario).status, 200);
        const auto tokens = client().login(QStringLiteral("user0@vigil.test"), QStringLiteral("scenario-test-2026"));
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QCOMPARE(client().get(QStringLiteral("/v1/teapot")).status, 404);

        QVERIFY(client().reset());
        QCOMPARE(
            client().admin("GET", QStringLiteral("/__admin/scenario")).json().value(QStringLiteral("name")).toString(),
            QStringLiteral("three-accounts"));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).error(), QStringLiteral("token_invalid"));
        QCOMPARE(client().loginReply(QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026")).status, 401);
        const auto fresh = client().login(QStringLiteral("user0@vigil.test"), QStringLiteral("scenario-test-2026"));
        QCOMPARE(listedDevices(client(), fresh.access).size(), 7);
        // The scenario's own fault rules come back with it.
        QCOMPARE(client().get(QStringLiteral("/v1/teapot")).status, 418);
    }

    void theCommandLineTakesAShippedName()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--scenario"), QStringLiteral("stress-1000")}),
                 qPrintable(mockd.errorString()));
        ServiceClient c(mockd.baseUrl());
        const ServiceReply reply = c.admin("GET", QStringLiteral("/__admin/scenario"));
        QCOMPARE(reply.json().value(QStringLiteral("name")).toString(), QStringLiteral("stress-1000"));
        QCOMPARE(reply.json().value(QStringLiteral("devices")).toInt(), 1000);
        QCOMPARE(mockd.stop(), 0);
    }

    void theCommandLineRefusesABrokenScenario_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QJsonObject broken = validScenario();
        setField(2, 5, QStringLiteral("type"), QStringLiteral("fridge"))(broken);
        QTest::newRow("device type") << QJsonDocument(broken).toJson()
                                     << "vigil-mockd: broken.json: accounts[2].devices[5].type: 'fridge' is not one of "
                                        "tv, phone, tablet, computer, console, browser, settopbox";
        QTest::newRow("not JSON") << QByteArray("{\"name\": \"x\",")
                                  << "vigil-mockd: broken.json: not valid JSON at offset";
        QTest::newRow("no accounts") << QByteArray("{\"name\": \"x\"}")
                                     << "vigil-mockd: broken.json: accounts: is required";
    }

    void theCommandLineRefusesABrokenScenario()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QProcess process;
        process.start(MockdProcess::executable(),
                      {QStringLiteral("--port"),
                       QStringLiteral("0"),
                       QStringLiteral("--db"),
                       QStringLiteral(":memory:"),
                       QStringLiteral("--scenario"),
                       file.fileName()});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardOutput().isEmpty()); // never "listening on"
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void theCommandLineRefusesAnUnknownName()
    {
        QProcess process;
        process.start(MockdProcess::executable(),
                      {QStringLiteral("--port"),
                       QStringLiteral("0"),
                       QStringLiteral("--db"),
                       QStringLiteral(":memory:"),
                       QStringLiteral("--scenario"),
                       QStringLiteral("compromized")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(
            error.contains(QLatin1String("compromized: no such file, and not a shipped scenario (one of compromised, "
                                         "household, intruder, locked-out, stress-1000, support, two-step)")),
            qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestServiceScenarios)
#include "mockd_service_scenarios.moc"
