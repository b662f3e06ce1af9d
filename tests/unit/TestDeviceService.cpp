// DeviceService over a faked network: paging, ETag/304, incremental refresh, events, rename, history.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <memory>

using namespace vigil;

namespace {

QJsonObject deviceJson(const QString& id, const QString& name = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name.isEmpty() ? QStringLiteral("Device ") + id : name},
            {QStringLiteral("type"), QStringLiteral("phone")},
            {QStringLiteral("first_sign_in"), QStringLiteral("2026-01-01T10:00:00Z")},
            {QStringLiteral("last_active"), QStringLiteral("2026-11-25T10:00:00Z")},
            {QStringLiteral("status"), QStringLiteral("idle")},
            {QStringLiteral("is_current"), false}};
}

// n devices dev_0 … dev_{n-1}, served `limit` at a time with numeric cursors.
FakeResponse page(const FakeRequest& request, int total, const QByteArray& etag)
{
    const QUrlQuery query(request.url);
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
    const int from = query.queryItemValue(QStringLiteral("cursor")).toInt();
    QJsonArray devices;
    for (int i = from; i < std::min(total, from + limit); ++i)
        devices.append(deviceJson(QStringLiteral("dev_%1").arg(i)));
    const int next = from + limit;
    FakeResponse response = FakeResponse::json(
        200,
        {{QStringLiteral("devices"), devices},
         {QStringLiteral("next_cursor"), next < total ? QJsonValue(QString::number(next)) : QJsonValue()},
         {QStringLiteral("total"), total}});
    response.headers.append({"ETag", etag});
    return response;
}

} // namespace

