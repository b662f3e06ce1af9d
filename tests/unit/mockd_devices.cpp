#include "base/Clock.h"
#include "devices/DeviceService.h"
#include "geo/GeoIpReader.h"
#include "scenarios/ScenarioLoader.h"
#include "scenarios/ScenarioSeeder.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace mockd;

// DeviceService without sockets: which devices are listed and in what order, the Device JSON, and
// that every change moves the account's version and is announced (or not) as it should.
class TestDevices final : public QObject
{
    Q_OBJECT

private:
    Clock m_clock;
    GeoIpReader m_geo;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<DeviceService> m_devices;

    QJsonObject json(const QString& id, const QString& current = {})
    {
        const Device* device = m_store->devices().byId(id);
        return device ? QJsonDocument::fromJson(m_devices->toJson(*device, current)).object() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString db = qEnvironmentVariable("VIGIL_GEOIP_DB");
        QVERIFY2(!db.isEmpty(), "VIGIL_GEOIP_DB is not set");
        QVERIFY(!m_geo.open(db).has_value());
    }

    void init()
    {
        auto scenario = ScenarioLoader::loadFile(ScenarioLoader::builtInHousehold);
        QVERIFY(scenario.hasValue());
        ScenarioLoader loader;
        QVERIFY(loader.hashPasswords(*scenario).hasValue());
        auto store = Store::open(QStringLiteral(":memory:"));
        QVERIFY(store.hasValue());
        m_store = std::move(*store);
        QVERIFY(ScenarioSeeder(*m_store, m_clock).seed(*scenario).hasValue());
        m_devices = std::make_unique<DeviceService>(*m_store, m_clock, m_geo);
    }

    void listedDevicesComeInAStableOrder()
    {
        const auto devices = m_devices->listed(QStringLiteral("acc_demo"));
        QCOMPARE(devices.size(), 12);
        for (qsizetype i = 1; i < devices.size(); ++i) {
            const Device* a = devices.at(i - 1);
            const Device* b = devices.at(i);
            QVERIFY(a->firstSignInMs < b->firstSignInMs || (a->firstSignInMs == b->firstSignInMs && a->id < b->id));
        }
        QVERIFY(m_devices->listed(QStringLiteral("acc_nobody")).isEmpty());
    }

    void deviceJsonFollowsTheContract()
    {
        const QJsonObject tv = json(QStringLiteral("dev_demo_living_tv"), QStringLiteral("dev_demo_living_tv"));
        QCOMPARE(tv.value(QStringLiteral("is_current")).toBool(), true);
        QCOMPARE(tv.value(QStringLiteral("last_profile")).toString(), QStringLiteral("Sam"));
        QCOMPARE(tv.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        QCOMPARE(tv.value(QStringLiteral("status_profile")).toString(), QStringLiteral("Sam"));
        QVERIFY(tv.value(QStringLiteral("first_sign_in")).toString().endsWith(QLatin1Char('Z')));
        const QJsonObject location = tv.value(QStringLiteral("location")).toObject();
        QCOMPARE(location.value(QStringLiteral("city")).toString(), QStringLiteral("London"));
        QCOMPARE(location.value(QStringLiteral("country_code")).toString(), QStringLiteral("GB"));
        // For events: no is_current at all.
        QVERIFY(!json(QStringLiteral("dev_demo_living_tv")).contains(QStringLiteral("is_current")));
        // Idle devices show no profile or title.
        const QJsonObject idle = json(QStringLiteral("dev_demo_bedroom_tv"));
        QVERIFY(idle.value(QStringLiteral("status_profile")).isNull());
        QVERIFY(idle.value(QStringLiteral("status_title")).isNull());
    }

    void changesMoveTheVersionAndAreAnnounced()
    {
        QSignalSpy changed(m_devices.get(), &DeviceService::deviceChanged);
        const QString account = QStringLiteral("acc_demo");
        const quint64 before = m_devices->version(account);
        const quint64 other = m_devices->version(QStringLiteral("acc_twostep"));
        QVERIFY(m_devices->rename(account, QStringLiteral("dev_demo_ps5"), QStringLiteral("PS5")).hasValue());
        QVERIFY(m_devices->version(account) != before);
        QCOMPARE(m_devices->version(QStringLiteral("acc_twostep")), other);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("dev_demo_ps5"));

        // Another account's device is not found and nothing changes.
        QVERIFY(!m_devices->rename(account, QStringLiteral("dev_twostep_laptop"), QStringLiteral("x")).hasValue());
        QCOMPARE(changed.size(), 1);

        const quint64 mid = m_devices->version(account);
        QVERIFY(m_devices
                    ->reportStatus(account,
                                   QStringLiteral("dev_demo_bedroom_tv"),
                                   QStringLiteral("paused"),
                                   QStringLiteral("mia"),
                                   QStringLiteral("E2"))
                    .hasValue());
        QVERIFY(m_devices->version(account) != mid);
        const QJsonObject paused = json(QStringLiteral("dev_demo_bedroom_tv"));
        QCOMPARE(paused.value(QStringLiteral("status_profile")).toString(), QStringLiteral("mia"));
        QCOMPARE(paused.value(QStringLiteral("last_profile")).toString(), QStringLiteral("Mia"));

        m_devices->setOnline(account, QStringLiteral("dev_demo_bedroom_tv"), false);
        QCOMPARE(json(QStringLiteral("dev_demo_bedroom_tv")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("offline"));
        QCOMPARE(changed.size(), 3);

        const quint64 last = m_devices->version(account);
        m_devices->invalidateAll();
        QVERIFY(m_devices->version(account) != last);
        QVERIFY(m_devices->version(QStringLiteral("acc_twostep")) != other);
    }

    void anUpdateOfAnUnlistedDeviceIsNotAnnounced()
    {
        QSignalSpy changed(m_devices.get(), &DeviceService::deviceChanged);
        const QString account = QStringLiteral("acc_demo");
        const auto sessions = m_store->sessions().forAccount(account);
        for (const Session* session : sessions) {
            if (session->deviceId == QLatin1String("dev_demo_ps5"))
                QVERIFY(m_store->sessions().revoke(session->id, m_clock.nowMs(), QStringLiteral("test")).hasValue());
        }
        QCOMPARE(m_devices->listed(account).size(), 11);
        const quint64 before = m_devices->version(account);
        m_devices->notify(account, QStringLiteral("dev_demo_ps5"), DeviceService::Change::Updated);
        QCOMPARE(changed.size(), 0);
        QVERIFY(m_devices->version(account) != before);
        m_devices->notify(account, QStringLiteral("dev_demo_ps5"), DeviceService::Change::Removed);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDevices)
#include "mockd_devices.moc"
