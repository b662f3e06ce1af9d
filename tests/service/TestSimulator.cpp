#include "Establish.h"
#include "ServiceFixture.h"
#include "SimulatorProcess.h"

#include <QJsonArray>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <memory>

// `vigil-mockd simulate` against a real vigil-mockd: simulated devices are real clients with
// their own sessions, visible to the account holder, and they stop when the service refuses them.
class TestSimulator final : public ServiceFixture
{
    Q_OBJECT

private:
    QStringList simulateArgs(int devices, int tickMs, const QString& password = demoPassword()) const
    {
        return {QStringLiteral("--server"),
                m_mockd.baseUrl().toString(),
                QStringLiteral("--devices"),
                QString::number(devices),
                QStringLiteral("--account"),
                demoEmail(),
                QStringLiteral("--password"),
                password,
                QStringLiteral("--seed"),
                QStringLiteral("1"),
                QStringLiteral("--tick-ms"),
                QString::number(tickMs)};
    }

    int signedInDevices(const QString& access)
    {
        return client().get(QStringLiteral("/v1/me"), access).json().value(QStringLiteral("devices_count")).toInt(-1);
    }

    void checkNoSecrets(SimulatorProcess& simulator)
    {
        const QString output = simulator.allOutput();
        QVERIFY2(!output.contains(QLatin1String("vat_")), "an access token was printed");
        QVERIFY2(!output.contains(QLatin1String("vrt_")), "a refresh token was printed");
        QVERIFY2(!output.contains(demoPassword()), "the password was printed");
    }

