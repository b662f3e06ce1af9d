#include "DeviceFilterFixture.h"

// DeviceFilterModel under change: selection kept, live updates move one row, resets, mapping.
class TestDeviceFilterLive final : public QObject, private FilterFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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

QTEST_GUILESS_MAIN(TestDeviceFilterLive)
#include "TestDeviceFilterLive.moc"
