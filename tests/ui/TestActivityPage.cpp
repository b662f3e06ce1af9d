// The Activity page over a faked GET /v1/activity: table, sign-ins chart by country, filters sent
// as query items, empty filter with Show All, Load More, errors, and "Export CSV…" to a path the
// test chooses, with hostile cells neutralized.
#include "HouseholdFixtures.h"
#include "HouseholdPageFixture.h"
#include "WidgetFinder.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/pages/ActivityChart.h"
#include "ui/pages/ActivityPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestActivityPage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HouseholdPageFixture> m_fixture;
    std::unique_ptr<ActivityService> m_service;
    std::unique_ptr<ActivityPage> m_page;

    void serve(const QJsonArray& entries)
    {
        m_fixture->nam->setHandler(
            [entries](const FakeRequest& request) { return HouseholdFixtures::activityPage(request, entries); });
    }

    void showPage()
    {
        m_page = std::make_unique<ActivityPage>(m_service.get());
        m_page->resize(1100, 720);
        m_page->show();
    }

    QUrlQuery lastQuery() const { return QUrlQuery(m_fixture->nam->requests().constLast().url); }
    int rows() const { return m_service->model()->rowCount(); }
    QTableView* table() const { return findByName<QTableView>(m_page.get(), QStringLiteral("Activity")); }

    void choose(const QString& comboName, const QString& text)
    {
        auto* combo = findByName<QComboBox>(m_page.get(), comboName);
        QVERIFY2(combo, qPrintable(comboName));
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        combo->setCurrentIndex(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        m_fixture = std::make_unique<HouseholdPageFixture>();
        m_service = std::make_unique<ActivityService>(m_fixture->api.get(), m_fixture->session.get());
    }

    void cleanup()
    {
        m_page.reset();
        m_service.reset();
        m_fixture.reset();
    }

    void showsTheTableAndTheChart()
    {
        serve(HouseholdFixtures::week());
        showPage();
        QTRY_COMPARE(rows(), 6);
        QCOMPARE(table()->model(), m_service->model());
        const QModelIndex support = m_service->model()->index(1, ActivityModel::DetailsColumn);
        QCOMPARE(support.data().toString(),
                 QStringLiteral("Support viewed your devices \u2014 reason: billing question"));

        ActivityChart* chart = m_page->chart();
        QVERIFY(chart->summary().startsWith(QStringLiteral("4 sign-ins over 3 days from 2 places")));
        const auto series = chart->chart()->series();
        QCOMPARE(series.size(), 1);
        auto* bars = qobject_cast<QStackedBarSeries*>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets().at(0)->label(), QStringLiteral("Portugal"));
        QCOMPARE(bars->barSets().at(0)->at(0), 2.0); // two sign-ins on the first day
        QCOMPARE(bars->barSets().at(1)->label(), QStringLiteral("Germany"));
        QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("activityCount"))->text(), QStringLiteral("6 events shown"));
        HouseholdPageFixture::screenshot(m_page.get(), QStringLiteral("activity-page"));
    }

    void filtersBecomeTheQuery()
    {
        serve(HouseholdFixtures::week());
        showPage();
        QTRY_COMPARE(rows(), 6);
        choose(QStringLiteral("Event type"), QStringLiteral("Failed sign-in"));
        QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("type")), QStringLiteral("sign_in_failed"));

        // The devices seen so far are offered.
        choose(QStringLiteral("Device"), QStringLiteral("Leo's Pixel"));
        QTRY_COMPARE(lastQuery().queryItemValue(QStringLiteral("device")), QStringLiteral("dev_4"));

        choose(QStringLiteral("Period"), QStringLiteral("Last 7 days"));
        QTRY_VERIFY(lastQuery().hasQueryItem(QStringLiteral("from")));
        QVERIFY(!lastQuery().hasQueryItem(QStringLiteral("to")));
        choose(QStringLiteral("Period"), QStringLiteral("Custom range"));
        QTRY_VERIFY(lastQuery().hasQueryItem(QStringLiteral("to")));
        const QDateTime from = QDateTime::fromString(lastQuery().queryItemValue(QStringLiteral("from")), Qt::ISODate);
        const QDateTime to = QDateTime::fromString(lastQuery().queryItemValue(QStringLiteral("to")), Qt::ISODate);
        QVERIFY(from.isValid() && to.isValid() && from < to);
        HouseholdPageFixture::screenshot(m_page.get(), QStringLiteral("activity-page-filtered"));
    }

    void anEmptyFilterOffersShowAll()
    {
        m_fixture->nam->setHandler([](const FakeRequest& request) {
            const bool filtered = QUrlQuery(request.url).hasQueryItem(QStringLiteral("type"));
            return HouseholdFixtures::activityPage(request, filtered ? QJsonArray() : HouseholdFixtures::week());
        });
        showPage();
        QTRY_COMPARE(rows(), 6);
        choose(QStringLiteral("Event type"), QStringLiteral("Password changed"));
        auto* empty = m_page->findChild<QLabel*>(QStringLiteral("activityEmpty"));
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No activity matches these filters."));
        auto* showAll = findByName<QPushButton>(m_page.get(), QStringLiteral("Show All"));
        QVERIFY(!showAll);
        showAll = nullptr;
        for (QPushButton* button : m_page->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("Show All"))
                showAll = button;
        }
        QVERIFY(showAll && showAll->isVisible());
        HouseholdPageFixture::screenshot(m_page.get(), QStringLiteral("activity-page-empty"));
        QTest::mouseClick(showAll, Qt::LeftButton);
        QTRY_COMPARE(rows(), 6);
        QVERIFY(!lastQuery().hasQueryItem(QStringLiteral("type")));
        QCOMPARE(findByName<QComboBox>(m_page.get(), QStringLiteral("Event type"))->currentIndex(), 0);
        QVERIFY(!empty->isVisible());
    }

    void loadMoreAppendsTheNextPage()
    {
        QJsonArray many;
        for (int i = 250; i > 0; --i)
            many.append(HouseholdFixtures::entry(
                QString::number(i),
                QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(i * 3600).toString(Qt::ISODate),
                QStringLiteral("sign_in")));
        serve(many);
        showPage();
        QTRY_COMPARE(rows(), 100);
        auto* more = findByName<QPushButton>(m_page.get(), QStringLiteral("Load More"));
        QVERIFY(more && more->isVisible());
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE(rows(), 200);
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE(rows(), 250);
        QTRY_VERIFY(!more->isVisible());
    }

    void anErrorOffersRetry()
    {
        m_fixture->nam->setHandler([](const FakeRequest&) { return FakeResponse::error(500, "internal", "boom"); });
        showPage();
        QPushButton* retry = nullptr;
        QTRY_VERIFY((retry = findByName<QPushButton>(m_page.get(), QStringLiteral("Retry"))) && retry->isVisible());
        serve(HouseholdFixtures::week());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(rows(), 6);
    }

    void exportsCsvToTheChosenPath()
    {
        QJsonArray entries = HouseholdFixtures::week();
        entries.append(HouseholdFixtures::entry(QStringLiteral("0"),
                                                QStringLiteral("2026-11-22T10:00:00Z"),
                                                QStringLiteral("sign_in"),
                                                QStringLiteral("Portugal"),
                                                QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")")));
        serve(entries);
        showPage();
        QTRY_COMPARE(rows(), 7);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString suggested;
        const QString path = dir.filePath(QStringLiteral("activity"));
        m_page->setSavePathProvider([&](const QString& proposal) {
            suggested = proposal;
            return path;
        });
        auto* exportButton = findByName<QPushButton>(m_page.get(), QStringLiteral("Export CSV…"));
        QVERIFY(exportButton && exportButton->isEnabled());
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(suggested.endsWith(QStringLiteral(".csv")));
        QFile file(path + QStringLiteral(".csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count(QStringLiteral("\r\n")), 8); // header + 7 entries
        QVERIFY(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")));
        QVERIFY(!text.contains(QStringLiteral(",=HYPERLINK")));
        QVERIFY(text.contains(QStringLiteral("Support viewed your devices \u2014 reason: billing question")));
        auto* message = m_page->findChild<InlineMessage*>();
        QVERIFY(message->isVisible());
        QVERIFY(message->text().startsWith(QStringLiteral("Exported 7 events to ")));

        // Cancelled: nothing written.
        QVERIFY(file.remove());
        m_page->setSavePathProvider([](const QString&) { return QString(); });
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QVERIFY(!QFile::exists(path + QStringLiteral(".csv")));

        // A folder that cannot be written: said inline.
        m_page->setSavePathProvider([&](const QString&) { return dir.filePath(QStringLiteral("no/such/a.csv")); });
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QVERIFY(message->text().contains(QStringLiteral("Choose another folder")));
    }

    void withoutAServiceItAsksForASignIn()
    {
        ActivityPage page(nullptr);
        page.show();
        auto* empty = page.findChild<QLabel*>(QStringLiteral("activityEmpty"));
        QVERIFY(empty->isVisible());
        QVERIFY(!findByName<QPushButton>(&page, QStringLiteral("Export CSV…"))->isEnabled());
    }
};

QTEST_MAIN(TestActivityPage)
#include "TestActivityPage.moc"
