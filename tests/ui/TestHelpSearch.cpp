// The Help page's search: every word must match (case and accents folded), tips keep their
// number and their link to the screen that does it, and nothing found says so.
#include "WidgetFinder.h"
#include "core/util/EnglishPlurals.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/HelpPage.h"
#include "ui/widgets/Icons.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace vigil;

class TestHelpSearch final : public QObject
{
    Q_OBJECT

private:
    static void search(HelpPage& page, const QString& text)
    {
        page.searchField()->clear();
        QTest::keyClicks(page.searchField(), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void everythingShowsWithoutASearch()
    {
        SectionNavigator navigator;
        HelpPage page(&navigator);
        page.show();
        QCOMPARE(page.visibleEntries(), 13); // six questions, seven tips
        QVERIFY(page.plainText().contains(QStringLiteral("Questions and Answers")));
        QVERIFY(page.plainText().contains(QStringLiteral("7. Keep an eye on your account's activity")));
        QCOMPARE(findByName<QLineEdit>(&page, QStringLiteral("Search help")), page.searchField());
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("helpResults"))->isVisible());
    }

    void searchNarrowsQuestionsAndTips()
    {
        SectionNavigator navigator;
        HelpPage page(&navigator);
        page.resize(800, 600);
        page.show();
        search(page, QStringLiteral("offline"));
        QVERIFY(page.visibleEntries() >= 1);
        QVERIFY(page.visibleEntries() < 13);
        QVERIFY(page.plainText().contains(QStringLiteral("What about a device that is switched off or offline?")));
        QVERIFY(!page.plainText().contains(QStringLiteral("Turn on 2-step verification")));
        auto* results = page.findChild<QLabel*>(QStringLiteral("helpResults"));
        QVERIFY(results->isVisible());
        QVERIFY(results->text().startsWith(QStringLiteral("Found ")));
        if (const QString folder = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR"); !folder.isEmpty())
            page.grab().save(QDir(folder).filePath(QStringLiteral("help-search.png")));
    }

    void everyWordMustMatchWhateverTheCase()
    {
        SectionNavigator navigator;
        HelpPage page(&navigator);
        search(page, QStringLiteral("SIGN   Public"));
        QCOMPARE(page.visibleEntries(), 2);
        QVERIFY(page.plainText().contains(QStringLiteral("5. Sign out of shared and public devices")));
        QVERIFY(page.plainText().contains(QStringLiteral("How often should I sign out of all devices?")));
        QVERIFY(!page.plainText().contains(QStringLiteral("Can I sign out just one device?")));
        page.searchField()->setText(QStringLiteral("s\u00EDgn p\u00FAblic")); // accents folded
        QCOMPARE(page.visibleEntries(), 2);
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("helpResults"))->text(),
                 QStringLiteral("Found 1 question and 1 tip."));
    }

    void tipsKeepTheirNumberAndLink()
    {
        SectionNavigator navigator;
        HelpPage page(&navigator);
        QSignalSpy sections(&navigator, &SectionNavigator::requested);
        search(page, QStringLiteral("activity"));
        QVERIFY(page.plainText().contains(QStringLiteral("7. Keep an eye on your account's activity")));
        QVERIFY(!page.plainText().contains(QStringLiteral("1. Turn on")));
        auto* browser = page.findChild<QTextBrowser*>();
        QVERIFY(browser->toHtml().contains(QStringLiteral("vigil:section/activity")));
        search(page, QStringLiteral("device list"));
        QVERIFY(browser->toHtml().contains(QStringLiteral("vigil:section/devices")));
        Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("vigil:section/devices")));
        QCOMPARE(sections.count(), 1);
        QCOMPARE(sections.at(0).at(0).value<Section>(), Section::Devices);
    }

    void nothingFoundSaysSo()
    {
        SectionNavigator navigator;
        HelpPage page(&navigator);
        page.show();
        search(page, QStringLiteral("zebra"));
        QCOMPARE(page.visibleEntries(), 0);
        QVERIFY(page.plainText().contains(QStringLiteral("Nothing in the help matches \u201czebra\u201d")));
        page.searchField()->clear();
        QCOMPARE(page.visibleEntries(), 13);
    }
};

QTEST_MAIN(TestHelpSearch)
#include "TestHelpSearch.moc"
