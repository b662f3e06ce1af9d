#include "DeviceFixtures.h"
#include "core/devices/DeviceListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using vigil::Device;
using vigil::DeviceListModel;
using namespace fixtures;

namespace {

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// Every structural signal of a model, to prove which ones an update did (not) emit.
struct SignalLog
{
    explicit SignalLog(QAbstractItemModel* model)
        : dataChanged(model, &QAbstractItemModel::dataChanged),
          aboutToReset(model, &QAbstractItemModel::modelAboutToBeReset), reset(model, &QAbstractItemModel::modelReset),
          inserted(model, &QAbstractItemModel::rowsInserted), removed(model, &QAbstractItemModel::rowsRemoved),
          moved(model, &QAbstractItemModel::rowsMoved), layoutChanged(model, &QAbstractItemModel::layoutChanged)
    {}
    int structural() const
    {
        return int(aboutToReset.size() + reset.size() + inserted.size() + removed.size() + moved.size() +
                   layoutChanged.size());
    }
    QSignalSpy dataChanged;
    QSignalSpy aboutToReset;
    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy layoutChanged;
};

} // namespace

class TestDeviceListModel final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QString display(int row, int column) const { return m_model->index(row, column).data().toString(); }
    QVariant value(int row, int role, int column = 0) const { return m_model->index(row, column).data(role); }

    void loadThree()
    {
        m_model->setDevices({
            makeDevice({.id = QStringLiteral("tv"),
                        .name = QStringLiteral("Living Room TV"),
                        .type = Device::Type::Tv,
                        .status = Device::Status::Streaming,
                        .lastActiveAgo = 2 * minute}),
            makeDevice({.id = QStringLiteral("ipad"),
                        .name = QStringLiteral("Kitchen iPad"),
                        .type = Device::Type::Tablet,
                        .status = Device::Status::Idle,
                        .lastActiveAgo = 3 * hour,
                        .countryCode = QStringLiteral("ES"),
                        .city = QStringLiteral("Madrid"),
                        .profile = QStringLiteral("Ben"),
                        .current = true}),
            makeDevice({.id = QStringLiteral("old"),
                        .name = QStringLiteral("Old Laptop"),
                        .type = Device::Type::Computer,
                        .status = Device::Status::Offline,
                        .lastActiveAgo = 120 * day,
                        .firstSignInAgo = 400 * day,
                        .countryCode = QStringLiteral("BR"),
                        .city = QStringLiteral("São Paulo")}),
        });
    }

