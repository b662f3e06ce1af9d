// The people in the Devices page's filter: "Sam's devices" shows the devices last used with Sam's
// profile and offers "Sign Out Sam's Devices (N)…", both following the live list.
#include "DevicesPageFixture.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/profiles/ProfileDevices.h"
#include "core/stepup/StepUpService.h"
#include "ui/devices/ProfileFilter.h"
#include "ui/devices/ProfileSignOutButton.h"
#include "ui/devices/SignOutActions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>

using State = SignOutFlow::State;

class TestDevicesPageProfiles final : public DevicesPageFixture
{
    Q_OBJECT

private:
    HolderSignOutSender m_sender;
    std::unique_ptr<StepUpService> m_stepUp;
    std::unique_ptr<SignOutFlow> m_flow;
    std::unique_ptr<SignOutActions> m_actions;
    std::unique_ptr<ProfileDevices> m_people;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QComboBox* combo() const { return findByName<QComboBox>(m_page.get(), QStringLiteral("Filter devices")); }
    ProfileSignOutButton* signOut() const { return m_page->profileFilter()->signOutButton(); }
    void choose(const QString& text)
    {
        const int index = combo()->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        combo()->setCurrentIndex(index);
        Q_EMIT combo()->activated(index);
    }
    QStringList entries() const
    {
        QStringList texts;
        for (int index = 0; index < combo()->count(); ++index)
            texts.append(combo()->itemText(index));
        return texts;
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
        // This laptop, the TV and the phone are Sam's; the tablet and the browser Ana's.
        for (const int row : {0, 1, 2}) {
            m_devices[row].lastProfile = QStringLiteral("Sam");
            if (!m_devices[row].statusProfile.isEmpty()) // the TV streams: Sam is watching
                m_devices[row].statusProfile = QStringLiteral("Sam");
        }
        m_stepUp = std::make_unique<StepUpService>(m_api.get());
        m_flow = std::make_unique<SignOutFlow>(m_api.get(), m_stepUp.get(), m_session.get(), &m_sender);
        m_actions = std::make_unique<SignOutActions>(m_flow.get(), m_model.get());
        m_people = std::make_unique<ProfileDevices>(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_page->filterModel());
        m_page->setSignOutActions(m_actions.get());
        m_page->setProfileDevices(m_people.get());
        load();
    }

    void cleanup()
    {
        m_page.reset();
        m_tester.reset();
        m_people.reset();
        m_actions.reset();
        m_flow.reset();
        m_stepUp.reset();
        tearDown();
    }

    void choosingAPersonShowsTheirDevices()
    {
        QCOMPARE(entries().mid(entries().size() - 2), (QStringList{"Ana's devices", "Sam's devices"}));
        QVERIFY(!signOut()->isVisible());
        choose(QStringLiteral("Sam's devices"));
        QCOMPARE(m_page->profileFilter()->profile(), QStringLiteral("Sam"));
        QCOMPARE(m_page->table()->model()->rowCount(), 3);
        QVERIFY(signOut()->isVisible());
        QCOMPARE(signOut()->button()->text(), QStringLiteral("Sign Out Sam's Devices (3)…"));
        auto* description = findByName<QLabel>(m_page.get(), QStringLiteral("Filter description"));
        QCOMPARE(description->text(), QStringLiteral("Devices last used with Sam's profile."));
        if (const QString folder = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(m_page->grab().save(QDir(folder).filePath(QStringLiteral("devices-page-person.png"))));

        // Live: the phone is Ana's now.
        m_model->applyEvent(u"device.updated", {{"id", "dev_phone"}, {"last_profile", "Ana"}});
        QCOMPARE(m_page->table()->model()->rowCount(), 2);
        QCOMPARE(signOut()->button()->text(), QStringLiteral("Sign Out Sam's Devices (2)…"));

        // A new person's device: a new entry, and Sam stays chosen.
        Device mias = m_devices.at(3);
        mias.id = QStringLiteral("dev_mia");
        mias.lastProfile = QStringLiteral("Mia");
        m_model->upsert(mias);
        QCOMPARE(entries().mid(entries().size() - 3), (QStringList{"Ana's devices", "Mia's devices", "Sam's devices"}));
        QCOMPARE(combo()->currentText(), QStringLiteral("Sam's devices"));
        QCOMPARE(m_page->table()->model()->rowCount(), 2);

        // Tab goes from the search to the button, as they read.
        QApplication::setActiveWindow(m_page.get());
        auto* search = findByName<QLineEdit>(m_page.get(), QStringLiteral("Search devices"));
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), signOut()->button());

        QTest::mouseClick(signOut()->button(), Qt::LeftButton);
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(m_flow->scope().profile, QStringLiteral("Sam"));
        QCOMPARE(m_flow->scope().devices.size(), 2);
        QCOMPARE(m_flow->scope().devices.at(0).deviceId, QStringLiteral("dev_me"));
        QVERIFY(m_flow->scope().devices.at(0).isThisDevice);
        QCOMPARE(m_flow->scope().devices.at(1).deviceId, QStringLiteral("dev_tv"));
        m_flow->cancel();

        // A preset is no person: the button goes, every device is back.
        choose(QStringLiteral("All"));
        QVERIFY(m_page->profileFilter()->profile().isEmpty());
        QVERIFY(!signOut()->isVisible());
        QCOMPARE(m_page->table()->model()->rowCount(), 6); // the five and Mia's
    }

    void aPersonWithoutDevicesStaysChosenAndSaysSo()
    {
        choose(QStringLiteral("Sam's devices"));
        for (const char* id : {"dev_me", "dev_tv", "dev_phone"})
            QVERIFY(m_model->remove(QString::fromLatin1(id)));
        QCOMPARE(combo()->currentText(), QStringLiteral("Sam's devices"));
        QVERIFY(!signOut()->button()->isEnabled());
        QCOMPARE(signOut()->button()->toolTip(),
                 QStringLiteral("No signed-in device was last used with Sam's profile."));
        auto* empty = findByName<QLabel>(m_page.get(), QStringLiteral("No devices"));
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No devices were last used with Sam's profile"));

        // Once another preset is chosen, Sam, with nothing left, leaves the list.
        choose(QStringLiteral("All"));
        QVERIFY(!entries().contains(QStringLiteral("Sam's devices")));
        QVERIFY(entries().contains(QStringLiteral("Ana's devices")));
    }
};

QTEST_MAIN(TestDevicesPageProfiles)
#include "TestDevicesPageProfiles.moc"
