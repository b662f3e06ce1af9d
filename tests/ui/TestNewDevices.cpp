// New devices in the Devices page and on the Overview (young-session guard, "Was this you?"): the
// "New" badge and what it says to a screen reader, the recommendation with its filter, and the
// details pane's Confirm… with its step-up, its answer and the row updating live.
#include "DevicesPageFixture.h"
#include "core/account/AccountService.h"
#include "core/devices/DeviceConfirmService.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/settings/Translations.h"
#include "core/stepup/StepUpService.h"
#include "ui/devices/ConfirmActions.h"
#include "ui/devices/NewBadgeDelegate.h"
#include "ui/devices/NewDevicesNotice.h"
#include "ui/devices/SignOutActions.h"
#include "ui/pages/OverviewPage.h"
#include "ui/stepup/StepUpDialog.h"

#include <QApplication>

namespace {

FakeResponse stepUpToken()
{
    return FakeResponse::json(
        200,
        QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
}

FakeResponse challenge()
{
    return FakeResponse::json(200,
                              QJsonObject{{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                          {QStringLiteral("method"), QStringLiteral("password")},
                                          {QStringLiteral("expires_in"), 600},
                                          {QStringLiteral("resend_after"), 0}});
}

} // namespace

class TestNewDevices final : public DevicesPageFixture
{
    Q_OBJECT

private:
    std::unique_ptr<StepUpService> m_stepUp;
    std::unique_ptr<DeviceConfirmService> m_confirmService;
    std::unique_ptr<ConfirmActions> m_confirm;
    std::optional<FakeResponse> m_confirmAnswer; // unset: the device, confirmed
    QList<FakeRequest> m_confirmRequests;

    // Ana's phone signed in minutes ago and is new until tomorrow.
    void makePhoneNew()
    {
        m_devices[2].firstSignIn = ago(10 * minute);
        m_devices[2].newUntil = fixedNow().addSecs(23 * hour);
    }

    QModelIndex rowOf(const QString& id) const
    {
        const QAbstractItemModel* table = m_page->table()->model();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QModelIndex index = table->index(row, DeviceListModel::NameColumn);
            if (index.data(DeviceListModel::IdRole).toString() == id)
                return index;
        }
        return {};
    }

    void openDevice(const QString& id)
    {
        const QModelIndex index = rowOf(id);
        QVERIFY(index.isValid());
        openRow(index.row());
        QCOMPARE(m_page->detailsPane()->deviceId(), id);
    }

    void earnToken()
    {
        QSignalSpy verified(m_stepUp.get(), &StepUpService::tokenChanged);
        m_stepUp->begin(QStringLiteral("password"), this, [this](const Expected<StepUpChallenge, ApiError>& result) {
            QVERIFY(result.hasValue());
            m_stepUp->verify(result.value().challenge, QStringLiteral("pw"), this, [](const auto&) {});
        });
        QTRY_VERIFY(m_stepUp->validToken().has_value());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        // The English plural forms the app ships ("1 new device is waiting for you to confirm it").
        QCOMPARE(Translations::install(qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void init()
    {
        m_confirmAnswer.reset();
        m_confirmRequests.clear();
        setUp();
        m_stepUp = std::make_unique<StepUpService>(m_api.get());
        m_confirmService = std::make_unique<DeviceConfirmService>(m_api.get(), m_stepUp.get(), m_model.get());
        m_confirm = std::make_unique<ConfirmActions>(m_confirmService.get(), m_model.get());
        m_confirm->setWindow(m_page.get());
        m_page->setConfirmActions(m_confirm.get());
        m_extraHandler = [this](const FakeRequest& request) -> std::optional<FakeResponse> {
            if (request.path() == QLatin1String("/v1/step-up"))
                return challenge();
            if (request.path() == QLatin1String("/v1/step-up/verify"))
                return stepUpToken();
            if (request.path().endsWith(QLatin1String("/confirm"))) {
                m_confirmRequests.append(request);
                if (m_confirmAnswer)
                    return *m_confirmAnswer;
                Device device = m_devices[2];
                device.newUntil = QDateTime();
                return FakeResponse::json(200, device.toJson());
            }
            return std::nullopt;
        };
    }

    void cleanup()
    {
        m_confirm.reset();
        m_confirmService.reset();
        m_stepUp.reset();
        tearDown();
    }

    void aNewDeviceWearsTheBadge()
    {
        makePhoneNew();
        load();
        const QModelIndex phone = rowOf(QStringLiteral("dev_phone"));
        const QModelIndex tv = rowOf(QStringLiteral("dev_tv"));
        QVERIFY(phone.data(DeviceListModel::NewRole).toBool());
        QVERIFY(!tv.data(DeviceListModel::NewRole).toBool());
        // The badge's word for a screen reader, on the cell it reads.
        QVERIFY2(phone.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral(", new, not confirmed yet")),
                 qPrintable(phone.data(Qt::AccessibleTextRole).toString()));
        QVERIFY(!tv.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("new")));

        // Painted at the end of the name cell in the palette's accent, only on the new device's row.
        QTableView* table = m_page->table();
        auto* badge = qobject_cast<NewBadgeDelegate*>(table->itemDelegateForColumn(DeviceListModel::NameColumn));
        QVERIFY(badge);
        const QImage image = table->viewport()->grab().toImage();
        const auto badgeCentreLeft = [&](const QModelIndex& index) {
            QStyleOptionViewItem option;
            option.initFrom(table);
            option.rect = table->visualRect(index);
            const QRect rect = badge->badgeRect(option);
            // Inside the rounded end, left of the word.
            return image.pixelColor(QPoint(rect.left() + 2, rect.center().y()) * image.devicePixelRatio());
        };
        const QColor accent = table->palette().color(QPalette::Highlight);
        QCOMPARE(badgeCentreLeft(phone), accent);
        QVERIFY(badgeCentreLeft(tv) != accent);
    }

    void theRecommendationLeadsToThem()
    {
        makePhoneNew();
        load();
        auto* card = m_page->findChild<RecommendationsCard*>();
        QTRY_COMPARE(card->newCount(), 1);
        QVERIFY(card->isVisible());
        auto* line = findByName<QLabel>(card, QStringLiteral("1 new device is waiting for you to confirm it"));
        QVERIFY(line && line->isVisible());
        Q_EMIT line->linkActivated(QStringLiteral("#"));
        QCOMPARE(m_page->preset(), DeviceFilterPreset::New);
        QCOMPARE(m_page->table()->model()->rowCount(), 1);
        QCOMPARE(m_page->table()->model()->index(0, 0).data(DeviceListModel::IdRole).toString(),
                 QStringLiteral("dev_phone"));
    }

    void detailsOfANewDeviceOfferConfirm()
    {
        makePhoneNew();
        load();
        openDevice(QStringLiteral("dev_tv"));
        QPushButton* confirm = m_page->confirmButton();
        QVERIFY(confirm);
        QVERIFY(!confirm->isVisible()); // established: nothing to confirm
        QVERIFY(!m_page->detailsPane()->newNote()->isVisible());
        openDevice(QStringLiteral("dev_phone"));
        QVERIFY(confirm->isVisible());
        QVERIFY(confirm->isEnabled());
        QCOMPARE(confirm->text(), QStringLiteral("Confirm…"));
        QCOMPARE(confirm->accessibleName(), QStringLiteral("Confirm This Device"));
        QVERIFY(m_page->detailsPane()->newNote()->isVisible());
        QVERIFY(m_page->detailsPane()->newNote()->text().startsWith(QStringLiteral("New: signed in recently")));
    }

    void confirmComesBeforeSignOutForTheKeyboard()
    {
        // As in the app: Confirm… is added first, then the sign-out entry points.
        HolderSignOutSender sender;
        SignOutFlow flow(m_api.get(), m_stepUp.get(), m_session.get(), &sender);
        SignOutActions actions(&flow, m_model.get());
        m_page->setSignOutActions(&actions);
        makePhoneNew();
        load();
        openDevice(QStringLiteral("dev_phone"));
        auto* signOut = findByName<QPushButton>(m_page->detailsPane(), QStringLiteral("Sign Out This Device"));
        auto* link = findByName<QLabel>(m_page->detailsPane(), QStringLiteral("Don't recognize this device?"));
        QVERIFY(signOut && link);
        // Tab reads the buttons left to right, then the link. Regression: each button added went
        // first, so Confirm… came after the link.
        QCOMPARE(m_page->confirmButton()->nextInFocusChain(), signOut);
        QCOMPARE(signOut->nextInFocusChain(), link);
        m_page.reset(); // before the sign-out objects it points to
    }

    void aNewVigilOffersNoConfirm()
    {
        makePhoneNew();
        m_devices[0].newUntil = fixedNow().addSecs(hour); // this computer signed in minutes ago too
        load();
        openDevice(QStringLiteral("dev_phone"));
        QVERIFY(!m_page->confirmButton()->isVisible());
        auto* card = m_page->findChild<RecommendationsCard*>();
        QCOMPARE(card->newCount(), 0);
        // Said before anyone starts a sign-out that the service would refuse after the step-up.
        QLabel* note = m_page->detailsPane()->newNote();
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().startsWith(QStringLiteral("This computer signed in recently, so until ")),
                 qPrintable(note->text()));
        // Confirmed from an established device: the note goes, live, and Confirm… is offered.
        m_model->applyEvent(u"device.updated",
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_me")},
                                        {QStringLiteral("new_until"), QJsonValue::Null}});
        QVERIFY(note->text().startsWith(QStringLiteral("New: signed in recently")));
        QVERIFY(m_page->confirmButton()->isVisible());
    }

