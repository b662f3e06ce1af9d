// ProfileDevices: which devices belong to a person (their last profile), followed live on the
// device list — new devices, a device changing profile, devices going away, bursts and resets.
#include "DeviceFixtures.h"
#include "core/devices/DeviceListModel.h"
#include "core/profiles/ProfileDevices.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using fixtures::makeDevice;

class TestProfileDevices final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ProfileDevices> m_people;

    static Device device(const QString& id, const QString& profile, bool current = false)
    {
        return makeDevice({.id = id, .name = id.toUpper(), .profile = profile, .current = current});
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<DeviceListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setDevices({device("tv", "Sam"),
                             device("phone", "Sam"),
                             device("tablet", "Alex"),
                             device("laptop", "Sam", true),
                             device("console", QString())});
        m_people = std::make_unique<ProfileDevices>(m_model.get());
    }

    void cleanup()
    {
        m_people.reset();
        m_tester.reset();
        m_model.reset();
    }

    void countsEachPersonsDevices()
    {
        QCOMPARE(m_people->count("Sam"), 3);
        QCOMPARE(m_people->count("Alex"), 1);
        QCOMPARE(m_people->count("Mia"), 0);
        QCOMPARE(m_people->count(QString()), 0);
        QCOMPARE(m_people->deviceIds("Sam"), (QStringList{"tv", "phone", "laptop"}));
        QVERIFY(m_people->deviceIds("Mia").isEmpty());
        QCOMPARE(m_people->profiles(), (QStringList{"Alex", "Sam"}));
    }

    void followsANewDevice()
    {
        QSignalSpy changed(m_people.get(), &ProfileDevices::changed);
        m_model->upsert(device("stick", "Sam"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_people->count("Sam"), 4);
        // A device without a profile changes nobody's devices.
        m_model->upsert(device("box", QString()));
        QCOMPARE(changed.count(), 1);
    }

    void followsADeviceChangingProfile()
    {
        QSignalSpy changed(m_people.get(), &ProfileDevices::changed);
        QCOMPARE(
            m_model->applyEvent(u"device.updated", {{"id", "phone"}, {"last_profile", "Alex"}, {"status", "idle"}}),
            DeviceListModel::Change::Updated);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_people->count("Sam"), 2);
        QCOMPARE(m_people->count("Alex"), 2);
        QCOMPARE(m_people->deviceIds("Alex"), (QStringList{"phone", "tablet"}));
        // Another change of the same device that leaves its profile alone: nothing to tell.
        m_model->applyEvent(u"device.updated", {{"id", "phone"}, {"status", "offline"}});
        QCOMPARE(changed.count(), 1);
    }

    void followsDevicesGoingAway()
    {
        QSignalSpy changed(m_people.get(), &ProfileDevices::changed);
        QVERIFY(m_model->remove("tablet"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_people->count("Alex"), 0);
        QCOMPARE(m_people->profiles(), QStringList{"Sam"});
        QVERIFY(m_model->remove("console"));
        QCOMPARE(changed.count(), 1);
    }

    void followsABurst()
    {
        QSignalSpy changed(m_people.get(), &ProfileDevices::changed);
        m_model->beginUpdates();
        m_model->applyEvent(u"device.updated", {{"id", "tv"}, {"last_profile", "Alex"}});
        m_model->applyEvent(u"device.updated", {{"id", "console"}, {"last_profile", "Mia"}});
        m_model->endUpdates();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_people->count("Sam"), 2);
        QCOMPARE(m_people->count("Alex"), 2);
        QCOMPARE(m_people->count("Mia"), 1);
    }

    void followsAReset()
    {
        QSignalSpy changed(m_people.get(), &ProfileDevices::changed);
        m_model->setDevices({device("tv", "Mia")});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_people->count("Sam"), 0);
        QCOMPARE(m_people->deviceIds("Mia"), QStringList{"tv"});
    }
};

QTEST_GUILESS_MAIN(TestProfileDevices)
#include "TestProfileDevices.moc"
