#pragma once
// The Devices page over a faked network with five household devices: what the page's tests share.
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
#include "ui/main/SectionNavigator.h"
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
#include <functional>
#include <memory>
#include <optional>

using namespace vigil;
using namespace fixtures;

namespace DevicesPageFixtures {
inline QList<Device> household()
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

inline FakeResponse listResponse(const QList<Device>& devices)
{
    QJsonArray array;
    for (const Device& device : devices)
        array.append(device.toJson());
    FakeResponse response =
        FakeResponse::json(200, {{QStringLiteral("devices"), array}, {QStringLiteral("next_cursor"), QJsonValue()}});
    response.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"e1\"")));
    return response;
}

} // namespace DevicesPageFixtures

class DevicesPageFixture : public QObject
{
protected:
    void setUp()
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
            if (m_extraHandler) {
                if (auto response = m_extraHandler(request))
                    return *response;
            }
            if (request.path() == QLatin1String("/v1/devices"))
                return DevicesPageFixtures::listResponse(m_devices);
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
        m_devices = DevicesPageFixtures::household();
        m_page = std::make_unique<DevicesPage>(m_service.get(), m_stream.get(), &m_navigator);
        m_page->resize(1000, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void tearDown()
    {
        m_page.reset();
        m_stream.reset();
        m_service.reset();
        m_model.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

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

    // Answers first when set (e.g. the sign-out routes); nullopt falls through to the device routes.
    std::function<std::optional<FakeResponse>(const FakeRequest&)> m_extraHandler;
    ManualClock m_clock;
    QList<Device> m_devices;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<DeviceService> m_service;
    std::unique_ptr<EventStream> m_stream;
    SectionNavigator m_navigator;
    std::unique_ptr<DevicesPage> m_page;
};
