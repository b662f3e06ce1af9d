#include "DeviceFixtures.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/SearchKey.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using vigil::Device;
using vigil::DeviceFilterModel;
using vigil::DeviceListModel;
using namespace fixtures;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items) {
        result.append(s(item));
    }
    return result;
}

QList<Device> household()
{
    using T = Device::Type;
    using S = Device::Status;
    return {
        makeDevice({.id = s("tv"),
                    .name = s("Living Room TV"),
                    .type = T::Tv,
                    .status = S::Streaming,
                    .lastActiveAgo = 2 * minute}),
        makeDevice({.id = s("ipad"),
                    .name = s("Kitchen iPad"),
                    .type = T::Tablet,
                    .status = S::Idle,
                    .lastActiveAgo = 3 * hour,
                    .countryCode = s("ES"),
                    .city = s("Madrid"),
                    .profile = s("Ben"),
                    .current = true}),
        makeDevice({.id = s("laptop"),
                    .name = s("Old Laptop"),
                    .type = T::Computer,
                    .status = S::Offline,
                    .lastActiveAgo = 120 * day,
                    .firstSignInAgo = 400 * day,
                    .countryCode = s("BR"),
                    .city = s("São Paulo")}),
        makeDevice({.id = s("phone"),
                    .name = s("Ana's Phone"),
                    .type = T::Phone,
                    .status = S::Paused,
                    .lastActiveAgo = 10 * minute,
                    .firstSignInAgo = 100 * day,
                    .city = s("Porto")}),
        makeDevice({.id = s("hotel"),
                    .name = s("Hotel TV"),
                    .type = T::Tv,
                    .status = S::Offline,
                    .lastActiveAgo = day,
                    .firstSignInAgo = 2 * day,
                    .countryCode = s("FR"),
                    .city = s("Paris")}),
        makeDevice({.id = s("console"),
                    .name = s("Game Console"),
                    .type = T::Console,
                    .status = S::Idle,
                    .lastActiveAgo = -1,
                    .firstSignInAgo = 150 * day,
                    .profile = s("Kids")}),
        makeDevice({.id = s("chrome"),
                    .name = s("Chrome on Windows"),
                    .type = T::Browser,
                    .status = S::Streaming,
                    .lastActiveAgo = 30,
                    .firstSignInAgo = 5 * day,
                    .countryCode = QString(),
                    .profile = QString()}),
        makeDevice({.id = s("box"),
                    .name = s("Bedroom Box"),
                    .type = T::SetTopBox,
                    .status = S::Offline,
                    .lastActiveAgo = 95 * day,
                    .firstSignInAgo = 300 * day}),
        makeDevice({.id = s("tokyo"),
                    .name = s("Tablet in Tokyo"),
                    .type = T::Tablet,
                    .status = S::Idle,
                    .lastActiveAgo = 4 * day,
                    .firstSignInAgo = 10 * day,
                    .countryCode = s("JP"),
                    .city = s("Tokyo")}),
    };
}

// Many similar devices, so narrowing and widening have real work to get wrong.
QList<Device> crowd(int count)
{
    static const char* const names[] = {"Living Room TV",
                                        "Bedroom TV",
                                        "Ana's Phone",
                                        "Ben's iPhone",
                                        "Kitchen iPad",
                                        "Office MacBook",
                                        "PlayStation 5",
                                        "Chrome on Linux",
                                        "Lobby Box",
                                        "Grandma's Tablet"};
    static const char* const cities[] = {"Lisbon", "Porto", "São Paulo", "Madrid", "Köln", "Lyon"};
    QList<Device> devices;
    for (int i = 0; i < count; ++i) {
        devices.append(makeDevice({.id = QStringLiteral("c%1").arg(i),
                                   .name = s(names[i % 10]) + QStringLiteral(" %1").arg(i),
                                   .type = Device::Type(i % 7),
                                   .status = Device::Status(i % 4),
                                   .lastActiveAgo = (i * 7919) % (200 * day),
                                   .city = s(cities[(i / 3) % 6])}));
    }
    return devices;
}

} // namespace

