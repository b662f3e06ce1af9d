#include "DeviceFilterFixture.h"

// Sorting, filtering and search rules of DeviceFilterModel.
class TestDeviceFilterModel final : public QObject, private FilterFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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

    // The table sorts by what SortRole says a column sorts by, also where the text shown is not the
    // field as stored: a blank name shows as "Unnamed device", a system is its name and version.
    void sortsAsSortRoleSays_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const int column : {int(DeviceListModel::NameColumn), int(DeviceListModel::OsColumn)}) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const QByteArray name = QByteArray::number(column) + (order == Qt::AscendingOrder ? " asc" : " desc");
                QTest::newRow(name.constData()) << column << int(order);
            }
        }
    }
    void sortsAsSortRoleSays()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QList<Device> devices = household();
        devices.append(makeDevice({.id = s("blank"), .name = s("   ")}));
        devices.append(makeDevice({.id = s("empty"), .name = QString()}));
        Device versionOnly = makeDevice({.id = s("version"), .name = s("Versioned")});
        versionOnly.os.clear(); // the system's version is all the device says: the column shows "14"
        devices.append(versionOnly);
        Device windows = makeDevice({.id = s("windows"), .name = s("Windows PC")});
        windows.os = s("Windows");
        windows.osVersion = s("9");
        devices.append(windows);
        Device windowsServer = makeDevice({.id = s("server"), .name = s("Server")});
        windowsServer.os = s("Windows Server");
        windowsServer.osVersion = s("2022");
        devices.append(windowsServer);
        m_source->setDevices(devices);
        m_proxy->sort(column, Qt::SortOrder(order));
        QCOMPARE(m_proxy->rowCount(), devices.size());
        checkSorted(column, Qt::SortOrder(order));
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
};

QTEST_GUILESS_MAIN(TestDeviceFilterModel)
#include "TestDeviceFilterModel.moc"