    void confirmingAsksForTheStepUpFirst()
    {
        makePhoneNew();
        load();
        openDevice(QStringLiteral("dev_phone"));
        QTest::mouseClick(m_page->confirmButton(), Qt::LeftButton);
        StepUpDialog* dialog = m_page->findChild<StepUpDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const auto labels = dialog->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
            return label->text().contains(QStringLiteral("Before Vigil confirms “Ana's Phone” as one of your devices"));
        }));
        dialog->reject(); // cancelled: nothing is confirmed
        QTest::qWait(0);
        QVERIFY(m_confirmRequests.isEmpty());
        QVERIFY(m_page->confirmButton()->isVisible());
    }

    void confirmedTheRowUpdatesLive()
    {
        makePhoneNew();
        load();
        earnToken(); // as after a sign-out a minute ago: no second verification
        openDevice(QStringLiteral("dev_phone"));
        QSignalSpy confirmed(m_confirm.get(), &ConfirmActions::confirmed);
        QTest::mouseClick(m_page->confirmButton(), Qt::LeftButton);
        QVERIFY(confirmed.wait());
        QCOMPARE(m_confirmRequests.size(), 1);
        QCOMPARE(m_confirmRequests.constFirst().method, QByteArray("POST"));
        QCOMPARE(m_confirmRequests.constFirst().path(), QStringLiteral("/v1/devices/dev_phone/confirm"));
        QCOMPARE(m_confirmRequests.constFirst().header("X-Step-Up"), QByteArray("vst_1"));
        // The answer updates the row before any event: no badge, no Confirm…, and a word on it.
        QVERIFY(!rowOf(QStringLiteral("dev_phone")).data(DeviceListModel::NewRole).toBool());
        QVERIFY(!m_page->confirmButton()->isVisible());
        QVERIFY(!m_page->detailsPane()->newNote()->isVisible());
        QCOMPARE(m_page->detailsPane()->actionMessage()->text(),
                 QStringLiteral("“Ana's Phone” is confirmed as one of your devices. It is no longer new."));
        QTRY_COMPARE(m_page->findChild<RecommendationsCard*>()->newCount(), 0);
    }

    void aRefusalIsExplained()
    {
        makePhoneNew();
        load();
        earnToken();
        m_confirmAnswer = FakeResponse::error(403, "session_too_new", "This session is new.");
        openDevice(QStringLiteral("dev_phone"));
        QSignalSpy failed(m_confirm.get(), &ConfirmActions::failed);
        QTest::mouseClick(m_page->confirmButton(), Qt::LeftButton);
        QVERIFY(failed.wait());
        InlineMessage* message = m_page->detailsPane()->actionMessage();
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QVERIFY2(message->text().startsWith(QStringLiteral("“Ana's Phone” wasn't confirmed. This device signed in")),
                 qPrintable(message->text()));
        QVERIFY(message->text().endsWith(QStringLiteral("Use a device you've signed in on before, or confirm this one "
                                                        "from it.")));
        QVERIFY(rowOf(QStringLiteral("dev_phone")).data(DeviceListModel::NewRole).toBool());
        QVERIFY(m_page->confirmButton()->isEnabled()); // it may be tried again
    }

    void theOverviewRecommendsConfirming()
    {
        makePhoneNew();
        m_devices[4].firstSignIn = ago(hour);
        m_devices[4].newUntil = fixedNow().addSecs(23 * hour);
        m_extraHandler = [](const FakeRequest& request) -> std::optional<FakeResponse> {
            if (request.path() == QLatin1String("/v1/me"))
                return FakeResponse::json(200, TestTokens::me(5));
            return std::nullopt;
        };
        AccountService account(m_api.get(), m_session.get());
        OverviewPage overview(&account, &m_navigator);
        overview.setDevices(m_service.get());
        overview.show();
        account.reload();
        load();
        NewDevicesNotice* notice = overview.newDevicesNotice();
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(findByName<QLabel>(notice, QStringLiteral("2 new devices are waiting for you to confirm them")));
        QSignalSpy requested(&overview, &OverviewPage::devicesRequested);
        QTest::mouseClick(notice->reviewButton(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested[0][0].value<DeviceFilterPreset::Kind>(), DeviceFilterPreset::New);
        // One confirmed elsewhere: the text counts down, in the singular.
        m_model->applyEvent(u"device.updated",
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_br")},
                                        {QStringLiteral("new_until"), QJsonValue::Null}});
        QTRY_VERIFY(findByName<QLabel>(notice, QStringLiteral("1 new device is waiting for you to confirm it")));
        m_model->applyEvent(u"device.updated",
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_phone")},
                                        {QStringLiteral("new_until"), QJsonValue::Null}});
        QTRY_VERIFY(!notice->isVisible());
    }
};

QTEST_MAIN(TestNewDevices)
#include "TestNewDevices.moc"