class TestDeviceFilterModel final : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    std::unique_ptr<DeviceListModel> m_source;
    std::unique_ptr<DeviceFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    static QStringList ids(const QAbstractItemModel& model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row) {
            result.append(model.index(row, 0).data(DeviceListModel::IdRole).toString());
        }
        return result;
    }
    QStringList ids() const { return ids(*m_proxy); }

    void checkSorted(int column, Qt::SortOrder order)
    {
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        const auto isEmpty = [column](const QVariant& v) {
            if (column == DeviceListModel::LastActiveColumn || column == DeviceListModel::FirstSignInColumn) {
                return v.toLongLong() == DeviceListModel::noTime;
            }
            if (column == DeviceListModel::StatusColumn) {
                return v.toInt() == int(Device::Status::Unknown);
            }
            if (column == DeviceListModel::TypeColumn) {
                return v.toInt() == int(Device::Type::Unknown);
            }
            return v.toString().isEmpty();
        };
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant a = m_proxy->index(row - 1, column).data(DeviceListModel::SortRole);
            const QVariant b = m_proxy->index(row, column).data(DeviceListModel::SortRole);
            const QByteArray where = QByteArray::number(column) + " row " + QByteArray::number(row);
            if (isEmpty(a)) {
                QVERIFY2(isEmpty(b), QByteArray("empty values come last: column " + where).constData());
                continue;
            }
            if (isEmpty(b)) {
                continue;
            }
            int result = 0;
            if (a.typeId() == QMetaType::QString) {
                result = collator.compare(a.toString(), b.toString());
            } else {
                const qint64 x = a.toLongLong();
                const qint64 y = b.toLongLong();
                result = x < y ? -1 : x > y ? 1 : 0;
            }
            QVERIFY2(order == Qt::AscendingOrder ? result <= 0 : result >= 0,
                     QByteArray("out of order: column " + where).constData());
        }
    }

