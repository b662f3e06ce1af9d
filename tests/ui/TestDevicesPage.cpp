// The Devices page and its details pane, offscreen, over a faked network.
#include "../model/DeviceFixtures.h"
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "core/util/EnglishPlurals.h"
#include "ui/devices/ConnectionBanner.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/devices/RecommendationsCard.h"
#include "ui/pages/DevicesPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace vigil;
using namespace fixtures;

namespace {

QList<Device> household()
{
    return {
        makeDevice({.id = QStringLiteral("dev_me"),
                    .name = QStringLiteral("This Laptop"),
                    .type = Device::Type::Computer,
                    .status = Device::Status::Idle,
                    .lastActiveAgo = 1 * minute,
                    .current = true}),
        makeDevice({.id = QStringLiteral("dev_tv"),
                    .name = QStringLiteral("Living Room TV"),
                    .type = Device::Type::Tv,
                    .status = Device::Status::Streaming,
                    .lastActiveAgo = 2 * minute}),
        makeDevice({.id = QStringLiteral("dev_phone"),
                    .name = QStringLiteral("Ana's Phone"),
                    .status = Device::Status::Idle,
                    .lastActiveAgo = 3 * hour,
                    .city = QStringLiteral("Porto")}),
        makeDevice({.id = QStringLiteral("dev_old"),
                    .name = QStringLiteral("Old Tablet"),
                    .type = Device::Type::Tablet,
                    .status = Device::Status::Offline,
                    .lastActiveAgo = 120 * day,
                    .firstSignInAgo = 400 * day}),
        makeDevice({.id = QStringLiteral("dev_br"),
                    .name = QStringLiteral("Unknown Browser"),
                    .type = Device::Type::Browser,
                    .status = Device::Status::Offline,
                    .lastActiveAgo = 1 * hour,
                    .firstSignInAgo = 3 * day,
                    .countryCode = QStringLiteral("BR"),
                    .city = QStringLiteral("São Paulo")}),
    };
}

FakeResponse listResponse(const QList<Device>& devices)
{
    QJsonArray array;
    for (const Device& device : devices)
        array.append(device.toJson());
    FakeResponse response =
        FakeResponse::json(200, {{QStringLiteral("devices"), array}, {QStringLiteral("next_cursor"), QJsonValue()}});
    response.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"e1\"")));
    return response;
}

} // namespace

class TestDevicesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_session = std::make_unique<Session>();
        m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
        m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        m_session->setTokens(m_api->baseUrl(), tokens.value());
        m_model = std::make_unique<DeviceListModel>();
        m_model->setRelativeTime(m_clock.relativeTime());
        m_service = std::make_unique<DeviceService>(m_api.get(), m_model.get());
        m_stream = std::make_unique<EventStream>();
        m_nam->setHandler([this](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/devices"))
                return listResponse(m_devices);
            if (request.path().endsWith(QLatin1String("/history")))
                return FakeResponse::json(
                    200,
                    {{QStringLiteral("entries"),
                      QJsonArray{QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-03-01T09:15:00Z")},
                                             {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                                             {QStringLiteral("location"),
                                              QJsonObject{{QStringLiteral("city"), QStringLiteral("Lisbon")},
                                                          {QStringLiteral("country"), QStringLiteral("Portugal")}}},
                                             {QStringLiteral("method"), QStringLiteral("password")},
                                             {QStringLiteral("result"), QStringLiteral("success")}}}}});
            if (request.method == "PATCH") {
                Device device = m_devices[1];
                device.name = request.json().value(QStringLiteral("name")).toString();
                return FakeResponse::json(200, device.toJson());
            }
            return FakeResponse::error(404, "not_found");
        });
        m_devices = household();
        m_page = std::make_unique<DevicesPage>(m_service.get(), m_stream.get());
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_stream.reset();
        m_service.reset();
        m_model.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

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
        QSignalSpy section(m_page.get(), &DevicesPage::sectionRequested);
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

private:
    void load()
    {
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait());
    }
    void openRow(int row)
    {
        QTableView* table = m_page->table();
        table->selectionModel()->setCurrentIndex(table->model()->index(row, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Q_EMIT table->activated(table->currentIndex());
    }

    ManualClock m_clock;
    QList<Device> m_devices;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<DeviceService> m_service;
    std::unique_ptr<EventStream> m_stream;
    std::unique_ptr<DevicesPage> m_page;
};

QTEST_MAIN(TestDevicesPage)
#include "TestDevicesPage.moc"
