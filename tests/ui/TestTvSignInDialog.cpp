// "Sign In a TV" on screen (offscreen): the code field takes the code in any form, the lookup shows
// the waiting device and warns when it is far away (and only then), each preset gives its end, the
// errors are said inline, approving goes through "Confirm It's You", Deny refuses; and a guest
// device's row and details say when it signs out.
#include "FakeTvService.h"
#include "SignInStack.h"
#include "WidgetFinder.h"
#include "core/devices/DeviceListModel.h"
#include "core/profiles/ProfileListModel.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/tv/GuestEnd.h"
#include "core/tv/TvSignInService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/devices/DeviceTableModel.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/tv/GuestAccessBar.h"
#include "ui/tv/GuestEndPicker.h"
#include "ui/tv/GuestExtendDialog.h"
#include "ui/tv/TvSignInActions.h"
#include "ui/tv/TvSignInDialog.h"
#include "ui/tv/TvSignInReviewPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace vigil;
using Preset = GuestEnd::Preset;
using FakeTvService::pending;

namespace {

Device guestDevice(const QString& id, const QDateTime& guestUntil)
{
    Device device;
    device.id = id;
    device.name = QStringLiteral("Hotel Room TV");
    device.type = Device::Type::Tv;
    device.status = Device::Status::Streaming;
    device.firstSignIn = QDateTime(QDate(2026, 12, 7), QTime(11, 0), Qt::UTC);
    device.lastActive = device.firstSignIn;
    device.guestUntil = guestUntil;
    return device;
}

} // namespace

