// A new device (young-session guard): `new_until` parsed, the model's NewRole and accessible text,
// the "New, not confirmed" filter, and all of it following live updates and the clock.
#include "DeviceFixtures.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using vigil::Device;
using vigil::DeviceFilterModel;
using vigil::DeviceListModel;
using namespace fixtures;

class TestDeviceNew final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;

    static Device newDevice(const QString& id, const QString& name, qint64 newForSeconds, bool current = false)
    {
        Device device = makeDevice({.id = id, .name = name, .firstSignInAgo = 10 * minute, .current = current});
        device.newUntil = fixedNow().addSecs(newForSeconds);
        return device;
    }

    QList<Device> household() const
    {
        return {makeDevice({.id = QStringLiteral("mac"), .name = QStringLiteral("Sam's MacBook"), .current = true}),
                makeDevice({.id = QStringLiteral("tv"), .name = QStringLiteral("Living Room TV")}),
                newDevice(QStringLiteral("chrome"), QStringLiteral("Chrome on Windows"), 23 * hour)};
    }

    static QString nameText(const DeviceListModel& model, const QString& id)
    {
        return model.index(model.rowOf(id), DeviceListModel::NameColumn).data(Qt::AccessibleTextRole).toString();
    }

private Q_SLOTS:
    void init() { *m_clock.now = fixedNow(); }

    void newUntilIsReadAndWritten()
    {
        auto device = Device::fromJson(QJsonObject{{"id", "d1"},
                                                   {"name", "Chrome"},
                                                   {"type", "browser"},
                                                   {"status", "idle"},
                                                   {"first_sign_in", "2026-03-10T11:50:00Z"},
                                                   {"last_active", QJsonValue::Null},
                                                   {"new_until", "2026-03-11T11:50:00Z"}});
        QVERIFY(device);
        QVERIFY(!device->incomplete());
        QCOMPARE(device->newUntil, QDateTime(QDate(2026, 3, 11), QTime(11, 50), Qt::UTC));
        QVERIFY(device->isNewAt(fixedNow()));
        QVERIFY(!device->isNewAt(QDateTime(QDate(2026, 3, 11), QTime(11, 50), Qt::UTC))); // ends at new_until
        QCOMPARE(Device::fromJson(device->toJson())->newUntil, device->newUntil);
        // Confirmed: the service says null, and the device is established.
        device->mergeJson(QJsonObject{{"new_until", QJsonValue::Null}});
        QVERIFY(!device->newUntil.isValid());
        QVERIFY(!device->isNewAt(fixedNow()));
        QVERIFY(!device->incomplete());
        // A device without the field (an older service) is established, not incomplete.
        device->mergeJson(QJsonObject{{"new_until", 42}});
        QVERIFY(device->incomplete());
    }

    void theModelSaysWhichDevicesAreNew()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRelativeTime(m_clock.relativeTime());
        model.setDevices(household());
        const auto isNew = [&model](const QString& id) {
            return model.index(model.rowOf(id), DeviceListModel::NameColumn).data(DeviceListModel::NewRole).toBool();
        };
        QVERIFY(isNew(QStringLiteral("chrome")));
        QVERIFY(!isNew(QStringLiteral("tv")));
        QVERIFY(!isNew(QStringLiteral("mac")));
        QVERIFY(!model.isCurrentNew());
        QCOMPARE(model.newOthersCount(), 1);
        // What the badge says, for a screen reader; established devices read as before.
        QCOMPARE(nameText(model, QStringLiteral("chrome")),
                 QStringLiteral("Chrome on Windows, idle, profile Ana, new, not confirmed yet"));
        QCOMPARE(nameText(model, QStringLiteral("tv")), QStringLiteral("Living Room TV, idle, profile Ana"));
    }

    void confirmingUpdatesTheRowLive()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRelativeTime(m_clock.relativeTime());
        model.setDevices(household());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.applyEvent(u"device.updated", QJsonObject{{"id", "chrome"}, {"new_until", QJsonValue::Null}}),
                 DeviceListModel::Change::Updated);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), model.rowOf(QStringLiteral("chrome")));
        QVERIFY(!model.index(model.rowOf(QStringLiteral("chrome")), 0).data(DeviceListModel::NewRole).toBool());
        QCOMPARE(model.newOthersCount(), 0);
        QVERIFY(!nameText(model, QStringLiteral("chrome")).contains(QStringLiteral("new")));
    }

    void theRestrictionEndsWithTheClock()
    {
        DeviceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRelativeTime(m_clock.relativeTime());
        model.setDevices(household());
        m_clock.advanceSeconds(23 * hour - 1);
        QCOMPARE(model.newOthersCount(), 1);
        m_clock.advanceSeconds(1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshRelativeTimes();
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.constFirst().at(2).value<QList<int>>().contains(DeviceListModel::NewRole));
        QCOMPARE(model.newOthersCount(), 0);
        QVERIFY(!model.index(model.rowOf(QStringLiteral("chrome")), 0).data(DeviceListModel::NewRole).toBool());
    }

    void aNewVigilKnowsItIsNew()
    {
        DeviceListModel model;
        model.setRelativeTime(m_clock.relativeTime());
        QList<Device> devices = household();
        devices[0].newUntil = fixedNow().addSecs(hour);
        model.setDevices(devices);
        QVERIFY(model.isCurrentNew());
        // It cannot confirm itself: only the others wait for the owner.
        QCOMPARE(model.newOthersCount(), 1);
    }

    void theNewFilterShowsThemLive()
    {
        DeviceListModel model;
        model.setRelativeTime(m_clock.relativeTime());
        QList<Device> devices = household();
        devices[0].newUntil = fixedNow().addSecs(hour); // this computer never shows in the filter
        model.setDevices(devices);
        DeviceFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.setNewOnly(true);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(DeviceListModel::IdRole).toString(), QStringLiteral("chrome"));

        // Another sign-in arrives: it is new, so it shows.
        QCOMPARE(model.applyEvent(u"device.signed_in",
                                  newDevice(QStringLiteral("pixel"), QStringLiteral("Pixel 8"), 24 * hour).toJson()),
                 DeviceListModel::Change::Inserted);
        QCOMPARE(filter.rowCount(), 2);
        // Confirmed from elsewhere: it leaves the filter.
        model.applyEvent(u"device.updated", QJsonObject{{"id", "chrome"}, {"new_until", QJsonValue::Null}});
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(DeviceListModel::IdRole).toString(), QStringLiteral("pixel"));
        // A day later nothing is new any more.
        m_clock.advanceSeconds(24 * hour);
        model.refreshRelativeTimes();
        QCOMPARE(filter.rowCount(), 0);
        filter.setNewOnly(false);
        QCOMPARE(filter.rowCount(), 4);
    }
};

QTEST_GUILESS_MAIN(TestDeviceNew)
#include "TestDeviceNew.moc"
