// "Sign Out Sam's Devices (N)…": the label, count and enabling follow the live device list; the
// confirmation names the person's devices (and says whether this computer is one of them); the
// journey ends with a result per device. On the Profiles page, every card has one.
#include "../model/DeviceFixtures.h"
#include "../unit/TestSignOutFlowFixture.h"
#include "HouseholdFixtures.h"
#include "core/devices/DeviceListModel.h"
#include "core/profiles/ProfileDevices.h"
#include "core/profiles/ProfileService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/devices/ProfileSignOutButton.h"
#include "ui/devices/SignOutActions.h"
#include "ui/pages/ProfileCard.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/signout/SignOutConfirmationPage.h"
#include "ui/signout/SignOutDialog.h"
#include "ui/signout/SignOutResultsView.h"
#include "ui/widgets/Icons.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QPushButton>

using fixtures::makeDevice;
using Page = SignOutDialog::Page;

namespace {

Device device(const QString& id, const QString& name, const QString& profile, bool current = false)
{
    return makeDevice({.id = id, .name = name, .profile = profile, .current = current});
}

void screenshot(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        QVERIFY(widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestProfileSignOut final : public SignOutFlowFixture
{
    Q_OBJECT

private:
    std::unique_ptr<DeviceListModel> m_devices;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ProfileDevices> m_people;
    std::unique_ptr<SignOutActions> m_actions;

    std::unique_ptr<ProfileSignOutButton> button(const QString& profile)
    {
        auto made = std::make_unique<ProfileSignOutButton>(m_actions.get(), m_people.get());
        made->setProfile(profile);
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        setUp();
        m_devices = std::make_unique<DeviceListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_devices.get());
        // dev_1 is the computer the session runs on (TestTokens).
        m_devices->setDevices({device("dev_1", "Sam's Laptop", "Sam", true),
                               device("dev_2", "Living Room TV", "Sam"),
                               device("dev_3", "Sam's iPhone", "Sam"),
                               device("dev_4", "Kitchen iPad", "Alex"),
                               device("dev_5", "Hotel Room TV", "Alex"),
                               device("dev_6", "Office PC", "Alex")});
        m_people = std::make_unique<ProfileDevices>(m_devices.get());
        m_actions = std::make_unique<SignOutActions>(m_flow.get(), m_devices.get());
    }

    void cleanup()
    {
        m_actions.reset();
        m_people.reset();
        m_tester.reset();
        m_devices.reset();
        tearDown();
    }

    void labelCountsThePersonsDevices()
    {
        auto sam = button("Sam");
        QCOMPARE(sam->button()->text(), QStringLiteral("Sign Out Sam's Devices (3)…"));
        QCOMPARE(sam->button()->accessibleName(), sam->button()->text());
        QVERIFY(sam->button()->isEnabled());
        QVERIFY(sam->reason().isEmpty());
        QVERIFY(sam->button()->accessibleDescription().contains("last used with Sam's profile"));

        QVERIFY(m_devices->remove("dev_5"));
        QVERIFY(m_devices->remove("dev_6"));
        auto alex = button("Alex");
        QCOMPARE(alex->button()->text(), QStringLiteral("Sign Out Alex's Device (1)…"));
    }

    void noDevicesDisablesItWithAReason()
    {
        auto mia = button("Mia");
        mia->show();
        QCOMPARE(mia->button()->text(), QStringLiteral("Sign Out Mia's Devices (0)…"));
        QVERIFY(!mia->button()->isEnabled());
        const QString reason = QStringLiteral("No signed-in device was last used with Mia's profile.");
        QCOMPARE(mia->reason(), reason);
        QCOMPARE(mia->button()->toolTip(), reason);
        QCOMPARE(mia->button()->accessibleDescription(), reason);
        auto* shown = mia->findChild<QLabel*>(QStringLiteral("profileSignOutReason"));
        QVERIFY(shown->isVisible());
        QCOMPARE(shown->text(), reason);
    }

    void followsTheLiveList()
    {
        auto sam = button("Sam");
        auto alex = button("Alex");
        sam->show();
        auto* reason = sam->findChild<QLabel*>(QStringLiteral("profileSignOutReason"));
        QVERIFY(!reason->isVisible());

        // A device changes hands, another one goes away, a new one signs in.
        m_devices->applyEvent(u"device.updated", {{"id", "dev_4"}, {"last_profile", "Sam"}});
        QCOMPARE(sam->button()->text(), QStringLiteral("Sign Out Sam's Devices (4)…"));
        QCOMPARE(alex->button()->text(), QStringLiteral("Sign Out Alex's Devices (2)…"));
        QVERIFY(m_devices->remove("dev_2"));
        QCOMPARE(sam->button()->text(), QStringLiteral("Sign Out Sam's Devices (3)…"));
        m_devices->upsert(device("dev_7", "Sam's Pixel", "Sam"));
        QCOMPARE(sam->button()->text(), QStringLiteral("Sign Out Sam's Devices (4)…"));

        // All of them gone: disabled, and the card says why.
        for (const char* id : {"dev_1", "dev_3", "dev_4", "dev_7"})
            QVERIFY(m_devices->remove(QString::fromLatin1(id)));
        QCOMPARE(sam->button()->text(), QStringLiteral("Sign Out Sam's Devices (0)…"));
        QVERIFY(!sam->button()->isEnabled());
        QVERIFY(reason->isVisible());
        m_devices->upsert(device("dev_8", "Sam's Tablet", "Sam"));
        QVERIFY(sam->button()->isEnabled());
        QVERIFY(!reason->isVisible());
    }

    void waitsForASignOutUnderWay()
    {
        auto alex = button("Alex");
        m_actions->signOutDevices({"dev_2"});
        QCOMPARE(m_flow->state(), State::Confirming);
        QVERIFY(!alex->button()->isEnabled());
        QCOMPARE(alex->reason(), QStringLiteral("Finish the sign-out that is under way first."));
        QCOMPARE(alex->button()->toolTip(), alex->reason());
        // Every card would say it: the line under the button is kept for "no device".
        alex->show();
        QVERIFY(!alex->findChild<QLabel*>(QStringLiteral("profileSignOutReason"))->isVisible());
        m_flow->cancel();
        QVERIFY(alex->button()->isEnabled());
        QVERIFY(alex->reason().isEmpty());
    }

    void confirmationListsThemAndSaysThisDeviceIsIncluded()
    {
        SignOutDialog dialog(m_flow.get());
        auto sam = button("Sam");
        sam->button()->click();
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(m_flow->scope().profile, QStringLiteral("Sam"));
        QVERIFY(m_flow->includesThisDevice());
        dialog.show();
        QCOMPARE(dialog.currentPage(), Page::Confirmation);
        const QString text = dialog.confirmationPage()->text();
        QVERIFY2(text.contains("Vigil will sign out the 3 devices last used with Sam's profile:"), qPrintable(text));
        QVERIFY2(text.contains("• Sam's Laptop — Lisbon, Portugal (this device)"), qPrintable(text));
        QVERIFY2(text.contains("• Living Room TV — Lisbon, Portugal"), qPrintable(text));
        QVERIFY2(text.contains("• Sam's iPhone — Lisbon, Portugal"), qPrintable(text));
        QVERIFY2(!text.contains("Kitchen iPad"), qPrintable(text));
        QVERIFY2(text.contains("This device is included"), qPrintable(text));
        QCOMPARE(dialog.confirmationPage()->signOutButton()->text(), QStringLiteral("Sign Out of 3 Devices"));
        QVERIFY(dialog.confirmationPage()->cancelButton()->isDefault());
        dialog.confirmationPage()->cancelButton()->click();
        QCOMPARE(m_flow->state(), State::Idle);
    }

    void journeyEndsWithAResultPerDevice()
    {
        SignOutDialog dialog(m_flow.get());
        dialog.show();
        button("Alex")->button()->click();
        QCOMPARE(dialog.currentPage(), Page::Confirmation);
        const QString text = dialog.confirmationPage()->text();
        QVERIFY2(text.contains("This device is not included"), qPrintable(text));
        screenshot(&dialog, QStringLiteral("profile-signout-confirmation"));

        script(stepUpPath, {challenge()});
        script(verifyPath, {verified()});
        script(signOutPath,
               {signOutResults(QStringLiteral("req_9"),
                               {row("dev_4", "Kitchen iPad", "signed_out"),
                                row("dev_5", "Hotel Room TV", "pending"),
                                row("dev_6", "Office PC", "failed", "Device not reachable")})});
        dialog.confirmationPage()->signOutButton()->click();
        QCOMPARE(m_flow->state(), State::ChoosingMethod);
        m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
        QTRY_VERIFY(!m_flow->isBusy());
        m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
        QTRY_COMPARE(m_flow->state(), State::Reporting);

        // One request naming exactly the person's devices.
        QCOMPARE(m_stack->nam->count(signOutPath), 1);
        const QJsonArray ids = lastRequest(signOutPath).json().value(QStringLiteral("ids")).toArray();
        QCOMPARE(ids, (QJsonArray{"dev_4", "dev_5", "dev_6"}));

        QCOMPARE(dialog.currentPage(), Page::Results);
        SignOutResultsModel* results = m_flow->results();
        QCOMPARE(results->rowCount(), 3);
        QCOMPARE(results->count(Result::SignedOut), 1);
        QCOMPARE(results->count(Result::Pending), 1);
        QCOMPARE(results->count(Result::Failed), 1);
        QCOMPARE(results->failedIds(), QStringList{"dev_6"});
        QCOMPARE(results->summaryText(), QStringLiteral("1 signed out, 1 pending, 1 failed"));
        screenshot(&dialog, QStringLiteral("profile-signout-results"));
    }

    void everyProfileCardHasOne()
    {
        script(QStringLiteral("/v1/profiles"), {FakeResponse::json(200, HouseholdFixtures::household())});
        ProfileService profiles(m_stack->api.get(), m_stack->session.get());
        ProfilesPage page(&profiles);
        page.setSignOutActions(m_actions.get(), m_people.get());
        page.resize(860, 620);
        page.show();
        QTRY_COMPARE(page.findChildren<ProfileCard*>().size(), 4);

        QStringList labels;
        for (const ProfileCard* card : page.findChildren<ProfileCard*>()) {
            const auto* control = card->findChild<ProfileSignOutButton*>();
            QVERIFY(control);
            labels.append(control->button()->text());
        }
        QCOMPARE(labels,
                 (QStringList{"Sign Out Sam's Devices (3)…",
                              "Sign Out Alex's Devices (3)…",
                              "Sign Out Leo's Devices (0)…",
                              "Sign Out Mia's Devices (0)…"}));
        screenshot(&page, QStringLiteral("profiles-page-signout"));

        // A live change reaches the cards without rebuilding them (focus stays where it is).
        ProfileCard* first = page.findChildren<ProfileCard*>().constFirst();
        m_devices->applyEvent(u"device.updated", {{"id", "dev_4"}, {"last_profile", "Leo"}});
        QCOMPARE(page.findChildren<ProfileCard*>().constFirst(), first);
        QCOMPARE(page.findChildren<ProfileCard*>().at(2)->findChild<ProfileSignOutButton*>()->button()->text(),
                 QStringLiteral("Sign Out Leo's Device (1)…"));

        page.findChildren<ProfileCard*>().at(1)->findChild<ProfileSignOutButton*>()->button()->click();
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(m_flow->scope().devices.size(), 2);
        QCOMPARE(m_flow->scope().profile, QStringLiteral("Alex"));
    }
};

QTEST_MAIN(TestProfileSignOut)
#include "TestProfileSignOut.moc"