private Q_SLOTS:
    void init()
    {
        m_clock = ManualClock();
        m_source = std::make_unique<DeviceListModel>();
        m_source->setRelativeTime(m_clock.relativeTime());
        m_source->setDevices(household());
        m_proxy = std::make_unique<DeviceFilterModel>();
        m_proxy->setSourceModel(m_source.get());
        // Both alive for the whole test: they check every signal either model emits.
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        m_sourceTester = std::make_unique<QAbstractItemModelTester>(m_source.get(), mode);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), mode);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_sourceTester.reset();
        m_proxy.reset();
        m_source.reset();
    }

    void sortsByActivityNewestFirstNeverActiveLast()
    {
        QCOMPARE(m_proxy->sortColumn(), int(DeviceListModel::LastActiveColumn));
        QCOMPARE(m_proxy->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(ids(), list({"chrome", "tv", "phone", "ipad", "hotel", "tokyo", "box", "laptop", "console"}));
        // Ascending keeps never-active devices last as well.
        m_proxy->sort(DeviceListModel::LastActiveColumn, Qt::AscendingOrder);
        QCOMPARE(ids(), list({"laptop", "box", "tokyo", "hotel", "ipad", "phone", "tv", "chrome", "console"}));
    }

    void sortsByName()
    {
        m_proxy->sort(DeviceListModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(ids(), list({"phone", "box", "chrome", "console", "hotel", "ipad", "tv", "laptop", "tokyo"}));
        m_proxy->sort(DeviceListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(ids(), list({"tokyo", "laptop", "tv", "ipad", "hotel", "console", "chrome", "box", "phone"}));
    }

    void sortsByStatusThenActivity()
    {
        m_proxy->sort(DeviceListModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(ids(), list({"chrome", "tv", "phone", "ipad", "tokyo", "console", "hotel", "box", "laptop"}));
    }

    void sortsEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (int column = 0; column < DeviceListModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QByteArray name = QByteArray::number(column) + (order == Qt::AscendingOrder ? " asc" : " desc");
                QTest::newRow(name.constData()) << column << int(order);
            }
        }
    }
    void sortsEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        m_source->setDevices(household() + crowd(120));
        m_proxy->sort(column, Qt::SortOrder(order));
        QCOMPARE(m_proxy->rowCount(), 129);
        checkSorted(column, Qt::SortOrder(order));
        // Unknown places sort last whichever the direction.
        if (column == DeviceListModel::LocationColumn) {
            QCOMPARE(ids().constLast(), s("chrome"));
        }
    }

    void sortsInSourceOrderWithoutColumn()
    {
        m_proxy->sort(-1);
        QCOMPARE(ids(), ids(*m_source));
    }

    void filtersByStatus()
    {
        m_proxy->setStatusFilter({Device::Status::Streaming});
        QCOMPARE(ids(), list({"chrome", "tv"}));
        m_proxy->setStatusFilter({Device::Status::Streaming, Device::Status::Paused});
        QCOMPARE(ids(), list({"chrome", "tv", "phone"}));
        m_proxy->setStatusFilter({Device::Status::Offline});
        QCOMPARE(ids(), list({"hotel", "box", "laptop"}));
        m_proxy->setStatusFilter({});
        QCOMPARE(m_proxy->rowCount(), 9);
    }

    void filtersByType()
    {
        m_proxy->setTypeFilter({Device::Type::Tv});
        QCOMPARE(ids(), list({"tv", "hotel"}));
        m_proxy->setStatusFilter({Device::Status::Offline});
        QCOMPARE(ids(), list({"hotel"}));
        m_proxy->setTypeFilter({Device::Type::Tablet, Device::Type::SetTopBox});
        QCOMPARE(ids(), list({"box"}));
    }

    void filtersInactiveFor90Days()
    {
        m_proxy->setInactiveOnly(true);
        // Never-active devices count from their sign-in; the current device never counts.
        QCOMPARE(ids(), list({"box", "laptop", "console"}));
        Device ipad = m_source->deviceAt(m_source->rowOf(s("ipad")));
        ipad.lastActive = ago(200 * day);
        m_source->upsert(ipad);
        QCOMPARE(ids(), list({"box", "laptop", "console"}));
        // Time passes: the relative-time tick re-evaluates the rule.
        m_clock.advanceSeconds(87 * day);
        m_source->refreshRelativeTimes();
        QCOMPARE(ids(), list({"tokyo", "box", "laptop", "console"}));
    }

    void filtersUnfamiliarLocations()
    {
        // Usual: ES (this device), PT and BR (devices first seen 30+ days ago).
        m_proxy->setUnfamiliarOnly(true);
        QCOMPARE(m_proxy->usualCountries(), (QSet<QString>{s("ES"), s("PT"), s("BR")}));
        QCOMPARE(ids(), list({"hotel", "tokyo"}));

        // This device travels to Japan: Japan becomes usual, Spain no longer is.
        Device ipad = m_source->deviceAt(m_source->rowOf(s("ipad")));
        ipad.location.countryCode = s("JP");
        QCOMPARE(m_source->upsert(ipad), DeviceListModel::Change::Updated);
        QCOMPARE(ids(), list({"hotel"}));

        m_proxy->setUsualCountries(QSet<QString>{s("FR"), s("JP")});
        QCOMPARE(ids(), list({"tv", "phone", "box", "laptop", "console"}));
        // This device is never "unfamiliar", even outside the usual countries.
        m_proxy->setUsualCountries(QSet<QString>{s("FR")});
        QVERIFY(!ids().contains(s("ipad")));
        QVERIFY(ids().contains(s("tokyo")));
        m_proxy->setUsualCountries(std::nullopt);
        QCOMPARE(ids(), list({"hotel"}));
    }

    void hidesTheCurrentDevice()
    {
        m_proxy->setHideCurrent(true);
        QVERIFY(!ids().contains(s("ipad")));
        QCOMPARE(m_proxy->rowCount(), 8);
    }

    void searches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("name") << s("laptop") << list({"laptop"});
        QTest::newRow("case") << s("LIVING") << list({"tv"});
        QTest::newRow("type word") << s("tv") << list({"tv", "hotel"});
        QTest::newRow("accents ignored") << s("sao paulo") << list({"laptop"});
        QTest::newRow("accents typed") << s("São") << list({"laptop"});
        QTest::newRow("two words") << s("tv lisbon") << list({"tv"});
        QTest::newRow("words in any order") << s("paris hotel") << list({"hotel"});
        QTest::newRow("profile") << s("kids") << list({"console"});
        QTest::newRow("status word") << s("paused") << list({"phone"});
        QTest::newRow("ip") << s("203.0.113")
                            << list({"chrome", "tv", "phone", "ipad", "hotel", "tokyo", "box", "laptop", "console"});
        QTest::newRow("no match") << s("zeppelin") << QStringList();
        QTest::newRow("blank") << s("   ")
                               << list({"chrome", "tv", "phone", "ipad", "hotel", "tokyo", "box", "laptop", "console"});
    }
    void searches()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        m_proxy->setSearchText(text);
        QCOMPARE(ids(), expected);
        QCOMPARE(m_proxy->searchText(), text);
    }

    void searchNarrowsFromThePreviousResult()
    {
        m_proxy->setSearchText(s("t"));
        const QStringList afterT = ids();
        QCOMPARE(m_proxy->lastScanCount(), 9); // from nothing: every device
        m_proxy->setSearchText(s("tv"));
        QCOMPARE(m_proxy->lastScanCount(), afterT.size()); // only what "t" left
        QCOMPARE(ids(), list({"tv", "hotel"}));
        m_proxy->setSearchText(s("t")); // back to an earlier text: its result is reused
        QCOMPARE(m_proxy->lastScanCount(), 0);
        QCOMPARE(ids(), afterT);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->lastScanCount(), 0);
        QCOMPARE(m_proxy->rowCount(), 9);
        m_proxy->setSearchText(s("tv lis")); // pasted: narrowing from everything
        QCOMPARE(m_proxy->lastScanCount(), 9);
        QCOMPARE(ids(), list({"tv"}));
        m_proxy->setSearchText(s("tv")); // a shorter text never seen: everything again
        QCOMPARE(m_proxy->lastScanCount(), 9);
        QCOMPARE(ids(), list({"tv", "hotel"}));
        m_proxy->setSearchText(s("x")); // neither longer nor shorter: everything
        QCOMPARE(m_proxy->lastScanCount(), 9);
    }

    void earlierResultsAreForgottenOnChanges()
    {
        m_proxy->setSearchText(s("tv"));
        m_proxy->setSearchText(s("tv par")); // hotel (Paris)
        QCOMPARE(ids(), list({"hotel"}));
        // A live change makes the remembered "tv" result stale: it must not come back.
        m_source->applyEvent(u"device.updated", QJsonObject{{s("id"), s("phone")}, {s("name"), s("Phone TV")}});
        m_proxy->setSearchText(s("tv"));
        QCOMPARE(m_proxy->lastScanCount(), 9);
        QCOMPARE(ids(), list({"tv", "phone", "hotel"}));
        m_proxy->setSearchText(s("tv par"));
        m_proxy->setStatusFilter({Device::Status::Offline});
        m_proxy->setSearchText(s("tv"));
        QCOMPARE(ids(), list({"hotel"}));
    }

    void typingMatchesAFreshFilterEveryStep()
    {
        m_source->setDevices(crowd(400));
        m_proxy->setStatusFilter({Device::Status::Streaming, Device::Status::Idle});
        const QStringList keystrokes = list(
            {"l",  "li",  "liv",   "livi", "livin", "living", "living ", "living r", "living", "liv",   "l",  "", "s",
             "sã", "são", "são p", "são",  "1",     "12",     "123",     "12",       "tv 1",   "tv 12", "tv", ""});
        for (const QString& text : keystrokes) {
            m_proxy->setSearchText(text);
            DeviceFilterModel fresh;
            fresh.setSourceModel(m_source.get());
            fresh.setStatusFilter({Device::Status::Streaming, Device::Status::Idle});
            fresh.setSearchText(text);
            QCOMPARE(ids(), ids(fresh));
            // And by brute force: every word in the key.
            const QStringList words = vigil::SearchKey::fold(text).split(u' ', Qt::SkipEmptyParts);
            for (int row = 0; row < m_proxy->rowCount(); ++row) {
                const QString key = m_proxy->index(row, 0).data(DeviceListModel::SearchKeyRole).toString();
                for (const QString& word : words) {
                    QVERIFY2(key.contains(word), qPrintable(text));
                }
            }
        }
    }

    void filterChangesKeepSelectionAndNeverReset()
    {
        QItemSelectionModel selection(m_proxy.get());
        const int laptopRow = int(ids().indexOf(s("laptop")));
        selection.setCurrentIndex(m_proxy->index(laptopRow, 0),
                                  QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);

        m_proxy->setSearchText(s("lap"));
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(selection.currentIndex().row(), 0);
        QCOMPARE(selection.currentIndex().data(DeviceListModel::IdRole).toString(), s("laptop"));
        QCOMPARE(selection.selectedRows().size(), 1);

        m_proxy->setSearchText(s("la"));
        QCOMPARE(selection.currentIndex().data(DeviceListModel::IdRole).toString(), s("laptop"));

        m_proxy->setSearchText(s("tv")); // the selected row is filtered out
        QVERIFY(selection.selectedRows().isEmpty());
        QVERIFY(selection.currentIndex().data(DeviceListModel::IdRole).toString() != s("laptop"));

        const qsizetype layoutsSoFar = layouts.size();
        m_proxy->setSearchText(s("tv")); // same text: nothing happens
        QCOMPARE(layouts.size(), layoutsSoFar);
        QCOMPARE(resets.size(), 0);
    }

    void liveUpdatesMoveOneRow()
    {
        QSignalSpy moved(m_proxy.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        QItemSelectionModel selection(m_proxy.get());
        selection.setCurrentIndex(m_proxy->index(ids().indexOf(s("ipad")), 0), QItemSelectionModel::SelectCurrent);

        const auto result = m_source->applyEvent(u"device.updated",
                                                 QJsonObject{{s("id"), s("laptop")},
                                                             {s("status"), s("streaming")},
                                                             {s("last_active"), s("2026-03-10T12:00:00Z")}});
        QCOMPARE(result, DeviceListModel::Change::Updated);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(ids(), list({"laptop", "chrome", "tv", "phone", "ipad", "hotel", "tokyo", "box", "console"}));
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        // The selection follows its device, not its old row number.
        QCOMPARE(selection.currentIndex().data(DeviceListModel::IdRole).toString(), s("ipad"));

        // A change that does not touch the order is a plain dataChanged.
        m_source->applyEvent(u"device.updated", QJsonObject{{s("id"), s("laptop")}, {s("status"), s("paused")}});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(changed.size(), 2);
    }

    void liveUpdatesEnterAndLeaveTheFilter()
    {
        m_proxy->setStatusFilter({Device::Status::Streaming});
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);

        m_source->applyEvent(u"device.updated", QJsonObject{{s("id"), s("tv")}, {s("status"), s("idle")}});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(ids(), list({"chrome"}));

        m_source->applyEvent(u"device.updated", QJsonObject{{s("id"), s("phone")}, {s("status"), s("streaming")}});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1); // after chrome, by activity
        QCOMPARE(ids(), list({"chrome", "phone"}));

        Device fresh = makeDevice(
            {.id = s("new"), .name = s("Car Screen"), .status = Device::Status::Streaming, .lastActiveAgo = 0});
        m_source->applyEvent(u"device.signed_in", fresh.toJson());
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(ids(), list({"new", "chrome", "phone"}));

        // Devices outside the filter come and go without a word to the views.
        m_source->applyEvent(
            u"device.signed_in",
            makeDevice({.id = s("quiet"), .name = s("Quiet"), .status = Device::Status::Idle}).toJson());
        m_source->applyEvent(u"device.removed", QJsonObject{{s("id"), s("quiet")}});
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(removed.size(), 1);

        m_source->applyEvent(u"device.removed", QJsonObject{{s("id"), s("chrome")}});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(ids(), list({"new", "phone"}));
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(resets.size(), 0);

        // After all that, the proxy still agrees with a fresh one.
        DeviceFilterModel fresh2;
        fresh2.setSourceModel(m_source.get());
        fresh2.setStatusFilter({Device::Status::Streaming});
        QCOMPARE(ids(), ids(fresh2));
        m_proxy->setStatusFilter({});
        fresh2.setStatusFilter({});
        QCOMPARE(ids(), ids(fresh2));
    }

    void manyEventsStayConsistent()
    {
        m_source->setDevices(crowd(300));
        m_proxy->setStatusFilter({Device::Status::Streaming, Device::Status::Paused});
        m_proxy->setSearchText(s("o"));
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        static const char* const statuses[] = {"streaming", "paused", "idle", "offline"};
        for (int i = 0; i < 600; ++i) {
            m_clock.advanceSeconds(7);
            const QJsonObject payload{
                {s("id"), QStringLiteral("c%1").arg((i * 37) % 300)},
                {s("status"), QLatin1String(statuses[i % 4])},
                {s("last_active"), m_clock.now->toString(Qt::ISODate)},
            };
            m_source->applyEvent(u"device.updated", payload);
        }
        QCOMPARE(resets.size(), 0);
        DeviceFilterModel fresh;
        fresh.setSourceModel(m_source.get());
        fresh.setStatusFilter({Device::Status::Streaming, Device::Status::Paused});
        fresh.setSearchText(s("o"));
        QCOMPARE(ids(), ids(fresh));
    }

    void sourceResetResets()
    {
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        m_proxy->setSearchText(s("tv"));
        m_source->setDevices(crowd(50));
        QCOMPARE(resets.size(), 1);
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            QVERIFY(m_proxy->index(row, 0).data(DeviceListModel::SearchKeyRole).toString().contains(s("tv")));
        }
        QVERIFY(m_proxy->rowCount() > 0);
    }

    void mapsBothWays()
    {
        m_proxy->setSearchText(s("tv"));
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex proxyIndex = m_proxy->index(row, 3);
            const QModelIndex sourceIndex = m_proxy->mapToSource(proxyIndex);
            QCOMPARE(sourceIndex.column(), 3);
            QCOMPARE(m_proxy->mapFromSource(sourceIndex), proxyIndex);
        }
        QVERIFY(!m_proxy->mapFromSource(m_source->index(m_source->rowOf(s("laptop")), 0)).isValid());
        QCOMPARE(m_proxy->headerData(DeviceListModel::NameColumn, Qt::Horizontal).toString(), s("Device"));
    }

    void refusesOtherModels()
    {
        DeviceFilterModel other;
        QTest::ignoreMessage(QtWarningMsg, "DeviceFilterModel only works on a DeviceListModel");
        other.setSourceModel(m_proxy.get());
        QCOMPARE(other.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeviceFilterModel)
#include "TestDeviceFilterModel.moc"