class TestDeviceService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_service = std::make_unique<DeviceService>(m_api.get(), m_model.get());
    }
    void cleanup()
    {
        m_service.reset();
        m_tester.reset();
        m_model.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

    void pagesThroughEveryDevice()
    {
        m_nam->setHandler([](const FakeRequest& request) { return page(request, 1203, "\"v1\""); });
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QCOMPARE(m_service->state(), DeviceService::State::Loading);
        QVERIFY(loaded.wait());
        QCOMPARE(m_nam->count(QStringLiteral("/v1/devices")), 3);
        QCOMPARE(QUrlQuery(m_nam->requests()[0].url).queryItemValue(QStringLiteral("limit")), QStringLiteral("500"));
        QVERIFY(!QUrlQuery(m_nam->requests()[0].url).hasQueryItem(QStringLiteral("cursor")));
        QCOMPARE(QUrlQuery(m_nam->requests()[2].url).queryItemValue(QStringLiteral("cursor")), QStringLiteral("1000"));
        QCOMPARE(m_model->rowCount(), 1203);
        QCOMPARE(m_service->state(), DeviceService::State::Ready);
        QCOMPARE(m_service->etag(), QByteArray("\"v1\""));
        QVERIFY(m_service->hasData());
    }

    void notModifiedKeepsTheList()
    {
        QByteArray etag = "\"v1\"";
        int total = 3;
        m_nam->setHandler([&](const FakeRequest& request) {
            if (request.header("If-None-Match") == etag) {
                FakeResponse response;
                response.status = 304;
                return response;
            }
            return page(request, total, etag);
        });
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait());
        QVERIFY(m_nam->requests()[0].header("If-None-Match").isEmpty());

        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_service->refresh();
        QCOMPARE(m_service->state(), DeviceService::State::Refreshing);
        QVERIFY(loaded.wait());
        QCOMPARE(m_nam->requests().last().header("If-None-Match"), QByteArray("\"v1\""));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(resets.size(), 0);

        // Changed on the service: a refresh updates row by row, no reset.
        etag = "\"v2\"";
        total = 2;
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_service->refresh();
        QVERIFY(loaded.wait());
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(m_service->etag(), QByteArray("\"v2\""));
    }

    void failureIsTyped()
    {
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::error(500, "server_error"); });
        QSignalSpy states(m_service.get(), &DeviceService::stateChanged);
        m_service->reload();
        QTRY_COMPARE(m_service->state(), DeviceService::State::Failed);
        QVERIFY(m_service->error());
        QCOMPARE(m_service->error()->code(), ApiError::Code::ServerError);
        QVERIFY(!m_service->hasData());
    }

    void renameSendsPatchAndShowsTheNewName()
    {
        loadThree();
        m_nam->setHandler([](const FakeRequest& request) {
            if (request.method == "PATCH")
                return FakeResponse::json(200,
                                          deviceJson(QStringLiteral("dev_1"), request.json().value("name").toString()));
            return FakeResponse::error(404, "not_found");
        });
        QSignalSpy renamed(m_service.get(), &DeviceService::renamed);
        m_service->rename(QStringLiteral("dev_1"), QStringLiteral("  Kitchen Tablet "));
        QVERIFY(renamed.wait());
        QCOMPARE(m_nam->requests().last().path(), QStringLiteral("/v1/devices/dev_1"));
        QCOMPARE(m_nam->requests().last().json().value("name").toString(), QStringLiteral("Kitchen Tablet"));
        QCOMPARE(m_model->deviceAt(m_model->rowOf(QStringLiteral("dev_1"))).name, QStringLiteral("Kitchen Tablet"));
    }

    void renameRefusedCarriesTheServiceMessage()
    {
        loadThree();
        m_nam->setHandler([](const FakeRequest&) {
            return FakeResponse::json(422,
                                      {{QStringLiteral("error"), QStringLiteral("invalid_field")},
                                       {QStringLiteral("field"), QStringLiteral("name")},
                                       {QStringLiteral("message"), QStringLiteral("Name is too long.")}});
        });
        QSignalSpy failed(m_service.get(), &DeviceService::renameFailed);
        m_service->rename(QStringLiteral("dev_1"), QStringLiteral("x"));
        QVERIFY(failed.wait());
        const auto error = failed.first().at(1).value<ApiError>();
        QCOMPARE(error.code(), ApiError::Code::InvalidField);
        QCOMPARE(error.field(), QStringLiteral("name"));
    }

    void validateName()
    {
        QVERIFY(DeviceService::validateName(QStringLiteral("Living Room TV")).isEmpty());
        QVERIFY(!DeviceService::validateName(QStringLiteral("   ")).isEmpty());
        QVERIFY(!DeviceService::validateName(QString(65, QLatin1Char('a'))).isEmpty());
        QVERIFY(DeviceService::validateName(QString(64, QLatin1Char('a'))).isEmpty());
        QVERIFY(!DeviceService::validateName(QStringLiteral("a\u0007b")).isEmpty());
    }

    void historyIsParsed()
    {
        m_nam->setHandler([](const FakeRequest&) {
            const QJsonObject lisbon{{QStringLiteral("city"), QStringLiteral("Lisbon")},
                                     {QStringLiteral("country"), QStringLiteral("Portugal")}};
            return FakeResponse::json(
                200,
                {{QStringLiteral("entries"),
                  QJsonArray{QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-11-24T09:15:00Z")},
                                         {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                                         {QStringLiteral("location"), lisbon},
                                         {QStringLiteral("method"), QStringLiteral("totp")},
                                         {QStringLiteral("result"), QStringLiteral("success")}},
                             QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-11-20T09:15:00Z")},
                                         {QStringLiteral("ip"), QStringLiteral("192.0.2.1")},
                                         {QStringLiteral("location"), QJsonValue()},
                                         {QStringLiteral("method"), QStringLiteral("password")}}}},
                 {QStringLiteral("next_cursor"), QJsonValue()}});
        });
        QSignalSpy loaded(m_service.get(), &DeviceService::historyLoaded);
        m_service->fetchHistory(QStringLiteral("dev_9"));
        QVERIFY(loaded.wait());
        QCOMPARE(m_nam->requests().last().path(), QStringLiteral("/v1/devices/dev_9/history"));
        const auto entries = loaded.first().at(1).value<QList<DeviceService::HistoryEntry>>();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].place, QStringLiteral("Lisbon, Portugal"));
        QCOMPARE(entries[0].time, QDateTime(QDate(2026, 11, 24), QTime(9, 15), Qt::UTC));
        QCOMPARE(DeviceService::HistoryEntry::methodText(entries[0].method), QStringLiteral("Authenticator app"));
        QCOMPARE(entries[1].place, QStringLiteral("Unknown location"));
        QCOMPARE(entries[1].result, QStringLiteral("success"));
    }

    void eventsApplyToSingleRows()
    {
        EventStream stream;
        m_service->setEventStream(&stream);
        loadThree();
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Q_EMIT stream.eventReceived(
            QStringLiteral("device.updated"), update(4, QStringLiteral("dev_1"), "streaming"), 4);
        QCOMPARE(m_model->deviceAt(m_model->rowOf(QStringLiteral("dev_1"))).status, Device::Status::Streaming);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), changed.first().at(1).toModelIndex().row());
        Q_EMIT stream.eventReceived(QStringLiteral("device.removed"),
                                    {{QStringLiteral("type"), QStringLiteral("device.removed")},
                                     {QStringLiteral("device_id"), QStringLiteral("dev_2")}},
                                    5);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(resets.size(), 0);
    }

    void updatesInABurstApplyTogether()
    {
        EventStream stream;
        m_service->setEventStream(&stream);
        loadThree();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const auto statusOf = [this](const char* id) {
            return m_model->deviceAt(m_model->rowOf(QString::fromLatin1(id))).status;
        };
        // The first after a quiet spell applies at once; those right behind it are gathered.
        Q_EMIT stream.eventReceived(
            QStringLiteral("device.updated"), update(4, QStringLiteral("dev_0"), "streaming"), 4);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(statusOf("dev_0"), Device::Status::Streaming);
        Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), update(5, QStringLiteral("dev_1"), "paused"), 5);
        Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), update(6, QStringLiteral("dev_2"), "paused"), 6);
        Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), update(7, QStringLiteral("dev_1"), "idle"), 7);
        QCOMPARE(changed.size(), 1);
        // …and applied as one change over the rows they touched.
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(statusOf("dev_1"), Device::Status::Idle);
        QCOMPARE(statusOf("dev_2"), Device::Status::Paused);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), m_model->rowOf(QStringLiteral("dev_1")));
        QCOMPARE(changed.last().at(1).toModelIndex().row(), m_model->rowOf(QStringLiteral("dev_2")));

        // A removal does not wait, and what was gathered before it is applied first.
        Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), update(8, QStringLiteral("dev_0"), "offline"), 8);
        Q_EMIT stream.eventReceived(QStringLiteral("device.removed"),
                                    {{QStringLiteral("type"), QStringLiteral("device.removed")},
                                     {QStringLiteral("device_id"), QStringLiteral("dev_2")}},
                                    9);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(statusOf("dev_0"), Device::Status::Offline);
    }

    void eventsDuringALoadWaitForIt()
    {
        EventStream stream;
        m_service->setEventStream(&stream);
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
        m_service->reload();
        QTRY_COMPARE(m_nam->heldCount(), 1);
        Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), update(9, QStringLiteral("dev_0"), "paused"), 9);
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        FakeRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:9/v1/devices?limit=500"));
        m_nam->releaseHeld(page(request, 2, "\"v1\""));
        QVERIFY(loaded.wait());
        QCOMPARE(m_model->deviceAt(m_model->rowOf(QStringLiteral("dev_0"))).status, Device::Status::Paused);
    }

    void resyncAndUnknownDevicesRefetch()
    {
        EventStream stream;
        m_service->setEventStream(&stream);
        loadThree();
        const int before = m_nam->count(QStringLiteral("/v1/devices"));
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        Q_EMIT stream.resyncRequired();
        QVERIFY(loaded.wait());
        QCOMPARE(m_nam->count(QStringLiteral("/v1/devices")), before + 1);
        // Unconditional: a resync must not be answered by a 304 of stale data.
        QVERIFY(m_nam->requests().last().header("If-None-Match").isEmpty());

        m_nam->setHandler([](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/devices/dev_new"))
                return FakeResponse::json(200, deviceJson(QStringLiteral("dev_new"), QStringLiteral("New Phone")));
            return FakeResponse::error(404, "not_found");
        });
        Q_EMIT stream.eventReceived(
            QStringLiteral("device.updated"), update(12, QStringLiteral("dev_new"), "idle"), 12);
        QTRY_VERIFY(m_model->rowOf(QStringLiteral("dev_new")) >= 0);
        QCOMPARE(m_model->deviceAt(m_model->rowOf(QStringLiteral("dev_new"))).name, QStringLiteral("New Phone"));
    }

private:
    static QJsonObject update(int seq, const QString& id, const char* status)
    {
        return {{QStringLiteral("type"), QStringLiteral("device.updated")},
                {QStringLiteral("seq"), seq},
                {QStringLiteral("device"),
                 QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("status"), QString::fromLatin1(status)}}}};
    }

    void loadThree()
    {
        m_nam->setHandler([](const FakeRequest& request) { return page(request, 3, "\"v1\""); });
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait());
    }

    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<DeviceService> m_service;
};

QTEST_GUILESS_MAIN(TestDeviceService)
#include "TestDeviceService.moc"