private Q_SLOTS:
    void init()
    {
        m_clock = ManualClock();
        m_model = std::make_unique<DeviceListModel>();
        m_model->setRelativeTime(m_clock.relativeTime());
        // Alive for the whole test: it checks every signal the model emits.
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void loads()
    {
        SignalLog log(m_model.get());
        loadThree();
        QCOMPARE(log.reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(DeviceListModel::ColumnCount));
        QCOMPARE(m_model->rowOf(QStringLiteral("ipad")), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("nope")), -1);
        QCOMPARE(display(0, DeviceListModel::NameColumn), QStringLiteral("Living Room TV"));
        QCOMPARE(display(0, DeviceListModel::StatusColumn), QStringLiteral("Streaming"));
        QCOMPARE(display(0, DeviceListModel::ProfileColumn), QStringLiteral("Ana"));
        QCOMPARE(display(0, DeviceListModel::LocationColumn), QStringLiteral("Lisbon, Portugal"));
        QCOMPARE(display(0, DeviceListModel::LastActiveColumn), QStringLiteral("2 min ago"));
        QCOMPARE(display(0, DeviceListModel::TypeColumn), QStringLiteral("TV"));
        QCOMPARE(display(0, DeviceListModel::OsColumn), QStringLiteral("Android 14"));
        QCOMPARE(display(0, DeviceListModel::AppColumn), QStringLiteral("Vigil Stream 3.2.1"));
        QCOMPARE(display(0, DeviceListModel::IpColumn), QStringLiteral("203.0.113.7"));
        QCOMPARE(display(0, DeviceListModel::FirstSignInColumn), QStringLiteral("22 Aug 2025"));
        QCOMPARE(display(2, DeviceListModel::LastActiveColumn), QStringLiteral("Inactive for 90+ days"));
        QCOMPARE(m_model->headerData(DeviceListModel::LastActiveColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Last Active"));
    }

    void dropsDuplicateIds()
    {
        const Device device = makeDevice({.id = QStringLiteral("a"), .name = QStringLiteral("First")});
        Device twin = device;
        twin.name = QStringLiteral("Second");
        QTest::ignoreMessage(QtWarningMsg, "ignored 2 devices without id or with a duplicate id");
        m_model->setDevices({device, twin, Device()});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(display(0, 0), QStringLiteral("First"));
    }

    void customRoles()
    {
        loadThree();
        QCOMPARE(value(0, DeviceListModel::IdRole).toString(), QStringLiteral("tv"));
        QCOMPARE(value(0, DeviceListModel::TypeRole).toInt(), int(Device::Type::Tv));
        QCOMPARE(value(0, DeviceListModel::TypeIconRole).toString(), QStringLiteral("tv"));
        QCOMPARE(value(0, DeviceListModel::StatusRole).toInt(), int(Device::Status::Streaming));
        QCOMPARE(value(0, DeviceListModel::StatusIconRole).toString(), QStringLiteral("circle-play"));
        QCOMPARE(value(0, DeviceListModel::StatusTitleRole).toString(), QStringLiteral("The Long Way Home"));
        QCOMPARE(value(1, DeviceListModel::IsCurrentRole).toBool(), true);
        QCOMPARE(value(0, DeviceListModel::IsCurrentRole).toBool(), false);
        QCOMPARE(value(1, DeviceListModel::CountryRole).toString(), QStringLiteral("ES"));
        QCOMPARE(value(1, DeviceListModel::LocationRole).toString(), QStringLiteral("Madrid, Spain"));
        QCOMPARE(value(0, DeviceListModel::LastActiveRole).toDateTime(), ago(2 * minute));
        QCOMPARE(value(2, DeviceListModel::InactiveRole).toBool(), true);
        QCOMPARE(value(0, DeviceListModel::InactiveRole).toBool(), false);
        QCOMPARE(value(2, DeviceListModel::SearchKeyRole).toString().contains(QLatin1String("sao paulo")), true);
        QCOMPARE(value(0, DeviceListModel::DeviceRole).value<Device>().name, QStringLiteral("Living Room TV"));
        QCOMPARE(value(0, DeviceListModel::SortRole, DeviceListModel::LastActiveColumn).toLongLong(),
                 ago(2 * minute).toMSecsSinceEpoch());
        QVERIFY(m_model->roleNames().contains(DeviceListModel::StatusIconRole));
    }

    void accessibleTexts()
    {
        loadThree();
        QCOMPARE(value(0, Qt::AccessibleTextRole).toString(), QStringLiteral("Living Room TV, streaming, profile Ana"));
        QCOMPARE(value(0, Qt::AccessibleDescriptionRole).toString(),
                 QStringLiteral("last active 2 minutes ago, Lisbon"));
        QCOMPARE(value(1, Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Kitchen iPad (this device), idle, profile Ben"));
        QCOMPARE(value(1, Qt::AccessibleDescriptionRole).toString(),
                 QStringLiteral("last active today at 09:00, Madrid"));
        QCOMPARE(value(2, Qt::AccessibleDescriptionRole).toString(),
                 QStringLiteral("last active more than 90 days ago, São Paulo"));
        QCOMPARE(value(0, Qt::AccessibleTextRole, DeviceListModel::LastActiveColumn).toString(),
                 QStringLiteral("2 minutes ago"));
        QCOMPARE(value(0, Qt::ToolTipRole, DeviceListModel::StatusColumn).toString(),
                 QStringLiteral("Streaming “The Long Way Home” on profile Ana"));
    }

    void updateEmitsOneDataChanged()
    {
        loadThree();
        SignalLog log(m_model.get());
        Device changed = m_model->deviceAt(1);
        changed.status = Device::Status::Streaming;
        changed.statusProfile = QStringLiteral("Kids");
        QCOMPARE(m_model->upsert(changed), DeviceListModel::Change::Updated);
        QCOMPARE(log.dataChanged.size(), 1);
        QCOMPARE(log.structural(), 0);
        const auto topLeft = log.dataChanged.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = log.dataChanged.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft, m_model->index(1, 0));
        QCOMPARE(bottomRight, m_model->index(1, DeviceListModel::ColumnCount - 1));
        QCOMPARE(display(1, DeviceListModel::StatusColumn), QStringLiteral("Streaming"));
        QCOMPARE(display(1, DeviceListModel::ProfileColumn), QStringLiteral("Kids"));

        // The same data again changes nothing and says nothing.
        QCOMPARE(m_model->upsert(changed), DeviceListModel::Change::Unchanged);
        QCOMPARE(log.dataChanged.size(), 1);
    }

    void updatedEventMergesFields()
    {
        loadThree();
        SignalLog log(m_model.get());
        const auto change = m_model->applyEvent(u"device.updated",
                                                object(R"({"id": "old", "status": "streaming", "status_profile": "Ben",
                                                           "status_title": "Cosmos", "last_active": "2026-03-10T12:00:00Z",
                                                           "some_future_field": {"x": 1}})"));
        QCOMPARE(change, DeviceListModel::Change::Updated);
        QCOMPARE(log.dataChanged.size(), 1);
        QCOMPARE(log.structural(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("old")), 2);
        QCOMPARE(display(2, DeviceListModel::StatusColumn), QStringLiteral("Streaming"));
        QCOMPARE(display(2, DeviceListModel::ProfileColumn), QStringLiteral("Ben"));
        QCOMPARE(display(2, DeviceListModel::LastActiveColumn), QStringLiteral("Just now"));
        QCOMPARE(display(2, DeviceListModel::NameColumn), QStringLiteral("Old Laptop"));
        QVERIFY(!value(2, DeviceListModel::IncompleteRole).toBool());
        QVERIFY(value(2, DeviceListModel::SearchKeyRole).toString().contains(QLatin1String("cosmos")));

        // The device may come wrapped, too.
        QCOMPARE(m_model->applyEvent(u"device.updated", object(R"({"device": {"id": "old", "status": "paused"}})")),
                 DeviceListModel::Change::Updated);
        QCOMPARE(display(2, DeviceListModel::StatusColumn), QStringLiteral("Paused"));
        QCOMPARE(log.dataChanged.size(), 2);
        QCOMPARE(log.structural(), 0);
    }

    void signedInEventInserts()
    {
        loadThree();
        SignalLog log(m_model.get());
        const QJsonObject json = makeDevice({.id = QStringLiteral("new"), .name = QStringLiteral("Hotel TV")}).toJson();
        QCOMPARE(m_model->applyEvent(u"device.signed_in", {{QStringLiteral("device"), json}}),
                 DeviceListModel::Change::Inserted);
        QCOMPARE(log.inserted.size(), 1);
        QCOMPARE(log.inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(log.inserted.at(0).at(2).toInt(), 3);
        QCOMPARE(log.reset.size(), 0);
        QCOMPARE(log.dataChanged.size(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("new")), 3);
        QCOMPARE(display(3, 0), QStringLiteral("Hotel TV"));

        // Signing in again with the same device id is an update, not a second row.
        QJsonObject again = json;
        again.insert(QStringLiteral("ip"), QStringLiteral("198.51.100.9"));
        QCOMPARE(m_model->applyEvent(u"device.signed_in", again), DeviceListModel::Change::Updated);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(log.inserted.size(), 1);
    }

    void removedEventRemoves()
    {
        loadThree();
        SignalLog log(m_model.get());
        QCOMPARE(m_model->applyEvent(u"device.removed", object(R"({"id": "tv"})")), DeviceListModel::Change::Removed);
        QCOMPARE(log.removed.size(), 1);
        QCOMPARE(log.removed.at(0).at(1).toInt(), 0);
        QCOMPARE(log.reset.size(), 0);
        QCOMPARE(m_model->rowCount(), 2);
        // The id index follows the rows that moved up.
        QCOMPARE(m_model->rowOf(QStringLiteral("tv")), -1);
        QCOMPARE(m_model->rowOf(QStringLiteral("ipad")), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("old")), 1);
        QCOMPARE(display(1, 0), QStringLiteral("Old Laptop"));
        QCOMPARE(m_model->applyEvent(u"device.removed", object(R"({"device_id": "ipad"})")),
                 DeviceListModel::Change::Removed);
        QCOMPARE(m_model->rowOf(QStringLiteral("old")), 0);
    }

    void oddEvents()
    {
        loadThree();
        SignalLog log(m_model.get());
        QCOMPARE(m_model->applyEvent(u"device.removed", object(R"({"id": "ghost"})")),
                 DeviceListModel::Change::UnknownDevice);
        QCOMPARE(m_model->applyEvent(u"device.updated", object(R"({"id": "ghost", "status": "idle"})")),
                 DeviceListModel::Change::UnknownDevice);
        QCOMPARE(m_model->applyEvent(u"device.updated", object(R"({"status": "idle"})")),
                 DeviceListModel::Change::InvalidPayload);
        QCOMPARE(m_model->applyEvent(u"device.signed_in", object(R"({"name": "no id"})")),
                 DeviceListModel::Change::InvalidPayload);
        QCOMPARE(m_model->applyEvent(u"device.teleported", object(R"({"id": "tv"})")),
                 DeviceListModel::Change::IgnoredEvent);
        QCOMPARE(log.dataChanged.size(), 0);
        QCOMPARE(log.structural(), 0);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void thousandEventsNeverReset()
    {
        QList<Device> devices;
        for (int i = 0; i < 200; ++i) {
            devices.append(
                makeDevice({.id = QStringLiteral("d%1").arg(i), .name = QStringLiteral("Device %1").arg(i)}));
        }
        m_model->setDevices(devices);
        SignalLog log(m_model.get());
        static const char* const statuses[] = {"streaming", "paused", "idle", "offline"};
        for (int i = 0; i < 1000; ++i) {
            const QJsonObject payload{{QStringLiteral("id"), QStringLiteral("d%1").arg(i % 200)},
                                      {QStringLiteral("status"), QLatin1String(statuses[(i / 200 + 1) % 4])}};
            QCOMPARE(m_model->applyEvent(u"device.updated", payload), DeviceListModel::Change::Updated);
        }
        QCOMPARE(log.dataChanged.size(), 1000);
        QCOMPARE(log.structural(), 0);
    }

    void searchKeysSurviveManyUpdates()
    {
        QList<Device> devices;
        for (int i = 0; i < 100; ++i) {
            devices.append(
                makeDevice({.id = QStringLiteral("d%1").arg(i), .name = QStringLiteral("Device %1").arg(i)}));
        }
        m_model->setDevices(devices);
        const QString padding(300, u'x'); // long names: the buffer fills up in few rounds
        // Enough replaced keys to make the model compact its key buffer several times, at
        // different moments of a round; every key must stay right after each round.
        for (int round = 0; round < 8; ++round) {
            for (int i = 0; i < m_model->rowCount(); ++i) {
                Device device = m_model->deviceAt(i);
                device.name = QStringLiteral("Renamed %1 round %2 ").arg(i).arg(round) + padding;
                m_model->upsert(device);
            }
            m_model->remove(QStringLiteral("d%1").arg(round * 7));
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const QString key = value(row, DeviceListModel::SearchKeyRole).toString();
                const QString name = m_model->deviceAt(row).name.toLower();
                QVERIFY2(key.startsWith(name + u'\n'), qPrintable(key));
                QCOMPARE(key.count(QLatin1String("renamed")), 1);
            }
        }
        QCOMPARE(m_model->rowCount(), 92);
    }

    void incompleteDeviceShowsAndNeverCrashes()
    {
        const QList<Device> devices{*Device::fromJson(object(R"({"id": "bare"})")),
                                    *Device::fromJson(object(R"({"id": "odd", "name": 5, "location": [1],
                                                                "first_sign_in": "soon", "status": "idle"})"))};
        m_model->setDevices(devices);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->incompleteCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QVERIFY(value(row, DeviceListModel::IncompleteRole).toBool());
            for (int column = 0; column < DeviceListModel::ColumnCount; ++column) {
                for (int role = 0; role <= DeviceListModel::SortRole; ++role) {
                    (void)m_model->index(row, column).data(role); // must not crash or assert
                }
            }
        }
        QCOMPARE(display(0, DeviceListModel::NameColumn), QStringLiteral("Unnamed device"));
        QCOMPARE(display(0, DeviceListModel::LocationColumn), QStringLiteral("Unknown location"));
        QCOMPARE(display(0, DeviceListModel::LastActiveColumn), QStringLiteral("No activity"));
        QCOMPARE(value(0, Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Unnamed device, status unknown, incomplete data"));
        QVERIFY(value(1, Qt::ToolTipRole).toString().contains(QLatin1String("first_sign_in")));
    }

    void relativeTimesTick()
    {
        loadThree();
        SignalLog log(m_model.get());
        m_clock.advanceSeconds(3 * minute);
        m_model->refreshRelativeTimes();
        QCOMPARE(log.dataChanged.size(), 1);
        QCOMPARE(log.structural(), 0);
        QCOMPARE(display(0, DeviceListModel::LastActiveColumn), QStringLiteral("5 min ago"));
        QCOMPARE(value(0, Qt::AccessibleDescriptionRole).toString(),
                 QStringLiteral("last active 5 minutes ago, Lisbon"));
    }

    void usualCountries()
    {
        loadThree();
        // The current device (ES) and devices first seen 30+ days ago (PT, BR).
        QCOMPARE(m_model->usualCountries(),
                 (QSet<QString>{QStringLiteral("ES"), QStringLiteral("PT"), QStringLiteral("BR")}));
        Device fresh = makeDevice({.id = QStringLiteral("fresh"),
                                   .name = QStringLiteral("New Phone"),
                                   .firstSignInAgo = 2 * day,
                                   .countryCode = QStringLiteral("FR"),
                                   .city = QStringLiteral("Paris")});
        m_model->upsert(fresh);
        QCOMPARE(m_model->usualCountries(),
                 (QSet<QString>{QStringLiteral("ES"), QStringLiteral("PT"), QStringLiteral("BR")}));
        m_clock.advanceSeconds(30 * day);
        m_model->refreshRelativeTimes();
        QCOMPARE(
            m_model->usualCountries(),
            (QSet<QString>{QStringLiteral("ES"), QStringLiteral("PT"), QStringLiteral("BR"), QStringLiteral("FR")}));
    }
};

QTEST_GUILESS_MAIN(TestDeviceListModel)
#include "TestDeviceListModel.moc"