class TestTvSignInDialog final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now;
    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<StepUpService> m_stepUp;
    std::unique_ptr<TvSignInService> m_service;
    std::unique_ptr<ProfileListModel> m_profiles;
    FakeResponse m_lookup = FakeResponse::json(200, pending(true));

    FakeNetworkAccessManager& nam() { return *m_stack->nam; }

    const FakeRequest* last(const QString& path)
    {
        const auto& requests = nam().requests();
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->path() == path)
                return &*it;
        }
        return nullptr;
    }

    std::unique_ptr<TvSignInDialog> dialog()
    {
        auto made = std::make_unique<TvSignInDialog>(
            m_service.get(), m_profiles.get(), QStringList{QStringLiteral("password"), QStringLiteral("email")});
        made->show();
        return made;
    }

    // Types the code as a person would and looks it up; on to the review page.
    static void lookUp(TvSignInDialog& d, const QString& code = QStringLiteral("wdjb mjht"))
    {
        d.codeEdit()->clear();
        QTest::keyClicks(d.codeEdit(), code);
        d.lookUpButton()->click();
    }

    static void waitForReview(TvSignInDialog& d)
    {
        QTRY_COMPARE(d.flow()->state(), TvSignInFlow::State::Reviewing);
        QCOMPARE(d.pages()->currentWidget(), d.reviewPage());
    }

    static StepUpDialog* stepUpDialog()
    {
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget* window : windows) {
            if (auto* found = qobject_cast<StepUpDialog*>(window); found && found->isVisible())
                return found;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        m_now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
        m_lookup = FakeResponse::json(200, pending(true));
        m_stack = std::make_unique<SignInStack>();
        m_stack->api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        m_stack->session->setTokens(m_stack->api->baseUrl(), tokens.value());
        m_stepUp = std::make_unique<StepUpService>(m_stack->api.get(), [this] { return m_now; });
        m_service = std::make_unique<TvSignInService>(m_stack->api.get(), m_stepUp.get());
        m_profiles = std::make_unique<ProfileListModel>();
        m_profiles->setProfiles({Profile{QStringLiteral("prf_ana"), QStringLiteral("Ana"), {}, false, {}, {}, {}},
                                 Profile{QStringLiteral("prf_sam"), QStringLiteral("Sam"), {}, false, {}, {}, {}}});
        nam().setHandler(FakeTvService::handler(
            {&m_lookup, [](const QJsonValue& guestUntil) {
                 QJsonObject device = guestDevice(QStringLiteral("dev_tv"), {}).toJson();
                 device.insert(QStringLiteral("guest_until"), guestUntil.isUndefined() ? QJsonValue() : guestUntil);
                 return device;
             }}));
    }

    void cleanup()
    {
        m_profiles.reset();
        m_service.reset();
        m_stepUp.reset();
        m_stack.reset();
    }

    void codeIsTakenInAnyForm_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown");
        QTest::newRow("lower case with a space") << "wdjb mjht"
                                                 << "WDJB-MJHT";
        QTest::newRow("no dash") << "wdjbmjht"
                                 << "WDJB-MJHT";
        QTest::newRow("as shown") << "WDJB-MJHT"
                                  << "WDJB-MJHT";
        QTest::newRow("half a code stays as typed") << "wdjb"
                                                    << "wdjb";
    }

    void codeIsTakenInAnyForm()
    {
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        auto d = dialog();
        QVERIFY(!d->lookUpButton()->isEnabled()); // nothing typed yet
        QTest::keyClicks(d->codeEdit(), typed);
        QCOMPARE(d->codeEdit()->text(), shown);
        QVERIFY(d->lookUpButton()->isEnabled());
    }

    void lookupShowsTheDeviceAndWarnsWhenFar()
    {
        auto d = dialog();
        lookUp(*d);
        waitForReview(*d);
        QCOMPARE(last(QStringLiteral("/v1/device-authorizations/lookup"))->json().value(QStringLiteral("user_code")),
                 QJsonValue(QStringLiteral("WDJBMJHT")));
        TvSignInReviewPage* review = d->reviewPage();
        QCOMPARE(findByName<QLabel>(review, QStringLiteral("Device asking to sign in"))->text(),
                 QStringLiteral("Hotel Room TV"));
        QCOMPARE(findByName<QLabel>(review, QStringLiteral("Kind"))->text(), QStringLiteral("TV"));
        QCOMPARE(findByName<QLabel>(review, QStringLiteral("App"))->text(), QStringLiteral("Vigil TV 2.1"));
        QCOMPARE(findByName<QLabel>(review, QStringLiteral("Place"))->text(), QStringLiteral("Lisbon, Portugal"));
        QCOMPARE(findByName<QLabel>(review, QStringLiteral("IP address"))->text(), QStringLiteral("203.0.113.7"));
        QVERIFY(review->warning()->isVisible());
        QCOMPARE(review->warning()->kind(), InlineMessage::Kind::Warning);
        QCOMPARE(review->warning()->text(),
                 QStringLiteral("This TV is in Lisbon, Portugal. You are in London. Only approve a TV you can see in "
                                "front of you."));
        // Nothing on Return: no button of the review is the default, not even while focused.
        for (QPushButton* button : {review->cancelButton(), review->denyButton(), review->approveButton()})
            QVERIFY(!button->isDefault() && !button->autoDefault());
        QCOMPARE(review->profileBox()->currentText(), QStringLiteral("Ana"));
    }

    void noWarningWhenNear()
    {
        m_lookup = FakeResponse::json(200, pending(false));
        auto d = dialog();
        lookUp(*d);
        waitForReview(*d);
        QVERIFY(!d->reviewPage()->warning()->isVisible());
        QVERIFY(d->reviewPage()->warning()->text().isEmpty());
    }

    void presetsGiveTheirEnd()
    {
        auto d = dialog();
        lookUp(*d);
        waitForReview(*d);
        TvSignInReviewPage* review = d->reviewPage();
        GuestEndPicker* picker = review->endPicker();
        QVERIFY(review->guestButton()->isChecked()); // guest is the starting choice
        for (const Preset preset : {Preset::Tonight, Preset::TwoDays, Preset::Week}) {
            picker->presetButton(preset)->click();
            const QDateTime end = GuestEnd::endFor(preset, m_now);
            QCOMPARE(review->approval().guestUntil, end.toUTC());
            QVERIFY(picker->presetButton(preset)->text().contains(GuestEnd::whenText(end, m_now)));
            QCOMPARE(review->summary()->text(),
                     QStringLiteral("Signs out by itself %1 (in %2).")
                         .arg(GuestEnd::whenText(end, m_now), GuestEnd::remainingText(end, m_now)));
        }
        // A custom end: editing the date picks "Custom"; it stays within 1 hour … 30 days.
        const QDateTime custom = m_now.addSecs(5 * 3600).toLocalTime();
        picker->customEdit()->setDateTime(custom);
        QVERIFY(picker->presetButton(Preset::Custom)->isChecked());
        QCOMPARE(review->approval().guestUntil, custom.toUTC());
        picker->customEdit()->setDateTime(m_now.addDays(60).toLocalTime());
        QCOMPARE(review->approval().guestUntil, m_now.addDays(30).toUTC());
        QCOMPARE(
            review->summary()->text(),
            QStringLiteral("Signs out by itself %1 (in 30 days).").arg(GuestEnd::whenText(m_now.addDays(30), m_now)));

        review->untilSignedOutButton()->click();
        QVERIFY(!review->approval().guestUntil.isValid());
        QVERIFY(!picker->isEnabled());
        QCOMPARE(review->summary()->text(),
                 QStringLiteral("Stays signed in until you sign it out on the Devices page."));
        review->profileBox()->setCurrentIndex(1);
        QCOMPARE(review->approval().profileId, QStringLiteral("prf_sam"));
    }

    void errorsAreSaidInline_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("canLookUp");
        QTest::newRow("wrong") << 404
                               << QByteArray(R"({"error":"user_code_invalid","message":"No.","attempts_left":1})")
                               << "That code doesn't match a TV waiting to sign in. Check the code on the TV screen. 1 "
                                  "more attempt before Vigil makes you wait."
                               << true;
        QTest::newRow("expired or used") << 410 << QByteArray(R"({"error":"user_code_expired","message":"Gone."})")
                                         << "That code has expired or was already used. Ask the TV for a new code "
                                            "and type that one."
                                         << true;
        QTest::newRow("too many") << 429
                                  << QByteArray(R"({"error":"too_many_attempts","message":"Wait.","retry_after":45})")
                                  << "Too many wrong codes. Try again in 45 seconds." << false;
    }

    void errorsAreSaidInline()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, text);
        QFETCH(bool, canLookUp);
        m_lookup = FakeResponse::raw(status, body, "application/json");
        auto d = dialog();
        lookUp(*d);
        QTRY_VERIFY(d->codeProblem()->isVisible());
        QCOMPARE(d->pages()->currentIndex(), 0); // still at the code
        QCOMPARE(d->codeProblem()->kind(), InlineMessage::Kind::Error);
        QCOMPARE(d->codeProblem()->text(), text);
        QCOMPARE(d->lookUpButton()->isEnabled(), canLookUp);
        QVERIFY(d->codeEdit()->isEnabled());
    }

    void returnLooksUpAndKeepsTheDialog()
    {
        auto d = dialog();
        d->activateWindow(); // focus moves as on a desktop
        QVERIFY(QTest::qWaitForWindowActive(d.get()));
        d->codeEdit()->setFocus();
        QTRY_VERIFY(d->codeEdit()->hasFocus());
        QTest::keyClicks(d->codeEdit(), QStringLiteral("wdjbmjht"));
        QTest::keyClick(d->codeEdit(), Qt::Key_Return);
        QVERIFY(d->isVisible()); // the Return that looks the code up is not also a Cancel
        waitForReview(*d);
        QVERIFY(d->isVisible());
        QCOMPARE(nam().count(QStringLiteral("/v1/device-authorizations/lookup")), 1);
        // Another Return (a key held a little long) neither approves nor closes; Esc cancels.
        QTest::keyClick(d->reviewPage()->profileBox(), Qt::Key_Return);
        QTest::keyClick(d->reviewPage()->approveButton(), Qt::Key_Return);
        QVERIFY(d->isVisible());
        QCOMPARE(d->flow()->state(), TvSignInFlow::State::Reviewing);
        QTest::keyClick(d.get(), Qt::Key_Escape);
        QVERIFY(!d->isVisible());
        QVERIFY(!last(QStringLiteral("/v1/device-authorizations/dva_1/approve")));
    }

    void halfACodeIsNotSent()
    {
        auto d = dialog();
        lookUp(*d, QStringLiteral("wdjb"));
        QCOMPARE(d->codeProblem()->text(),
                 QStringLiteral("Type the 8 letters and digits the TV shows, like WDJB-MJHT."));
        QVERIFY(!last(QStringLiteral("/v1/device-authorizations/lookup")));
    }

    void approveAsGuestAfterConfirming()
    {
        auto d = dialog();
        lookUp(*d);
        waitForReview(*d);
        d->reviewPage()->endPicker()->presetButton(Preset::TwoDays)->click();
        const QDateTime end = GuestEnd::endFor(Preset::TwoDays, m_now);
        d->reviewPage()->approveButton()->click();
        StepUpDialog* confirm = nullptr;
        QTRY_VERIFY((confirm = stepUpDialog()) != nullptr);
        QVERIFY(!last(QStringLiteral("/v1/device-authorizations/dva_1/approve"))); // not before confirming
        auto* password = findByName<QRadioButton>(confirm, QStringLiteral("Password"));
        QVERIFY(password);
        password->setChecked(true);
        confirm->page()->defaultButton()->click();
        auto* stepUp = d->findChild<StepUpFlow*>();
        QVERIFY(stepUp);
        QTRY_VERIFY(!stepUp->isBusy() && stepUp->state() == StepUpFlow::State::Verifying);
        QTest::keyClicks(confirm->page()->secretField(), QStringLiteral("pw"));
        QTest::keyClick(confirm->page()->secretField(), Qt::Key_Return);
        QTRY_COMPARE(d->flow()->state(), TvSignInFlow::State::Approved);
        const QJsonObject body = last(QStringLiteral("/v1/device-authorizations/dva_1/approve"))->json();
        QCOMPARE(body.value(QStringLiteral("access")), QJsonValue(QStringLiteral("guest")));
        QCOMPARE(body.value(QStringLiteral("profile")), QJsonValue(QStringLiteral("prf_ana")));
        QCOMPARE(Rfc3339Check(body.value(QStringLiteral("guest_until")).toString()), end.toUTC());
        QCOMPARE(d->pages()->currentIndex(), 2);
        QCOMPARE(d->resultLabel()->text(),
                 QStringLiteral("Hotel Room TV is signed in as a guest until %1.").arg(GuestEnd::whenText(end, m_now)));
    }

    void denyRefuses()
    {
        auto d = dialog();
        lookUp(*d);
        waitForReview(*d);
        d->reviewPage()->denyButton()->click();
        QTRY_COMPARE(d->flow()->state(), TvSignInFlow::State::Denied);
        QVERIFY(last(QStringLiteral("/v1/device-authorizations/dva_1/deny")));
        QCOMPARE(d->resultLabel()->text(), QStringLiteral("Vigil refused the TV. It can't sign in with that code."));
        QVERIFY(!stepUpDialog()); // refusing asks for no verification
    }

    void extendMovesTheEnd()
    {
        bool verified = false; // confirmed a minute ago: the step-up token is still good
        m_stepUp->begin(QStringLiteral("password"), this, [&](const Expected<StepUpChallenge, ApiError>& challenge) {
            m_stepUp->verify(challenge.value().challenge,
                             QStringLiteral("pw"),
                             this,
                             [&](const Expected<void, ApiError>&) { verified = true; });
        });
        QTRY_VERIFY(verified);
        const Device guest = guestDevice(QStringLiteral("dev_tv"), m_now.addSecs(3600));
        GuestExtendDialog dialog(guest, m_service.get(), {});
        QSignalSpy changed(m_service.get(), &TvSignInService::deviceChanged);
        dialog.show();
        dialog.picker()->presetButton(Preset::Week)->click();
        dialog.saveButton()->click();
        QTRY_COMPARE(changed.size(), 1);
        const QDateTime end = GuestEnd::endFor(Preset::Week, m_now);
        QCOMPARE(QDateTime::fromString(last(QStringLiteral("/v1/devices/dev_tv/guest"))
                                           ->json()
                                           .value(QStringLiteral("guest_until"))
                                           .toString(),
                                       Qt::ISODate),
                 end.toUTC());
        QCOMPARE(changed.constFirst().constFirst().value<Device>().guestUntil, end.toUTC());
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void guestRowSaysWhenItSignsOut()
    {
        DeviceListModel list;
        list.setRelativeTime(RelativeTime([this] { return m_now; }));
        Device other = guestDevice(QStringLiteral("dev_other"), {});
        other.name = QStringLiteral("Living Room TV");
        list.setDevices({guestDevice(QStringLiteral("dev_tv"), m_now.addSecs(27 * 3600)), other});
        DeviceTableModel table;
        table.setSourceModel(&list);
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex guest = table.index(0, DeviceListModel::LastActiveColumn);
        QCOMPARE(guest.data().toString(), QStringLiteral("Guest · signs out in 1 day 3 h"));
        QCOMPARE(guest.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Guest · signs out in 1 day 3 h"));
        QVERIFY(guest.data(Qt::ToolTipRole).toString().contains(QStringLiteral("until tomorrow 15:00")) ||
                guest.data(Qt::ToolTipRole).toString().contains(QStringLiteral("(until ")));
        QVERIFY(!guest.data(Qt::DecorationRole).isNull());
        QVERIFY(table.index(0, DeviceListModel::NameColumn)
                    .data(Qt::AccessibleDescriptionRole)
                    .toString()
                    .contains(QStringLiteral("Guest · signs out in 1 day 3 h")));
        QVERIFY(
            !table.index(1, DeviceListModel::LastActiveColumn).data().toString().startsWith(QStringLiteral("Guest")));

        // It moves on with the clock, and with a new end.
        m_now = m_now.addSecs(3 * 3600);
        list.refreshRelativeTimes();
        QCOMPARE(guest.data().toString(), QStringLiteral("Guest · signs out in 1 day"));
        QCOMPARE(
            list.applyEvent(QStringLiteral("device.updated"),
                            {{QStringLiteral("id"), QStringLiteral("dev_tv")},
                             {QStringLiteral("guest_until"), m_now.addSecs(2 * 3600 + 300).toString(Qt::ISODate)}}),
            DeviceListModel::Change::Updated);
        QCOMPARE(guest.data().toString(), QStringLiteral("Guest · signs out in 2 h 5 min"));

        // The details pane's bar: only for the guest, with Extend… and End Now.
        TvSignInActions actions(m_service.get(), nullptr, &list, nullptr);
        GuestAccessBar bar(&list, &actions);
        bar.setDeviceId(QStringLiteral("dev_other"));
        QVERIFY(bar.isHidden());
        bar.setDeviceId(QStringLiteral("dev_tv"));
        QVERIFY(!bar.isHidden());
        QCOMPARE(bar.label()->text(),
                 QStringLiteral("Guest · signs out in 2 h 5 min (until %1)")
                     .arg(GuestEnd::whenText(m_now.addSecs(2 * 3600 + 300), m_now)));
        QCOMPARE(bar.extendButton()->text(), QStringLiteral("Extend…"));
        QCOMPARE(bar.endNowButton()->text(), QStringLiteral("End Now"));
        list.remove(QStringLiteral("dev_tv"));
        QVERIFY(bar.isHidden());
    }

private:
    static QDateTime Rfc3339Check(const QString& text) { return QDateTime::fromString(text, Qt::ISODate).toUTC(); }
};

QTEST_MAIN(TestTvSignInDialog)
#include "TestTvSignInDialog.moc"