    // The account holder signs the device called `name` out (password step-up, then the sign-out).
    void ownerSignsOut(const QString& access, const QString& name)
    {
        QString victimId;
        const ServiceReply list = client().get(QStringLiteral("/v1/devices?limit=1000"), access);
        for (const QJsonValue& value : list.json().value(QStringLiteral("devices")).toArray()) {
            if (value.toObject().value(QStringLiteral("name")).toString() == name)
                victimId = value.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!victimId.isEmpty());
        const ServiceReply challenge = client().postJson(
            QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}}, access);
        QCOMPARE(challenge.status, 200);
        const ServiceReply verified =
            client().postJson(QStringLiteral("/v1/step-up/verify"),
                              {{QStringLiteral("challenge"), challenge.json().value(QStringLiteral("challenge"))},
                               {QStringLiteral("secret"), demoPassword()}},
                              access);
        QCOMPARE(verified.status, 200);
        const QString stepUp = verified.json().value(QStringLiteral("step_up_token")).toString();
        client().rememberSecret(stepUp);
        const ServiceReply signedOut = client().send("POST",
                                                     QStringLiteral("/v1/devices/%1/sign-out").arg(victimId),
                                                     "{}",
                                                     {{"Content-Type", "application/json"},
                                                      {"Authorization", "Bearer " + access.toLatin1()},
                                                      {"X-Step-Up", stepUp.toLatin1()}});
        QCOMPARE(signedOut.status, 200);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(client().reset()); }

    void devicesSignInAndReportTheirStatus()
    {
        const auto owner = client().login(demoEmail(), demoPassword());
        QVERIFY(!owner.access.isEmpty());
        const int before = signedInDevices(owner.access);

        // No schedule (tick 0): each device signs in, reports one status and keeps it.
        SimulatorProcess simulator(simulateArgs(3, 0));
        const auto signedIn =
            simulator.waitFor(QStringLiteral("^sim: device (\\d+) (.+) signed in$"), 3, signInDeadlineMs);
        QCOMPARE(signedIn.size(), 3);
        QSet<QString> names;
        for (const auto& match : signedIn)
            names.insert(match.captured(2));
        QCOMPARE(names.size(), 3);
        QCOMPARE(signedInDevices(owner.access), before + 3);

        const auto reported = simulator.waitFor(
            QStringLiteral(
                "^sim: device (.+) status (streaming|paused|idle)(?: profile=(\\S+))?(?: title=\"([^\"]*)\")?$"),
            3);
        QCOMPARE(reported.size(), 3);
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) online$"), 3).size(), 3);

        const ServiceReply list = client().get(QStringLiteral("/v1/devices?limit=1000"), owner.access);
        QCOMPARE(list.status, 200);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue& value : list.json().value(QStringLiteral("devices")).toArray())
            byName.insert(value.toObject().value(QStringLiteral("name")).toString(), value.toObject());
        for (const auto& match : reported) {
            const QString name = match.captured(1);
            QVERIFY2(byName.contains(name), qPrintable(name));
            const QJsonObject device = byName.value(name);
            QCOMPARE(device.value(QStringLiteral("status")).toString(), match.captured(2));
            if (match.captured(2) != QLatin1String("idle")) {
                QCOMPARE(device.value(QStringLiteral("status_profile")).toString(), match.captured(3));
                QCOMPARE(device.value(QStringLiteral("status_title")).toString(), match.captured(4));
            }
            QVERIFY(!device.value(QStringLiteral("is_current")).toBool());
            QVERIFY(!device.value(QStringLiteral("os")).toString().isEmpty());
            QVERIFY(!device.value(QStringLiteral("app")).toString().isEmpty());
        }
        checkNoSecrets(simulator);
    }

    void sigtermSignsEveryDeviceOut()
    {
        const auto owner = client().login(demoEmail(), demoPassword());
        QVERIFY(!owner.access.isEmpty());
        const int before = signedInDevices(owner.access);
        SimulatorProcess simulator(simulateArgs(2, 0));
        QCOMPARE(simulator.waitFor(QStringLiteral(" signed in$"), 2, signInDeadlineMs).size(), 2);
        QCOMPARE(signedInDevices(owner.access), before + 2);

        simulator.process().terminate();
        QVERIFY(simulator.waitForExit());
        QCOMPARE(simulator.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(simulator.process().exitCode(), 0);
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) signed out$"), 2).size(), 2);
        QCOMPARE(signedInDevices(owner.access), before);
        checkNoSecrets(simulator);
    }

    // Another request of a signing-out device can be answered 401 session_revoked (in CI a status
    // report sent at sign-in came back after the sign-out had been processed; here the owner signs
    // the device out while its own sign-out is held at the door). The device asked to be signed out
    // and it is, so it says "signed out", not "refused". Regression: CI saw one device "refused".
    void aRevocationDuringSignOutIsTheSignOut()
    {
        const auto owner = client().login(demoEmail(), demoPassword());
        QVERIFY(!owner.access.isEmpty());
        QVERIFY(establish(client(), owner));
        const int before = signedInDevices(owner.access);
        SimulatorProcess simulator(simulateArgs(1, 0));
        const auto signedIn =
            simulator.waitFor(QStringLiteral("^sim: device (\\d+) (.+) signed in$"), 1, signInDeadlineMs);
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) online$")).size(), 1);
        const QJsonObject slowSignOut{
            {QStringLiteral("match"),
             QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                         {QStringLiteral("path"), QStringLiteral("/v1/auth/logout")}}},
            {QStringLiteral("action"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("latency")}, {QStringLiteral("ms"), 6000}}}};
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/faults"), slowSignOut).status, 201);

        simulator.process().terminate();
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: stopping$")).size(), 1);
        ownerSignsOut(owner.access, signedIn.first().captured(2));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(simulator.waitForExit());
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QCOMPARE(simulator.process().exitCode(), 0);
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) signed out$")).size(), 1);
        QVERIFY2(!simulator.allOutput().contains(QStringLiteral("refused")), qPrintable(simulator.allOutput()));
        QCOMPARE(signedInDevices(owner.access), before);
    }

    void wrongPasswordFails()
    {
        SimulatorProcess simulator(simulateArgs(1, 0, QStringLiteral("not-the-password")));
        QCOMPARE(
            simulator
                .waitFor(QStringLiteral("^sim: device (.+) sign-in failed: invalid_credentials$"), 1, signInDeadlineMs)
                .size(),
            1);
        QVERIFY(simulator.waitForExit());
        QCOMPARE(simulator.process().exitCode(), 1);
        QVERIFY(!simulator.allOutput().contains(QLatin1String("not-the-password")));
    }

    void anExpiredAccessTokenIsRefreshed()
    {
        // A fast schedule makes requests all the time; after 6 minutes of server time the access
        // token has expired, so the next request is answered with a refresh.
        SimulatorProcess simulator(simulateArgs(1, 50));
        QCOMPARE(simulator.waitFor(QStringLiteral(" signed in$"), 1, signInDeadlineMs).size(), 1);
        QVERIFY(client().advanceClock(360));
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) token refreshed$")).size(), 1);
        QVERIFY(simulator.lines().filter(QStringLiteral("refused")).isEmpty());
        checkNoSecrets(simulator);
    }

    void aDeviceWhoseSignInExpiredIsRefused()
    {
        SimulatorProcess simulator(simulateArgs(1, 50));
        QCOMPARE(simulator.waitFor(QStringLiteral(" signed in$"), 1, signInDeadlineMs).size(), 1);
        // Beyond the 30-day refresh lifetime: the refresh is refused and the device stops.
        QVERIFY(client().advanceClock(31 * 24 * 3600));
        QCOMPARE(
            simulator.waitFor(QStringLiteral("^sim: device (.+) refused: (invalid_refresh|session_revoked)$")).size(),
            1);
        QVERIFY(simulator.waitForExit());
        QCOMPARE(simulator.process().exitCode(), 0);
    }

    void aRevokedSessionIsRefused()
    {
        const auto owner = client().login(demoEmail(), demoPassword());
        QVERIFY(!owner.access.isEmpty());
        QVERIFY(establish(client(), owner));
        SimulatorProcess simulator(simulateArgs(2, 0));
        const auto signedIn =
            simulator.waitFor(QStringLiteral("^sim: device (\\d+) (.+) signed in$"), 2, signInDeadlineMs);
        QCOMPARE(signedIn.size(), 2);
        const QString victim = signedIn.first().captured(2);
        QCOMPARE(simulator.waitFor(QStringLiteral("^sim: device (.+) online$"), 2).size(), 2);
        ownerSignsOut(owner.access, victim);
        if (QTest::currentTestFailed())
            return;
        const auto refused = simulator.waitFor(QStringLiteral("^sim: device (.+) refused: session_revoked$"));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().captured(1), victim);
        // Exactly one line, and the other device carries on.
        QVERIFY(simulator.process().state() == QProcess::Running);
        simulator.process().terminate();
        QVERIFY(simulator.waitForExit());
        QCOMPARE(simulator.process().exitCode(), 0);
        QCOMPARE(simulator.lines().filter(QStringLiteral("refused")).size(), 1);
        checkNoSecrets(simulator);
    }

    // --drop-percent: the socket ends without a close frame (a failing network, the soak's churn);
    // the device reconnects and stays signed in.
    void aDroppedConnectionReconnects()
    {
        const auto owner = client().login(demoEmail(), demoPassword());
        QVERIFY(!owner.access.isEmpty());
        const int before = signedInDevices(owner.access);
        SimulatorProcess simulator(simulateArgs(2, 300) +
                                   QStringList{QStringLiteral("--drop-percent"), QStringLiteral("100")});
        QCOMPARE(simulator.waitFor(QStringLiteral(" signed in$"), 2, signInDeadlineMs).size(), 2);
        QVERIFY(simulator.waitFor(QStringLiteral("^sim: device (.+) connection dropped$"), 2).size() >= 2);
        QVERIFY(simulator.waitFor(QStringLiteral("^sim: device (.+) socket lost \\(closed \\d+\\)$"), 2).size() >= 2);
        // Both came online once after signing in, and again after a drop.
        QVERIFY(simulator.waitFor(QStringLiteral("^sim: device (.+) online$"), 4).size() >= 4);
        QCOMPARE(signedInDevices(owner.access), before + 2);
        simulator.process().terminate();
        QVERIFY(simulator.waitForExit());
        QCOMPARE(simulator.process().exitCode(), 0);
        QCOMPARE(simulator.lines().filter(QStringLiteral("refused")).size(), 0);
        checkNoSecrets(simulator);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
