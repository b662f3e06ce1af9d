// The Overview's live device figures: counts from the device list, each a link to the filtered list.
#include "../model/DeviceFixtures.h"
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/account/AccountService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/devices/SignOutActions.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/OverviewPage.h"
#include "ui/widgets/Icons.h"

#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace vigil;
using namespace fixtures;

class TestDevicesOverview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void figuresAndLinks()
    {
        FakeNetworkAccessManager nam;
        Session session;
        ApiClient api(&nam, &session);
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        session.setTokens(api.baseUrl(), tokens.value());
        const QList<Device> devices{
            makeDevice({.id = QStringLiteral("me"), .name = QStringLiteral("Laptop"), .current = true}),
            makeDevice({.id = QStringLiteral("tv"),
                        .name = QStringLiteral("TV"),
                        .status = Device::Status::Streaming,
                        .profile = QStringLiteral("Ana")}),
            makeDevice({.id = QStringLiteral("tab"),
                        .name = QStringLiteral("Tablet"),
                        .status = Device::Status::Streaming,
                        .profile = QStringLiteral("Ben")}),
            makeDevice({.id = QStringLiteral("off"), .name = QStringLiteral("Old"), .status = Device::Status::Offline}),
            makeDevice({.id = QStringLiteral("br"),
                        .name = QStringLiteral("Browser"),
                        .status = Device::Status::Offline,
                        .firstSignInAgo = 2 * day,
                        .countryCode = QStringLiteral("BR"),
                        .city = QStringLiteral("Recife")}),
        };
        nam.setHandler([&](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/me"))
                return FakeResponse::json(200, TestTokens::me(5));
            QJsonArray array;
            for (const Device& device : devices)
                array.append(device.toJson());
            return FakeResponse::json(200, {{QStringLiteral("devices"), array}});
        });
        AccountService account(&api, &session);
        DeviceListModel model;
        ManualClock clock;
        model.setRelativeTime(clock.relativeTime());
        DeviceService service(&api, &model);
        SectionNavigator navigator;
        OverviewPage page(&account, &navigator);
        page.setDevices(&service);
        page.show();
        account.reload();

        auto* signedIn = findByName<QLabel>(&page, QStringLiteral("Signed-in devices"));
        QTRY_COMPARE(signedIn->text(), QStringLiteral("5"));
        auto* active = findByName<QLabel>(&page, QStringLiteral("Active now"));
        QVERIFY(active && !active->isVisible()); // nothing to say before the list is there

        QSignalSpy loaded(&service, &DeviceService::loaded);
        service.reload();
        QVERIFY(loaded.wait());
        QTRY_VERIFY(active->isVisible());
        QCOMPARE(active->text(), QStringLiteral("3"));
        auto* streaming = findByName<QLabel>(&page, QStringLiteral("Streaming now"));
        QCOMPARE(streaming->text(), QStringLiteral("2"));
        QCOMPARE(streaming->accessibleDescription(), QStringLiteral("Watching now: Ana, Ben."));
        QCOMPARE(findByName<QLabel>(&page, QStringLiteral("New in the last 7 days"))->text(), QStringLiteral("1"));
        QCOMPARE(findByName<QLabel>(&page, QStringLiteral("In unfamiliar countries"))->text(), QStringLiteral("1"));
        // "Signed-in devices" keeps its meaning and stays the only label of that name.
        int named = 0;
        for (QLabel* label : page.findChildren<QLabel*>())
            named += label->accessibleName() == QLatin1String("Signed-in devices") ? 1 : 0;
        QCOMPARE(named, 1);

        // Live: one more starts playing.
        model.applyEvent(
            u"device.updated",
            {{QStringLiteral("id"), QStringLiteral("off")}, {QStringLiteral("status"), QStringLiteral("streaming")}});
        QTRY_COMPARE(streaming->text(), QStringLiteral("3"));

        // "Signed-in devices" follows the live list, not the count of the last account reload.
        // Regression: the soak saw 13 while the account had 1,014 devices.
        QCOMPARE(signedIn->text(), QStringLiteral("5"));
        model.applyEvent(u"device.signed_in",
                         makeDevice({.id = QStringLiteral("new"), .name = QStringLiteral("Hotel TV")}).toJson());
        QTRY_COMPARE(signedIn->text(), QStringLiteral("6"));
        model.applyEvent(u"device.removed", {{QStringLiteral("id"), QStringLiteral("new")}});
        model.applyEvent(u"device.removed", {{QStringLiteral("id"), QStringLiteral("br")}});
        QTRY_COMPARE(signedIn->text(), QStringLiteral("4"));
        model.applyEvent(u"device.signed_in", devices.last().toJson());
        QTRY_COMPARE(signedIn->text(), QStringLiteral("5"));

        QSignalSpy requested(&page, &OverviewPage::devicesRequested);
        QSignalSpy newest(&page, &OverviewPage::newestDevicesRequested);
        auto* link = findByName<QLabel>(&page, QStringLiteral("Review These Devices"));
        QVERIFY(link);
        Q_EMIT link->linkActivated(QStringLiteral("#"));
        Q_EMIT findByName<QLabel>(&page, QStringLiteral("See Who's Watching"))->linkActivated(QStringLiteral("#"));
        Q_EMIT findByName<QLabel>(&page, QStringLiteral("See Newest Devices"))->linkActivated(QStringLiteral("#"));
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested[0][0].value<DeviceFilterPreset::Kind>(), DeviceFilterPreset::Unfamiliar);
        QCOMPARE(requested[1][0].value<DeviceFilterPreset::Kind>(), DeviceFilterPreset::Streaming);
        QCOMPARE(newest.size(), 1);

        // "Sign Out of All Devices…": every other device, or every device, through the one flow.
        StepUpService stepUp(&api);
        HolderSignOutSender sender;
        SignOutFlow flow(&api, &stepUp, &session, &sender);
        SignOutActions actions(&flow, &model);
        QVERIFY(!page.signOutAllButton());
        page.setSignOutActions(&actions);
        QPushButton* signOutAll = page.signOutAllButton();
        QVERIFY(signOutAll && signOutAll->isEnabled());
        QTRY_VERIFY(signOutAll->isVisible());
        QCOMPARE(signOutAll->text(), QStringLiteral("Sign Out of All Devices…"));
        QVERIFY(!signOutAll->isDefault());
        signOutAll->menu()->actions().at(0)->trigger();
        QCOMPARE(flow.state(), SignOutFlow::State::Confirming);
        QCOMPARE(flow.scope().kind, SignOutFlow::Scope::Kind::Others);
        QCOMPARE(flow.scope().devices.size(), 4);
        QVERIFY(!signOutAll->isEnabled()); // one sign-out at a time
        flow.cancel();
        QVERIFY(signOutAll->isEnabled());
        signOutAll->menu()->actions().at(1)->trigger();
        QCOMPARE(flow.scope().kind, SignOutFlow::Scope::Kind::All);
        QCOMPARE(flow.scope().devices.size(), 5);
        flow.cancel();
    }
};

QTEST_MAIN(TestDevicesOverview)
#include "TestDevicesOverview.moc"
