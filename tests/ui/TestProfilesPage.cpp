// The Profiles page over a faked GET /v1/profiles: cards with avatar, name, kids badge and last
// use; the note that sign-outs keep profiles; loading, error with Retry, empty.
#include "HouseholdFixtures.h"
#include "HouseholdPageFixture.h"
#include "WidgetFinder.h"
#include "core/profiles/ProfileService.h"
#include "ui/pages/ProfileCard.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/widgets/Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace vigil;

class TestProfilesPage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HouseholdPageFixture> m_fixture;
    std::unique_ptr<ProfileService> m_service;
    std::unique_ptr<ProfilesPage> m_page;

    void showPage()
    {
        m_page = std::make_unique<ProfilesPage>(m_service.get());
        m_page->resize(860, 560);
        m_page->show();
    }

    QList<ProfileCard*> cards() const { return m_page->findChildren<ProfileCard*>(); }

    static QString labelText(const QWidget* card, const QString& objectName)
    {
        const auto* label = card->findChild<QLabel*>(objectName);
        return label ? label->text() : QString();
    }

private Q_SLOTS:
    void initTestCase() { Icons::initResources(); }

    void init()
    {
        m_fixture = std::make_unique<HouseholdPageFixture>();
        m_service = std::make_unique<ProfileService>(m_fixture->api.get(), m_fixture->session.get());
    }

    void cleanup()
    {
        m_page.reset();
        m_service.reset();
        m_fixture.reset();
    }

    void showsEveryProfileAsACard()
    {
        m_fixture->nam->setHandler(
            [](const FakeRequest&) { return FakeResponse::json(200, HouseholdFixtures::household()); });
        showPage();
        QTRY_COMPARE(cards().size(), 4);
        QCOMPARE(m_fixture->nam->count(QStringLiteral("/v1/profiles")), 1);
        QStringList names;
        for (ProfileCard* card : cards())
            names.append(labelText(card, QStringLiteral("profileName")));
        QCOMPARE(names, (QStringList{"Sam", "Alex", "Leo", "Mia"}));

        ProfileCard* sam = cards().at(0);
        QVERIFY(
            labelText(sam, QStringLiteral("lastUsed")).startsWith(QStringLiteral("Last watched on Living Room TV")));
        QVERIFY(!sam->findChild<QLabel*>(QStringLiteral("kidsBadge"))->isVisibleTo(m_page.get()));
        ProfileCard* mia = cards().at(3);
        QLabel* badge = mia->findChild<QLabel*>(QStringLiteral("kidsBadge"));
        QVERIFY(badge->isVisibleTo(m_page.get()));
        QCOMPARE(badge->text(), QStringLiteral("Kids"));
        QCOMPARE(mia->accessibleName(), QStringLiteral("Mia, kids profile"));
        QCOMPARE(labelText(cards().at(2), QStringLiteral("lastUsed")), QStringLiteral("Not used yet"));
        QVERIFY(findByName<QLabel>(cards().at(1), QStringLiteral("Avatar: owl")));

        auto* note = m_page->findChild<QLabel*>(QStringLiteral("keepNote"));
        QVERIFY(note && note->isVisible());
        QCOMPARE(note->text(),
                 QStringLiteral("Signing out devices never removes profiles, viewing history or preferences."));
        HouseholdPageFixture::screenshot(m_page.get(), QStringLiteral("profiles-page"));

        // Shown again: no second load.
        m_page->hide();
        m_page->show();
        QCOMPARE(m_fixture->nam->count(QStringLiteral("/v1/profiles")), 1);
    }

    void anErrorOffersRetry()
    {
        m_fixture->nam->setHandler([](const FakeRequest&) { return FakeResponse::error(503, "unavailable", "down"); });
        showPage();
        QPushButton* retry = nullptr;
        QTRY_VERIFY((retry = findByName<QPushButton>(m_page.get(), QStringLiteral("Retry"))) && retry->isVisible());
        QVERIFY(cards().isEmpty());
        HouseholdPageFixture::screenshot(m_page.get(), QStringLiteral("profiles-page-error"));
        m_fixture->nam->setHandler(
            [](const FakeRequest&) { return FakeResponse::json(200, HouseholdFixtures::household()); });
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(cards().size(), 4);
        QVERIFY(!retry->isVisible());
    }

    void anEmptyHouseholdSaysSo()
    {
        m_fixture->nam->setHandler([](const FakeRequest&) {
            return FakeResponse::json(200, {{QStringLiteral("profiles"), QJsonArray()}});
        });
        showPage();
        auto* empty = m_page->findChild<QLabel*>(QStringLiteral("profilesEmpty"));
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().startsWith(QStringLiteral("There are no profiles")));
        QVERIFY(cards().isEmpty());
    }

    void withoutAServiceItAsksForASignIn()
    {
        ProfilesPage page(nullptr);
        page.show();
        auto* empty = page.findChild<QLabel*>(QStringLiteral("profilesEmpty"));
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("Sign in to see your account's profiles."));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("keepNote"))->isVisible());
    }
};

QTEST_MAIN(TestProfilesPage)
#include "TestProfilesPage.moc"
