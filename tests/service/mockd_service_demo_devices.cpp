#include "Establish.h"
#include "ServiceFixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <memory>

// The household demo's devices that say they are online (streaming, paused, idle) really are once
// POST /__admin/simulator {"action":"connect"} has answered, as demo mode asks: each holds its event
// socket, so signing one out ends "signed_out" at once, while an offline one stays "pending".
class TestServiceDemoDevices final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;

    static constexpr const char* livingRoomTv = "dev_demo_living_tv";
    static constexpr const char* safari = "dev_demo_alex_safari"; // offline in the scenario

    ServiceReply connectScenarioDevices()
    {
        return client().admin(
            "POST", QStringLiteral("/__admin/simulator"), {{QStringLiteral("action"), QStringLiteral("connect")}});
    }

    QJsonObject scenarioDevice(const QString& deviceId)
    {
        const QJsonArray devices = client()
                                       .admin("GET", QStringLiteral("/__admin/simulator"))
                                       .json()
                                       .value(QStringLiteral("scenario_devices"))
                                       .toArray();
        for (const QJsonValue& device : devices) {
            if (device.toObject().value(QStringLiteral("device_id")).toString() == deviceId)
                return device.toObject();
        }
        return {};
    }

    QJsonObject listedDevice(const QString& deviceId)
    {
        const QJsonArray devices =
            client().get(QStringLiteral("/v1/devices"), m_me.access).json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices) {
            if (device.toObject().value(QStringLiteral("id")).toString() == deviceId)
                return device.toObject();
        }
        return {};
    }

    QHash<QString, QString> signOut(const QStringList& ids)
    {
        const RawHeaders headers{{"Content-Type", "application/json"},
                                 {"Authorization", "Bearer " + m_me.access.toLatin1()},
                                 {"X-Step-Up", client().passwordStepUp(m_me.access).toLatin1()}};
        const QJsonObject body{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}};
        const ServiceReply reply = client().send("POST",
                                                 QStringLiteral("/v1/devices/sign-out"),
                                                 QJsonDocument(body).toJson(QJsonDocument::Compact),
                                                 headers);
        QHash<QString, QString> results;
        const QJsonArray array = reply.json().value(QStringLiteral("results")).toArray();
        for (const QJsonValue& result : array)
            results.insert(result.toObject().value(QStringLiteral("device_id")).toString(),
                           result.toObject().value(QStringLiteral("result")).toString());
        return results;
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
        const ServiceReply connected = connectScenarioDevices();
        QCOMPARE(connected.status, 200);
        m_me = client().loginDemo(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QVERIFY(!m_me.access.isEmpty());
        QVERIFY(establish(client(), m_me));
    }

    void onlineDevicesAreConnectedWithTheirScenarioStatus()
    {
        // Every device of the household (both accounts) that is not offline, and only those.
        const QJsonArray devices = client()
                                       .admin("GET", QStringLiteral("/__admin/simulator"))
                                       .json()
                                       .value(QStringLiteral("scenario_devices"))
                                       .toArray();
        QStringList ids;
        for (const QJsonValue& device : devices) {
            QCOMPARE(device.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("online"));
            ids.append(device.toObject().value(QStringLiteral("device_id")).toString());
        }
        ids.sort();
        QCOMPARE(ids,
                 QStringList({QStringLiteral("dev_demo_bedroom_tv"),
                              QStringLiteral("dev_demo_grandma_firetv"),
                              QStringLiteral("dev_demo_leo_pixel"),
                              QStringLiteral("dev_demo_living_tv"),
                              QStringLiteral("dev_demo_mia_ipad"),
                              QStringLiteral("dev_demo_sam_iphone"),
                              QStringLiteral("dev_twostep_laptop"),
                              QStringLiteral("dev_twostep_phone")}));

        // What they report is what the scenario says; the offline ones stay offline.
        QTRY_COMPARE(listedDevice(QString::fromLatin1(livingRoomTv)).value(QStringLiteral("status_profile")).toString(),
                     QStringLiteral("Sam"));
        const QJsonObject tv = listedDevice(QString::fromLatin1(livingRoomTv));
        QCOMPARE(tv.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        QCOMPARE(tv.value(QStringLiteral("status_title")).toString(), QStringLiteral("The Long Coast · S2:E4"));
        QTRY_COMPARE(listedDevice(QStringLiteral("dev_demo_sam_iphone")).value(QStringLiteral("status")).toString(),
                     QStringLiteral("paused"));
        QCOMPARE(listedDevice(QStringLiteral("dev_demo_bedroom_tv")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("idle"));
        QCOMPARE(listedDevice(QString::fromLatin1(safari)).value(QStringLiteral("status")).toString(),
                 QStringLiteral("offline"));
    }

    void signingOutAnOnlineDeviceIsImmediateAnOfflineOnePending()
    {
        const QHash<QString, QString> results =
            signOut({QString::fromLatin1(livingRoomTv), QString::fromLatin1(safari)});
        QCOMPARE(results.value(QString::fromLatin1(livingRoomTv)), QStringLiteral("signed_out"));
        QCOMPARE(results.value(QString::fromLatin1(safari)), QStringLiteral("pending"));
        // The TV heard it on its socket and stopped, as a real one does.
        QTRY_COMPARE(scenarioDevice(QString::fromLatin1(livingRoomTv)).value(QStringLiteral("state")).toString(),
                     QStringLiteral("refused"));
        QVERIFY(listedDevice(QString::fromLatin1(livingRoomTv)).isEmpty());
    }

    void connectingAgainTakesNothingOverTwice()
    {
        const ServiceReply again = connectScenarioDevices();
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("scenario_devices")).toArray().size(), 8);
        QCOMPARE(scenarioDevice(QString::fromLatin1(livingRoomTv)).value(QStringLiteral("state")).toString(),
                 QStringLiteral("online"));
    }

    void resetDropsThem()
    {
        QVERIFY(client().reset());
        QCOMPARE(client()
                     .admin("GET", QStringLiteral("/__admin/simulator"))
                     .json()
                     .value(QStringLiteral("scenario_devices"))
                     .toArray()
                     .size(),
                 0);
    }

    void cleanupTestCase() { QVERIFY(client().leakedSecrets(m_mockd.output()).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestServiceDemoDevices)
#include "mockd_service_demo_devices.moc"
