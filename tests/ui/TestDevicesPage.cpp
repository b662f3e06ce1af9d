// The Devices page and its details pane, offscreen, over a faked network.
#include "DevicesPageFixture.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

class TestDevicesPage final : public DevicesPageFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void loadingThenRows()
    {
        auto* table = findByName<QTableView>(m_page.get(), QStringLiteral("Devices"));
        QVERIFY(table);
        QVERIFY(!table->isVisible()); // one spinner, not an empty table
        load();
        QTRY_VERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 5);
        // Newest activity first; this device marked.
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("This Laptop (This device)"));
        QVERIFY(!table->model()->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex status = table->model()->index(1, DeviceListModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("Streaming"));
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(findByName<QComboBox>(m_page.get(), QStringLiteral("Filter devices")));
        QVERIFY(findByName<QLineEdit>(m_page.get(), QStringLiteral("Search devices")));
        QVERIFY(findByName<QWidget>(m_page.get(), QStringLiteral("Device details")));
        QTRY_COMPARE(findByName<QLabel>(m_page.get(), QStringLiteral("This device name"))->text(),
                     QStringLiteral("This Laptop"));
    }

    void errorIsAScreenWithRetry()
    {
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::error(500, "server_error"); });
        m_service->reload();
        QTRY_COMPARE(m_service->state(), DeviceService::State::Failed);
        QPushButton* retry = nullptr;
        for (QPushButton* button : m_page->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("Retry") && button->isVisible())
                retry = button;
        }
        QVERIFY(retry);
        bool mentioned = false;
        for (QLabel* label : m_page->findChildren<QLabel*>())
            mentioned = mentioned || (label->isVisible() && label->text().contains(QLatin1String("Couldn't load")));
        QVERIFY(mentioned);
    }

    void filterComboNarrows()
    {
        load();
        auto* combo = findByName<QComboBox>(m_page.get(), QStringLiteral("Filter devices"));
        const int offline = combo->findText(QStringLiteral("Offline"));
        QVERIFY(offline >= 0);
        combo->setCurrentIndex(offline);
        Q_EMIT combo->activated(offline);
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        const int inactive = combo->findText(QStringLiteral("Inactive 90+ days"));
        combo->setCurrentIndex(inactive);
        Q_EMIT combo->activated(inactive);
        QCOMPARE(m_page->table()->model()->rowCount(), 1);
        QCOMPARE(m_page->table()->model()->index(0, 0).data().toString(), QStringLiteral("Old Tablet"));
        QCOMPARE(m_page->table()->model()->index(0, DeviceListModel::LastActiveColumn).data().toString(),
                 QStringLiteral("Inactive for 90+ days"));
    }

    void recommendationsApplyFilters()
    {
        load();
        auto* card = m_page->findChild<RecommendationsCard*>();
        QTRY_VERIFY(card->isVisible());
        QCOMPARE(card->inactiveCount(), 1);
        QCOMPARE(card->unfamiliarCount(), 1);
        auto* link = findByName<QLabel>(card, QStringLiteral("1 device in countries you haven't used before"));
        QVERIFY(link);
        Q_EMIT link->linkActivated(QStringLiteral("#"));
        QCOMPARE(m_page->preset(), DeviceFilterPreset::Unfamiliar);
        QCOMPARE(m_page->table()->model()->rowCount(), 1);
        QCOMPARE(m_page->table()->model()->index(0, 0).data().toString(), QStringLiteral("Unknown Browser"));
        QCOMPARE(findByName<QComboBox>(m_page.get(), QStringLiteral("Filter devices"))->currentText(),
                 QStringLiteral("Unfamiliar location"));
    }

    void searchNarrows()
    {
        load();
        auto* search = findByName<QLineEdit>(m_page.get(), QStringLiteral("Search devices"));
        QTest::keyClicks(search, QStringLiteral("porto"));
        QCOMPARE(m_page->table()->model()->rowCount(), 1);
        QCOMPARE(m_page->table()->model()->index(0, 0).data().toString(), QStringLiteral("Ana's Phone"));
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QCOMPARE(m_page->table()->model()->rowCount(), 0);
        auto* empty = findByName<QLabel>(m_page.get(), QStringLiteral("No devices"));
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No devices match “portozzz”"));
    }

    void emptyFilterOffersShowAll()
    {
        m_devices.removeAt(1); // nothing streams any more
        load();
        m_page->applyPreset(DeviceFilterPreset::Streaming);
        auto* empty = findByName<QLabel>(m_page.get(), QStringLiteral("No devices"));
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No devices are streaming"));
        QPushButton* showAll = nullptr;
        for (QPushButton* button : m_page->findChildren<QPushButton*>())
            showAll = button->text() == QLatin1String("Show All") ? button : showAll;
        QVERIFY(showAll && showAll->isVisible());
        QTest::mouseClick(showAll, Qt::LeftButton);
        QCOMPARE(m_page->preset(), DeviceFilterPreset::All);
        QCOMPARE(m_page->table()->model()->rowCount(), 4);
        QVERIFY(m_page->table()->isVisible());
    }

    void nothingAtAllIsExplained()
    {
        m_devices.clear();
        load();
        auto* empty = findByName<QLabel>(m_page.get(), QStringLiteral("No devices"));
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().startsWith(QStringLiteral("No devices are signed in")));
    }

    void sortsByEveryColumn()
    {
        load();
        QTableView* table = m_page->table();
        for (int column = 0; column < DeviceListModel::TypeColumn; ++column) {
            table->sortByColumn(column, Qt::AscendingOrder);
            QCOMPARE(m_page->filterModel()->sortColumn(), column);
            QCOMPARE(table->model()->rowCount(), 5);
        }
        table->sortByColumn(DeviceListModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Ana's Phone"));
    }

    void enterOpensDetails()
    {
        load();
        QTableView* table = m_page->table();
        table->setFocus();
        const QModelIndex tv = table->model()->index(1, 0);
        table->selectionModel()->setCurrentIndex(tv, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(table, Qt::Key_Return);
        DeviceDetailsPane* details = m_page->detailsPane();
        QCOMPARE(details->deviceId(), QStringLiteral("dev_tv"));
        auto* rename = findByName<QPushButton>(details, QStringLiteral("Rename"));
        QTRY_VERIFY(rename->hasFocus());
        QCOMPARE(findByName<QLabel>(details, QStringLiteral("Device name"))->text(), QStringLiteral("Living Room TV"));
        QCOMPARE(findByName<QLabel>(details, QStringLiteral("Status"))->text(),
                 QStringLiteral("Streaming “The Long Way Home”"));
        QCOMPARE(findByName<QLabel>(details, QStringLiteral("Location"))->text(), QStringLiteral("Lisbon, Portugal"));
        auto* history = findByName<QListWidget>(details, QStringLiteral("Sign-in history"));
        QTRY_COMPARE(history->count(), 1);
        QVERIFY(history->item(0)->text().contains(QStringLiteral("Lisbon, Portugal · 203.0.113.7 · Password")));

        // Multi-select with the keyboard keeps working.
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    }

    void renameValidatesAndSaves()
    {
        load();
        openRow(1);
        DeviceDetailsPane* details = m_page->detailsPane();
        auto* rename = findByName<QPushButton>(details, QStringLiteral("Rename"));
        QTest::mouseClick(rename, Qt::LeftButton);
        QVERIFY(details->isEditing());
        auto* edit = findByName<QLineEdit>(details, QStringLiteral("New device name"));
        QCOMPARE(edit->text(), QStringLiteral("Living Room TV"));
        auto* message = details->findChild<InlineMessage*>();

        edit->clear();
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(message->text(), QStringLiteral("Enter a name for the device."));
        QVERIFY(details->isEditing());

        edit->setText(QString(70, QLatin1Char('x')));
        QTest::mouseClick(findByName<QPushButton>(details, QStringLiteral("Save name")), Qt::LeftButton);
        QVERIFY(message->text().startsWith(QStringLiteral("Use at most 64 characters")));
        const int patches =
            int(std::count_if(m_nam->requests().begin(), m_nam->requests().end(), [](const FakeRequest& r) {
                return r.method == "PATCH";
            }));
        QCOMPARE(patches, 0);

        edit->setText(QStringLiteral("Den TV"));
        QTest::mouseClick(findByName<QPushButton>(details, QStringLiteral("Save name")), Qt::LeftButton);
        QTRY_VERIFY(!details->isEditing());
        QCOMPARE(findByName<QLabel>(details, QStringLiteral("Device name"))->text(), QStringLiteral("Den TV"));
        QCOMPARE(m_model->deviceAt(m_model->rowOf(QStringLiteral("dev_tv"))).name, QStringLiteral("Den TV"));
    }

    void renameRefusedByServiceShowsItsMessage()
    {
        load();
        openRow(1);
        m_nam->setHandler([](const FakeRequest&) {
            return FakeResponse::json(422,
                                      {{QStringLiteral("error"), QStringLiteral("invalid_field")},
                                       {QStringLiteral("field"), QStringLiteral("name")},
                                       {QStringLiteral("message"), QStringLiteral("That name is not allowed.")}});
        });
        DeviceDetailsPane* details = m_page->detailsPane();
        details->startRename();
        auto* edit = findByName<QLineEdit>(details, QStringLiteral("New device name"));
        edit->setText(QStringLiteral("Fine Locally"));
        QTest::keyClick(edit, Qt::Key_Return);
        auto* message = details->findChild<InlineMessage*>();
        QTRY_COMPARE(message->text(), QStringLiteral("That name is not allowed."));
        QVERIFY(details->isEditing());
        // Cancel goes back without a change.
        QTest::mouseClick(findByName<QPushButton>(details, QStringLiteral("Cancel rename")), Qt::LeftButton);
        QVERIFY(!details->isEditing());
        QCOMPARE(findByName<QLabel>(details, QStringLiteral("Device name"))->text(), QStringLiteral("Living Room TV"));
    }

    void unrecognizedOpensHelp()
    {
        load();
        openRow(1);
        QSignalSpy section(&m_navigator, &SectionNavigator::requested);
        auto* link = findByName<QLabel>(m_page->detailsPane(), QStringLiteral("Don't recognize this device?"));
        QVERIFY(link && link->isVisible());
        Q_EMIT link->linkActivated(QStringLiteral("#"));
        QCOMPARE(section.size(), 1);
        QCOMPARE(section.first().first().value<Section>(), Section::Help);
    }

    void liveUpdateChangesTheRow()
    {
        load();
        openRow(1);
        m_model->applyEvent(
            u"device.updated",
            {{QStringLiteral("id"), QStringLiteral("dev_tv")}, {QStringLiteral("status"), QStringLiteral("paused")}});
        QTableView* table = m_page->table();
        const int row =
            m_page->filterModel()->mapFromSource(m_model->index(m_model->rowOf(QStringLiteral("dev_tv")), 0)).row();
        QCOMPARE(table->model()->index(row, DeviceListModel::StatusColumn).data().toString(), QStringLiteral("Paused"));
        QTRY_VERIFY(findByName<QLabel>(m_page->detailsPane(), QStringLiteral("Status"))
                        ->text()
                        .startsWith(QStringLiteral("Paused")));
        QCOMPARE(m_page->detailsPane()->deviceId(), QStringLiteral("dev_tv"));

        // Removed elsewhere: the pane lets go of it (and follows the table's new current row, if any).
        m_model->applyEvent(u"device.removed", {{QStringLiteral("device_id"), QStringLiteral("dev_tv")}});
        QVERIFY(m_page->detailsPane()->deviceId() != QLatin1String("dev_tv"));
        QCOMPARE(m_page->detailsPane()->deviceId(),
                 m_page->table()->currentIndex().data(DeviceListModel::IdRole).toString());
    }

    void rowUnderThePointerStaysWhileUpdatesArrive()
    {
        load();
        m_service->setEventStream(m_stream.get());
        QTableView* table = m_page->table();
        QWidget* viewport = table->viewport();
        const auto shownIds = [table] {
            QStringList ids;
            for (int row = 0; row < table->model()->rowCount(); ++row)
                ids.append(table->model()->index(row, 0).data(DeviceListModel::IdRole).toString());
            return ids;
        };
        const QStringList before = shownIds();
        QCOMPARE(before,
                 QStringList({QStringLiteral("dev_me"),
                              QStringLiteral("dev_tv"),
                              QStringLiteral("dev_br"),
                              QStringLiteral("dev_phone"),
                              QStringLiteral("dev_old")}));
        const QPoint pointer(30, table->rowViewportPosition(3) + table->rowHeight(3) / 2);
        QTest::mouseMove(viewport, pointer);
        QTRY_VERIFY(m_page->filterModel()->isOrderHeld());
        QCOMPARE(table->indexAt(pointer).data(DeviceListModel::IdRole).toString(), QStringLiteral("dev_phone"));

        // Updates that would put the oldest device first and the one under the pointer on top.
        const auto event = [this](int seq, const char* id, const char* status, const char* lastActive) {
            Q_EMIT m_stream->eventReceived(
                QStringLiteral("device.updated"),
                {{QStringLiteral("type"), QStringLiteral("device.updated")},
                 {QStringLiteral("device"),
                  QJsonObject{{QStringLiteral("id"), QString::fromLatin1(id)},
                              {QStringLiteral("status"), QString::fromLatin1(status)},
                              {QStringLiteral("last_active"), QString::fromLatin1(lastActive)}}}},
                seq);
        };
        event(10, "dev_old", "streaming", "2026-03-10T12:00:00Z");
        event(11, "dev_phone", "streaming", "2026-03-10T11:59:59Z");
        event(12, "dev_br", "idle", "2026-03-10T11:59:58Z");
        const auto statusOf = [this](const char* id) {
            return m_model->deviceAt(m_model->rowOf(QString::fromLatin1(id))).status;
        };
        QTRY_COMPARE(statusOf("dev_br"), Device::Status::Idle);
        QCOMPARE(shownIds(), before);
        QCOMPARE(table->indexAt(pointer).data(DeviceListModel::IdRole).toString(), QStringLiteral("dev_phone"));
        QCOMPARE(table->model()->index(3, DeviceListModel::StatusColumn).data().toString(),
                 QStringLiteral("Streaming"));

        // The pointer leaves the table: the new order applies at once.
        QTest::mouseMove(m_page->findChild<QLineEdit*>(), QPoint(5, 5));
        QTRY_VERIFY(!m_page->filterModel()->isOrderHeld());
        QCOMPARE(shownIds(),
                 QStringList({QStringLiteral("dev_old"),
                              QStringLiteral("dev_phone"),
                              QStringLiteral("dev_br"),
                              QStringLiteral("dev_me"),
                              QStringLiteral("dev_tv")}));
    }

    void connectionBannerText()
    {
        auto* status = findByName<QLabel>(m_page.get(), QStringLiteral("Connection status"));
        QVERIFY(status);
        QVERIFY2(status->text().startsWith(QStringLiteral("Offline — showing data from ")), qPrintable(status->text()));
        auto* retry = findByName<QPushButton>(m_page.get(), QStringLiteral("Retry connection"));
        QVERIFY(retry->isVisible());

        // Nobody listens at this address: the stream waits and counts down.
        m_stream->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        m_stream->setTokenProvider([] { return QStringLiteral("vat_a"); });
        m_stream->setRandom([] { return 1.0; });
        m_stream->setBackoff(2000, 60000); // the first failed attempt waits twice that
        m_stream->start();
        QTRY_COMPARE(m_stream->state(), EventStream::State::Reconnecting);
        QTRY_COMPARE(status->text(), QStringLiteral("Reconnecting in 4 s…"));
        QVERIFY(retry->isVisible());
        m_stream->stop();
    }
};

QTEST_MAIN(TestDevicesPage)
#include "TestDevicesPage.moc"
