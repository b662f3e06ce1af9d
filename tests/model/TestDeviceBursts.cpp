#include "DeviceFilterFixture.h"

#include <random>

// Live updates in bursts (DeviceListModel::beginUpdates) and the held order of DeviceFilterModel:
// one announcement per burst, the sort order exact afterwards, rows in place while held.
class TestDeviceBursts final : public QObject, private FilterFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void aBurstIsOneChangeAndOneLayout()
    {
        QCOMPARE(ids(), list({"chrome", "tv", "phone", "ipad", "hotel", "tokyo", "box", "laptop", "console"}));
        QItemSelectionModel selection(m_proxy.get());
        selection.setCurrentIndex(m_proxy->index(int(ids().indexOf(s("ipad"))), 0),
                                  QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
        QSignalSpy sourceChanged(m_source.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy moved(m_proxy.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        std::vector<int> announced;
        connect(m_source.get(), &QAbstractItemModel::dataChanged, this, [&] { announced = m_source->changedRows(); });

        m_source->beginUpdates();
        update(s("laptop"), s("streaming"), s("2026-03-10T12:00:00Z"));
        update(s("box"), s("idle"), s("2026-03-10T11:59:00Z"));
        update(s("tv"), s("paused"));
        update(s("laptop"), s("paused")); // twice in one burst: still one row
        QCOMPARE(sourceChanged.size(), 0);
        m_source->endUpdates();

        QCOMPARE(sourceChanged.size(), 1);
        QCOMPARE(announced.size(), size_t(3));
        QVERIFY(m_source->changedRows().empty());
        QCOMPARE(sourceChanged.first().at(0).toModelIndex().row(), int(announced.front()));
        QCOMPARE(sourceChanged.first().at(1).toModelIndex().row(), int(announced.back()));
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(ids(), list({"laptop", "chrome", "box", "tv", "phone", "ipad", "hotel", "tokyo", "console"}));
        checkSorted(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
        QCOMPARE(m_proxy->index(0, DeviceListModel::StatusColumn).data().toString(), s("Paused"));
        QCOMPARE(selection.currentIndex().data(DeviceListModel::IdRole).toString(), s("ipad"));
        QCOMPARE(selection.selectedRows().size(), 1);
    }

    void insertsAndRemovalsInABurstComeAfterWhatWasGathered()
    {
        QSignalSpy sourceChanged(m_source.get(), &QAbstractItemModel::dataChanged);
        int changedBeforeInsert = -1;
        connect(m_source.get(), &QAbstractItemModel::rowsAboutToBeInserted, this, [&] {
            changedBeforeInsert = int(sourceChanged.size());
        });
        m_source->beginUpdates();
        update(s("laptop"), s("streaming"), s("2026-03-10T12:00:00Z"));
        update(s("console"), s("streaming"), s("2026-03-10T11:58:10Z"));
        QCOMPARE(m_source->upsert(makeDevice({.id = s("new"), .name = s("New Phone"), .lastActiveAgo = 90})),
                 DeviceListModel::Change::Inserted);
        QCOMPARE(changedBeforeInsert, 1);
        update(s("tokyo"), s("streaming"), s("2026-03-10T11:59:30Z"));
        QVERIFY(m_source->remove(s("chrome")));
        update(s("hotel"), s("idle"), s("2026-03-10T11:59:59Z"));
        m_source->endUpdates();
        QCOMPARE(sourceChanged.size(), 3);
        QCOMPARE(ids(), list({"laptop", "hotel", "tokyo", "new", "console", "tv", "phone", "ipad", "box"}));
        checkSorted(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
    }

    void heldOrderKeepsRowsWhereTheyAreUntilReleased()
    {
        QItemSelectionModel selection(m_proxy.get());
        selection.setCurrentIndex(m_proxy->index(int(ids().indexOf(s("box"))), 0),
                                  QItemSelectionModel::SelectCurrent | QItemSelectionModel::Rows);
        m_proxy->setOrderHeld(true);
        QVERIFY(m_proxy->isOrderHeld());
        const QStringList before = ids();
        QSignalSpy moved(m_proxy.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);

        update(s("laptop"), s("streaming"), s("2026-03-10T12:00:00Z")); // one update, not a burst
        m_source->beginUpdates();
        update(s("box"), s("streaming"), s("2026-03-10T11:59:59Z"));
        update(s("console"), s("idle"), s("2026-03-10T11:59:57Z"));
        m_source->endUpdates();
        QCOMPARE(changed.size(), 2);      // one for the update, one for the burst
        m_source->refreshRelativeTimes(); // the clock tick
        QCOMPARE(ids(), before);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QVERIFY(m_proxy->hasHeldChanges());
        // In place, with the new data.
        QCOMPARE(m_proxy->index(int(before.indexOf(s("laptop"))), DeviceListModel::StatusColumn).data().toString(),
                 s("Streaming"));

        // A new device comes in at the end; a removed one goes at once.
        m_source->upsert(makeDevice({.id = s("new"), .name = s("New Phone"), .lastActiveAgo = 2}));
        QVERIFY(m_source->remove(s("hotel")));
        QStringList expected = before;
        expected.removeOne(s("hotel"));
        expected.append(s("new"));
        QCOMPARE(ids(), expected);

        m_proxy->setOrderHeld(false);
        QVERIFY(!m_proxy->hasHeldChanges());
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(ids(), list({"laptop", "box", "new", "console", "chrome", "tv", "phone", "ipad", "tokyo"}));
        checkSorted(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
        QCOMPARE(selection.currentIndex().data(DeviceListModel::IdRole).toString(), s("box"));
    }

    void searchingWhileHeldShowsWhatTheFilterSays()
    {
        m_proxy->setStatusFilter({Device::Status::Streaming});
        QCOMPARE(ids(), list({"chrome", "tv"}));
        m_proxy->setOrderHeld(true);
        update(s("tv"), s("offline"));
        update(s("laptop"), s("streaming"), s("2026-03-10T12:00:00Z"));
        QCOMPARE(ids(), list({"chrome", "tv"})); // held: tv stays, laptop waits
        m_proxy->setSearchText(s("o"));          // narrower, but the rows shown are stale: all are looked at
        QCOMPARE(ids(), list({"laptop", "chrome"}));
        QVERIFY(!m_proxy->hasHeldChanges());
    }

    void burstsKeepTheOrderExact()
    {
        m_source->setDevices(crowd(300));
        m_proxy->setSearchText(s("tv"));
        std::mt19937 random(42);
        for (int round = 0; round < 40; ++round) {
            m_proxy->setOrderHeld(round % 5 == 3);
            m_source->beginUpdates();
            const int count = 1 + int(random() % 30);
            for (int i = 0; i < count; ++i) {
                const QString id = QStringLiteral("c%1").arg(random() % 300);
                const qint64 secondsAgo = qint64(random() % (200 * 24 * 3600));
                m_source->applyEvent(u"device.updated",
                                     {{s("id"), id},
                                      {s("status"), s(random() % 2 ? "idle" : "streaming")},
                                      {s("last_active"), fixedNow().addSecs(-secondsAgo).toString(Qt::ISODate)}});
            }
            m_source->endUpdates();
            if (m_proxy->isOrderHeld())
                continue;
            DeviceFilterModel fresh;
            fresh.setSourceModel(m_source.get());
            fresh.setSearchText(s("tv"));
            QCOMPARE(ids(), ids(fresh));
        }
        m_proxy->setOrderHeld(false);
        checkSorted(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
    }

private:
    void update(const QString& id, const QString& status, const QString& lastActive = QString())
    {
        QJsonObject payload{{s("id"), id}, {s("status"), status}};
        if (!lastActive.isEmpty())
            payload.insert(s("last_active"), lastActive);
        QCOMPARE(m_source->applyEvent(u"device.updated", payload), DeviceListModel::Change::Updated);
    }
};

QTEST_GUILESS_MAIN(TestDeviceBursts)
#include "TestDeviceBursts.moc"
