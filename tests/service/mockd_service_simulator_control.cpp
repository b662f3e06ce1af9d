#include "ServiceFixture.h"

#include <QJsonArray>
#include <QObject>
#include <QTest>
#include <memory>

// POST/GET /__admin/simulator and per-device commands: simulated devices run inside the service
// process as real clients of its own URL, and what they do shows in the public API.
class TestServiceSimulatorControl final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_access;

    QJsonObject simulator() { return client().admin("GET", QStringLiteral("/__admin/simulator")).json(); }

    QJsonArray simulatedDevices() { return simulator().value(QStringLiteral("devices")).toArray(); }

    int countInState(const QString& state)
    {
        int n = 0;
        for (const QJsonValue& device : simulatedDevices())
            n += device.toObject().value(QStringLiteral("state")).toString() == state ? 1 : 0;
        return n;
    }

    ServiceReply command(int number, const QJsonObject& body)
    {
        return client().admin("POST", QStringLiteral("/__admin/simulator/devices/%1").arg(number), body);
    }

    QJsonObject serviceDevice(const QString& id)
    {
        return client().get(QStringLiteral("/v1/devices/") + id, m_access).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        client().rememberSecret(QString::fromLatin1(MockdProcess::adminKey));
        QVERIFY(client().reset());
        m_access =
            client()
                .login(QString::fromLatin1(ServiceClient::demoEmail), QString::fromLatin1(ServiceClient::demoPassword))
                .access;
        QVERIFY(!m_access.isEmpty());
    }

    void badStartRequestsAre422()
    {
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("start")},
                             {QStringLiteral("profile"), QStringLiteral("lazy")}})
                     .json()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("profile"));
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("start")},
                             {QStringLiteral("account"), QStringLiteral("nobody@vigil.test")}})
                     .status,
                 422);
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("start")}, {QStringLiteral("devices"), 0}})
                     .status,
                 422);
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("fly")}})
                     .status,
                 422);
        QCOMPARE(simulator().value(QStringLiteral("running")).toBool(), false);
        QCOMPARE(command(1, {{QStringLiteral("command"), QStringLiteral("offline")}}).status, 404);
    }

    void startListCommandStop()
    {
        const ServiceReply started = client().admin("POST",
                                                    QStringLiteral("/__admin/simulator"),
                                                    {{QStringLiteral("action"), QStringLiteral("start")},
                                                     {QStringLiteral("devices"), 3},
                                                     {QStringLiteral("account"), QStringLiteral("demo@vigil.test")},
                                                     {QStringLiteral("profile"), QStringLiteral("steady")}});
        QVERIFY2(started.status == 200, started.body.constData());
        QCOMPARE(started.json().value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(started.json().value(QStringLiteral("profile")).toString(), QStringLiteral("steady"));
        QCOMPARE(started.json().value(QStringLiteral("devices")).toArray().size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(countInState(QStringLiteral("online")), 3, 60000);

        const QJsonArray devices = simulatedDevices();
        QStringList ids;
        for (int i = 0; i < devices.size(); ++i) {
            const QJsonObject device = devices.at(i).toObject();
            QCOMPARE(device.value(QStringLiteral("number")).toInt(), i + 1);
            ids.append(device.value(QStringLiteral("device_id")).toString());
            QVERIFY(ids.last().startsWith(QLatin1String("dev_")));
        }
        // Every simulated device is a real device of the account.
        for (const QString& id : std::as_const(ids))
            QTRY_VERIFY_WITH_TIMEOUT(
                serviceDevice(id).value(QStringLiteral("status")).toString() != QLatin1String("offline"), 30000);

        ServiceReply reply = command(1, {{QStringLiteral("command"), QStringLiteral("offline")}});
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("state")).toString(), QStringLiteral("offline"));
        QTRY_COMPARE_WITH_TIMEOUT(
            serviceDevice(ids.at(0)).value(QStringLiteral("status")).toString(), QStringLiteral("offline"), 30000);
        // Going offline twice is not possible; the device says why.
        QCOMPARE(command(1, {{QStringLiteral("command"), QStringLiteral("offline")}}).status, 409);

        reply = command(2,
                        {{QStringLiteral("command"), QStringLiteral("stream")},
                         {QStringLiteral("profile"), QStringLiteral("Mia")},
                         {QStringLiteral("title"), QStringLiteral("Paper Planets · E7")}});
        QVERIFY2(reply.status == 200, reply.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            serviceDevice(ids.at(1)).value(QStringLiteral("status_profile")).toString(), QStringLiteral("Mia"), 30000);
        QCOMPARE(serviceDevice(ids.at(1)).value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));

        QCOMPARE(command(2, {{QStringLiteral("command"), QStringLiteral("pause")}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            serviceDevice(ids.at(1)).value(QStringLiteral("status")).toString(), QStringLiteral("paused"), 30000);

        QCOMPARE(command(1, {{QStringLiteral("command"), QStringLiteral("online")}}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            serviceDevice(ids.at(0)).value(QStringLiteral("status")).toString() != QLatin1String("offline"), 30000);

        QCOMPARE(command(3, {{QStringLiteral("command"), QStringLiteral("dance")}}).status, 422);
        QCOMPARE(command(4, {{QStringLiteral("command"), QStringLiteral("pause")}}).status, 404);
        // Another account while running: stop first.
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("start")},
                             {QStringLiteral("account"), QStringLiteral("twostep@vigil.test")}})
                     .status,
                 409);

        reply = client().admin(
            "POST", QStringLiteral("/__admin/simulator"), {{QStringLiteral("action"), QStringLiteral("stop")}});
        QCOMPARE(reply.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(simulatedDevices().size(), 0, 30000);
        QCOMPARE(simulator().value(QStringLiteral("running")).toBool(), false);
        // They signed out: the service no longer lists them.
        const auto listed = [this, &ids] {
            int n = 0;
            const QJsonArray all = client()
                                       .get(QStringLiteral("/v1/devices?limit=1000"), m_access)
                                       .json()
                                       .value(QStringLiteral("devices"))
                                       .toArray();
            for (const QJsonValue& device : all)
                n += ids.contains(device.toObject().value(QStringLiteral("id")).toString()) ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(listed(), 0, 30000);
    }

    void resetDropsTheSimulatedDevices()
    {
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/simulator"),
                            {{QStringLiteral("action"), QStringLiteral("start")}, {QStringLiteral("devices"), 1}})
                     .status,
                 200);
        QCOMPARE(simulatedDevices().size(), 1);
        QVERIFY(client().reset());
        QCOMPARE(simulator().value(QStringLiteral("running")).toBool(), false);
        QCOMPARE(simulatedDevices().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceSimulatorControl)
#include "mockd_service_simulator_control.moc"
