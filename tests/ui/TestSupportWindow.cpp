// Support mode's window against a real vigil-mockd (scenario `support`), signed in as Ada: the
// title and the coloured header, search → reason (OK disabled until 10 characters) → results →
// the customer's read-only Devices page with masked IPs and no sign-out or rename controls, the
// reason on screen, a reason asked again for the next customer; and the code dialog's format check.
#include "../unit/SupportLiveFixture.h"
#include "WidgetFinder.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/flows/SupportSignOutSender.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/signout/SignOutConfirmationPage.h"
#include "ui/signout/SignOutDialog.h"
#include "ui/signout/SignOutDialogLauncher.h"
#include "ui/support/SupportCodeDialog.h"
#include "ui/support/SupportHeaderBar.h"
#include "ui/support/SupportReasonDialog.h"
#include "ui/support/SupportSearchPanel.h"
#include "ui/support/SupportWindow.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace vigil;

namespace {
const QString reason = QStringLiteral("Customer called about a TV they don't know");
}

class TestSupportWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Icons::initResources(); }
    void init()
    {
        m_fixture = std::make_unique<SupportLiveFixture>();
        QVERIFY2(m_fixture->start(), qPrintable(m_fixture->mockd->errorString()));
        QVERIFY(m_fixture->signInSupport());
        m_console = std::make_unique<SupportConsole>(&m_fixture->api, &m_fixture->session);
        m_stepUp = std::make_unique<StepUpService>(&m_fixture->api);
        m_signOut = std::make_unique<SignOutFlow>(&m_fixture->api, m_stepUp.get(), &m_fixture->session, &m_sender);
        m_window = std::make_unique<SupportWindow>(
            SupportWindow::Parts{m_console.get(), m_signOut.get(), &m_sender, &m_fixture->flow, &m_fixture->session});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_signOut.reset();
        m_stepUp.reset();
        m_console.reset();
        if (m_fixture)
            QCOMPARE(m_fixture->mockd->stop(), 0);
        m_fixture.reset();
    }

    void headerAndTitle()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Vigil — Support Mode"));
        QVERIFY(m_window->headerBar()->isVisible());
        QCOMPARE(m_window->headerBar()->text(),
                 QStringLiteral("Support mode · signed in as Ada (Support) · no customer open"));
        // Coloured from the palette's highlight pair, so it stays readable in every palette.
        const QPalette palette = m_window->headerBar()->palette();
        QCOMPARE(palette.color(QPalette::Window), m_window->palette().color(QPalette::Highlight));
        QCOMPARE(palette.color(QPalette::WindowText), m_window->palette().color(QPalette::HighlightedText));
        // A dark palette later on: the bar follows it.
        QPalette dark = m_window->palette();
        dark.setColor(QPalette::Highlight, QColor(0x7a, 0xb8, 0xff));
        dark.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
        m_window->setPalette(dark);
        QTRY_COMPARE(m_window->headerBar()->palette().color(QPalette::Window), QColor(0x7a, 0xb8, 0xff));
        QCOMPARE(m_window->headerBar()->palette().color(QPalette::WindowText), QColor(0x10, 0x10, 0x10));
    }

    void reasonDialogLimits()
    {
        SupportReasonDialog dialog(QStringLiteral("Demo Household (d***@vigil.test)"));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.setReason(QStringLiteral("   0123456789   ")); // trimmed: exactly 10
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.counter()->text(), QStringLiteral("10 / 500"));
        dialog.setReason(QString(501, u'x'));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.setReason(QString(500, u'x'));
        QVERIFY(dialog.okButton()->isEnabled());
    }

    void searchReasonResultsReadOnlyDevices()
    {
        SupportSearchPanel* search = m_window->searchPanel();
        // Too short: said inline, nothing asked, nothing sent.
        QTest::keyClicks(search->queryEdit(), QStringLiteral("de"));
        QTest::mouseClick(search->searchButton(), Qt::LeftButton);
        QVERIFY(search->message()->isVisible());
        QVERIFY(!m_window->reasonDialog());

        QTest::keyClicks(search->queryEdit(), QStringLiteral("mo@vigil.test"));
        QTest::mouseClick(search->searchButton(), Qt::LeftButton);
        SupportReasonDialog* dialog = m_window->reasonDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Why are you opening this account?"));
        QVERIFY(!dialog->okButton()->isEnabled());
        QTest::keyClicks(dialog->editor(), QStringLiteral("123456789"));
        QCOMPARE(dialog->counter()->text(), QStringLiteral("9 / 500"));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->editor()->clear();
        QTest::keyClicks(dialog->editor(), reason);
        QVERIFY(dialog->okButton()->isEnabled());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

        QTreeWidget* results = search->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->topLevelItemCount(), 1, 10000);
        const QTreeWidgetItem* row = results->topLevelItem(0);
        QCOMPARE(row->text(SupportSearchPanel::NameColumn), QStringLiteral("Demo Household"));
        QCOMPARE(row->text(SupportSearchPanel::EmailColumn), QStringLiteral("d***@vigil.test"));
        QCOMPARE(row->text(SupportSearchPanel::DevicesColumn), QStringLiteral("2"));

        // Open it: the reason given for this lookup covers it, so no second question.
        results->setFocus();
        results->setCurrentItem(results->topLevelItem(0));
        QTest::keyClick(results, Qt::Key_Return);
        QTRY_VERIFY(!m_window->reasonDialog());
        QCOMPARE(m_window->reasonLabel()->text(), QStringLiteral("Reason: ") + reason);
        QVERIFY(m_window->reasonLabel()->isVisible());
        QVERIFY(m_window->headerBar()->text().endsWith(QLatin1String("you are viewing a customer's account")));

        DevicesPage* page = m_window->devicesPage();
        QCOMPARE(m_window->customerTabs()->currentWidget(), page);
        QVERIFY(page->isReadOnly());
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 2, 10000);
        const DeviceListModel* model = m_console->deviceModel();
        for (int i = 0; i < model->rowCount(); ++i)
            QVERIFY2(model->deviceAt(i).ip.endsWith(QLatin1String(".x")), qPrintable(model->deviceAt(i).ip));

        // Select a device: its details show the masked IP, and no control changes anything.
        page->table()->setFocus();
        page->table()->selectRow(0);
        QTRY_VERIFY(page->detailsPane()->isVisible());
        const QLabel* ip = findByName<QLabel>(page->detailsPane(), QStringLiteral("IP address"));
        QVERIFY(ip);
        QVERIFY2(ip->text().endsWith(QLatin1String(".x")), qPrintable(ip->text()));
        const auto buttons = m_window->findChildren<QPushButton*>();
        for (const QPushButton* button : buttons) {
            if (!button->isVisible() || !page->isAncestorOf(button))
                continue;
            QVERIFY2(!button->text().contains(QLatin1String("Sign Out")), qPrintable(button->text()));
            QVERIFY2(!button->text().contains(QLatin1String("Rename")), qPrintable(button->text()));
        }
        // Built without them, not hidden.
        QVERIFY(!page->signOutAllButton());
        QVERIFY(!page->signOutSelectedButton());
        QVERIFY(!findByName<QLabel>(page->detailsPane(), QStringLiteral("Don't recognize this device?")));
        QVERIFY(!findByName<QPushButton>(page->detailsPane(), QStringLiteral("Rename")));
        // Enter on a row takes the keyboard into the pane: onto something there, not a hidden button.
        page->detailsPane()->focusFirstControl();
        const QWidget* focused = m_window->focusWidget();
        QVERIFY(focused && page->detailsPane()->isAncestorOf(focused));
        QVERIFY(focused->isVisible());
        QVERIFY(page->table()->actions().isEmpty()); // no Delete → sign out

        // The Activity tab: the customer's entries, read-only, no export.
        m_window->customerTabs()->setCurrentWidget(m_window->activityPage());
        QVERIFY(m_window->activityPage()->isReadOnly());
        QVERIFY(!m_window->activityPage()->exportButton()); // built without it, not hidden
        QVERIFY(!findByName<QPushButton>(m_window->activityPage(), QStringLiteral("Export CSV…")));
        QTRY_COMPARE_WITH_TIMEOUT(m_console->activity()->state(), ActivityService::State::Ready, 10000);
        QVERIFY(m_console->activity()->model()->rowCount() > 0);

        // Another customer (here: the same one after closing) asks again.
        QTest::mouseClick(m_window->closeCustomerButton(), Qt::LeftButton);
        QVERIFY(!m_console->support()->hasCustomer());
        QCOMPARE(model->rowCount(), 0);
        results->setFocus();
        QTest::keyClick(results, Qt::Key_Return);
        QVERIFY(m_window->reasonDialog());
        QVERIFY(!m_console->support()->hasCustomer());
        m_window->reasonDialog()->reject();
        QVERIFY(!m_console->support()->hasCustomer());
    }

    void signOutWithTheCustomersCode()
    {
        const QString code = m_fixture->createSupportCode(m_fixture->holderAccess());
        QVERIFY(!code.isEmpty());

        // Open the customer: search, reason, Enter on the result.
        QTest::keyClicks(m_window->searchPanel()->queryEdit(), QStringLiteral("acc_demo"));
        QTest::mouseClick(m_window->searchPanel()->searchButton(), Qt::LeftButton);
        QVERIFY(m_window->reasonDialog());
        QTest::keyClicks(m_window->reasonDialog()->editor(), reason);
        QTest::mouseClick(m_window->reasonDialog()->okButton(), Qt::LeftButton);
        QTreeWidget* results = m_window->searchPanel()->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->topLevelItemCount(), 1, 10000);
        results->setFocus();
        QTest::keyClick(results, Qt::Key_Return);
        DevicesPage* page = m_window->devicesPage();
        // The household's two devices, and the holder's own sign-in that made the code.
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 3, 10000);

        // A wrong code: refused, the service's message inline, and again in the code dialog.
        QVERIFY(m_window->codeSignOutButton()->isEnabled());
        QTest::mouseClick(m_window->codeSignOutButton(), Qt::LeftButton);
        SupportCodeDialog* dialog = m_window->codeDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->allOption()->isChecked()); // nothing selected yet
        QTest::keyClicks(dialog->codeEdit(), QStringLiteral("2222-2222"));
        QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);
        QTRY_VERIFY(m_window->signOutLauncher()->dialog());
        SignOutDialog* signOut = m_window->signOutLauncher()->dialog();
        QTRY_COMPARE(signOut->currentPage(), SignOutDialog::Page::Confirmation);
        QTest::mouseClick(signOut->confirmationPage()->signOutButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signOut->currentPage(), SignOutDialog::Page::Failed, 10000);
        const QString refused = m_signOut->problem().error->serverMessage();
        QVERIFY(!refused.isEmpty());
        const QLabel* reasonLabel = findByName<QLabel>(signOut, QStringLiteral("Reason"));
        QVERIFY(reasonLabel && reasonLabel->text().contains(refused));
        signOut->reject();
        QTRY_COMPARE(m_signOut->state(), SignOutFlow::State::Idle);
        QTest::mouseClick(m_window->codeSignOutButton(), Qt::LeftButton);
        dialog = m_window->codeDialog();
        QVERIFY(dialog);
        const auto errors = dialog->findChildren<InlineMessage*>();
        QVERIFY(std::any_of(
            errors.cbegin(), errors.cend(), [&](const InlineMessage* message) { return message->isVisible(); }));
        dialog->reject();

        // The right code, for one selected device: the same dialog's results, signed out.
        const QAbstractItemModel* rows = page->table()->model();
        int tvRow = -1;
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, 0).data(DeviceListModel::IdRole).toString() == QLatin1String("dev_demo_living_tv"))
                tvRow = row;
        }
        QVERIFY(tvRow >= 0);
        page->table()->selectRow(tvRow);
        QTRY_VERIFY(!m_window->codeDialog());
        QTest::mouseClick(m_window->codeSignOutButton(), Qt::LeftButton);
        dialog = m_window->codeDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->selectedOption()->isChecked());
        QTest::keyClicks(dialog->codeEdit(), code.toLower());
        QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);
        QTRY_COMPARE(signOut->currentPage(), SignOutDialog::Page::Confirmation);
        QTest::mouseClick(signOut->confirmationPage()->signOutButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signOut->currentPage(), SignOutDialog::Page::Results, 10000);
        const SignOutResultsModel* outcome = m_signOut->results();
        QCOMPARE(outcome->rowCount(), 1);
        QCOMPARE(outcome->index(0, 0).data(SignOutResultsModel::DeviceIdRole).toString(),
                 QStringLiteral("dev_demo_living_tv"));
        QVERIFY(outcome->count(DeviceSignOutResult::Result::Failed) == 0);
        QVERIFY(m_fixture->session.isSignedIn()); // Ada stays signed in
    }

    void codeDialogChecksTheFormat()
    {
        SupportCodeDialog dialog(1);
        QVERIFY(!dialog.continueButton()->isEnabled());
        QVERIFY(dialog.selectedOption()->isEnabled());
        QVERIFY(dialog.selectedOption()->isChecked());
        QTest::keyClicks(dialog.codeEdit(), QStringLiteral("7KQ2-M9X"));
        QVERIFY(!dialog.continueButton()->isEnabled());
        QTest::keyClicks(dialog.codeEdit(), QStringLiteral("F"));
        QVERIFY(dialog.continueButton()->isEnabled());
        QCOMPARE(dialog.code(), QStringLiteral("7KQ2M9XF"));
        dialog.codeEdit()->setText(QStringLiteral("0KQ2-M9XF")); // 0 is never in a code
        QVERIFY(!dialog.continueButton()->isEnabled());
        QVERIFY(dialog.code().isEmpty());
        dialog.codeEdit()->setText(QStringLiteral("7kq2 m9xf"));
        QVERIFY(dialog.continueButton()->isEnabled());

        SupportCodeDialog none(0);
        QVERIFY(!none.selectedOption()->isEnabled());
        QVERIFY(none.allOption()->isChecked());
        QVERIFY(none.allDevices());
    }

private:
    std::unique_ptr<SupportLiveFixture> m_fixture;
    std::unique_ptr<SupportConsole> m_console;
    std::unique_ptr<StepUpService> m_stepUp;
    SupportSignOutSender m_sender;
    std::unique_ptr<SignOutFlow> m_signOut;
    std::unique_ptr<SupportWindow> m_window;
};

QTEST_MAIN(TestSupportWindow)
#include "TestSupportWindow.moc"
