// The sign-out results view and the pending banner, offscreen, over a real SignOutFlow that went
// through a faked network.
#include "../unit/TestSignOutFlowFixture.h"
#include "WidgetFinder.h"
#include "core/util/EnglishPlurals.h"
#include "ui/signout/PendingSignOutBanner.h"
#include "ui/signout/SignOutResultsView.h"
#include "ui/widgets/Icons.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

class TestSignOutResults final : public SignOutFlowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void resultsShowEachDeviceLive();
    void retryFailedResubmits();
    void bannerCountsPendingAndHides();

private:
    template <typename Page>
    std::unique_ptr<Page> showPage()
    {
        auto page = std::make_unique<Page>(m_flow.get());
        page->resize(560, 440);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        return page;
    }
};

void TestSignOutResults::resultsShowEachDeviceLive()
{
    completeJourney();
    auto view = showPage<SignOutResultsView>();
    QVERIFY(view);
    QListView* list = findByName<QListView>(view.get(), QStringLiteral("Signed-out devices"));
    QVERIFY(list);
    QAbstractItemModel* model = list->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Living Room TV\nSigned out"));
    QCOMPARE(model->index(1, 0).data().toString(),
             QStringLiteral("Kid's Tablet\nPending — will sign out when it reconnects"));
    QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Office PC\nFailed: Device not reachable"));
    for (int row = 0; row < 3; ++row) {
        QVERIFY(!model->index(row, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model->index(row, 0).data(Qt::AccessibleTextRole).toString(),
                 SignOutResultsModel::accessibleText(m_flow->results()->results().at(row)));
    }
    QCOMPARE(view->summaryText(), QStringLiteral("1 signed out, 1 pending, 1 failed"));
    QVERIFY(findByName<QLabel>(view.get(), QStringLiteral("About pending devices"))->isVisible());
    QVERIFY(view->retryFailedButton()->isVisible());
    QVERIFY(view->retryFailedButton()->isEnabled());

    // A progress event turns the pending row into "Signed out" in place, without moving the cursor.
    list->setCurrentIndex(model->index(2, 0));
    QVERIFY(m_flow->applyEvent(QStringLiteral("signout.progress"),
                               {{QStringLiteral("request_id"), QStringLiteral("req_1")},
                                {QStringLiteral("device_id"), QStringLiteral("dev_3")},
                                {QStringLiteral("result"), QStringLiteral("signed_out")}}));
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Kid's Tablet\nSigned out"));
    QCOMPARE(model->index(1, 0).data(Qt::AccessibleTextRole).toString(), QStringLiteral("Kid's Tablet: signed out"));
    QCOMPARE(view->summaryText(), QStringLiteral("2 signed out, 1 failed"));
    QVERIFY(findByName<QLabel>(view.get(), QStringLiteral("About pending devices"))->isHidden());
    QCOMPARE(list->currentIndex().row(), 2);

    QSignalSpy done(view.get(), &SignOutResultsView::doneRequested);
    view->doneButton()->click();
    QTest::keyClick(list, Qt::Key_Escape);
    QCOMPARE(done.size(), 2);
}

void TestSignOutResults::retryFailedResubmits()
{
    completeJourney();
    auto view = showPage<SignOutResultsView>();
    QVERIFY(view);
    script(signOutPath,
           {signOutResults(QStringLiteral("req_2"),
                           {row(QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("signed_out"))})});
    view->retryFailedButton()->click();
    QCOMPARE(m_flow->state(), State::Submitting); // the step-up token is still valid
    QCOMPARE(view->list()->model()->index(2, 0).data().toString(), QStringLiteral("Office PC\nRetrying…"));
    QVERIFY(!view->retryFailedButton()->isEnabled());
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(signOutPath).json().value(QStringLiteral("ids")).toArray(),
             QJsonArray{QStringLiteral("dev_4")});
    QCOMPARE(view->list()->model()->index(2, 0).data().toString(), QStringLiteral("Office PC\nSigned out"));
    QVERIFY(view->retryFailedButton()->isHidden());
    QCOMPARE(view->summaryText(), QStringLiteral("2 signed out, 1 pending"));
}

void TestSignOutResults::bannerCountsPendingAndHides()
{
    QWidget host;
    auto* layout = new QVBoxLayout(&host);
    auto* banner = new PendingSignOutBanner(m_flow->results(), &host);
    layout->addWidget(banner);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QVERIFY(!banner->isVisible());
    QCOMPARE(banner->pendingCount(), 0);

    m_flow->results()->setResults({{QStringLiteral("dev_2"), QStringLiteral("TV"), Result::Pending, {}},
                                   {QStringLiteral("dev_3"), QStringLiteral("Tablet"), Result::Pending, {}},
                                   {QStringLiteral("dev_4"), QStringLiteral("PC"), Result::SignedOut, {}}});
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), QStringLiteral("2 devices pending sign-out"));
    m_flow->results()->applyResult(QStringLiteral("dev_2"), Result::SignedOut);
    QCOMPARE(banner->text(), QStringLiteral("1 device pending sign-out"));
    QVERIFY(banner->isVisible());

    QSignalSpy requested(banner, &PendingSignOutBanner::resultsRequested);
    auto* show = findByName<QPushButton>(banner, QStringLiteral("Show sign-out results"));
    QVERIFY(show);
    show->click();
    QCOMPARE(requested.size(), 1);

    // Made before it has a place, it opens no window of its own, and shows once placed.
    auto* early = new PendingSignOutBanner(m_flow->results());
    QVERIFY(!early->isVisible());
    layout->addWidget(early);
    QTRY_VERIFY(early->isVisible());

    m_flow->results()->applyResult(QStringLiteral("dev_3"), Result::SignedOut);
    QVERIFY(!banner->isVisible());
    QVERIFY(!early->isVisible());
    QCOMPARE(banner->pendingCount(), 0);
}

QTEST_MAIN(TestSignOutResults)
#include "TestSignOutResults.moc"
