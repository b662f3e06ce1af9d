// The sign-out dialog following a real SignOutFlow over a faked network, and its launcher.
#include "../unit/TestSignOutFlowFixture.h"
#include "WidgetFinder.h"
#include "core/util/EnglishPlurals.h"
#include "ui/signout/PendingSignOutBanner.h"
#include "ui/signout/SignOutConfirmationPage.h"
#include "ui/signout/SignOutDialog.h"
#include "ui/signout/SignOutDialogLauncher.h"
#include "ui/signout/SignOutResultsView.h"
#include "ui/signout/VerificationPage.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>

using Page = SignOutDialog::Page;

namespace {

Scope householdDevices()
{
    return Scope::selected(
        {{QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("Lisbon, Portugal")},
         {QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("Porto, Portugal")},
         {QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("Unknown location")}});
}

} // namespace

class TestSignOutDialog final : public SignOutFlowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init()
    {
        setUp();
        m_dialog = std::make_unique<SignOutDialog>(m_flow.get());
    }
    void cleanup()
    {
        m_dialog.reset();
        tearDown();
    }

    void titleAndSize();
    void enterDoesNotSignOut();
    void escCancelsBeforeSubmitting();
    void escInCodeFieldCancels();
    void followsTheWholeJourney();
    void submittingCannotBeClosed();
    void failedPageRetries();
    void tooNewSessionIsExplained();
    void tooNewOffersAnEmailCodeWhenEveryDeviceIsNew();
    void closingResultsFinishesAndReopens();
    void returnToSignInCloses();
    void launcherOpensOneDialog();
    void screenshots();

private:
    void startAndShow(const Scope& scope)
    {
        m_flow->start(scope);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QCOMPARE(m_dialog->currentPage(), Page::Confirmation);
    }

    std::unique_ptr<SignOutDialog> m_dialog;
};

void TestSignOutDialog::titleAndSize()
{
    startAndShow(householdDevices());
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Sign Out Devices"));
    QVERIFY(m_dialog->minimumWidth() >= 480);
    QVERIFY(m_dialog->minimumHeight() >= 360);
    // Nothing is cut off: every label gets at least the height its text needs at the dialog's width.
    const auto labels = m_dialog->confirmationPage()->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (label->isVisible() && label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
    }
}

void TestSignOutDialog::enterDoesNotSignOut()
{
    startAndShow(householdDevices());
    SignOutConfirmationPage* page = m_dialog->confirmationPage();
    QVERIFY(!page->signOutButton()->isDefault());
    QVERIFY(page->cancelButton()->isDefault());
    QTRY_COMPARE(QApplication::focusWidget(), page->cancelButton());

    // Return on the focused destructive button goes to the default button: Cancel.
    page->signOutButton()->setFocus();
    QVERIFY(!page->signOutButton()->isDefault());
    QTest::keyClick(page->signOutButton(), Qt::Key_Return);
    QCOMPARE(m_stack->nam->count(signOutPath), 0);
    QCOMPARE(m_stack->nam->count(stepUpPath), 0);
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_dialog->isVisible());

    // Return anywhere else in the dialog does the same.
    startAndShow(householdDevices());
    QTest::keyClick(m_dialog.get(), Qt::Key_Enter);
    QCOMPARE(m_flow->state(), State::Idle);
    QCOMPARE(m_stack->nam->count(signOutPath), 0);
    QVERIFY(!m_dialog->isVisible());
}

void TestSignOutDialog::escCancelsBeforeSubmitting()
{
    startAndShow(householdDevices());
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_dialog->isVisible());

    startAndShow(householdDevices());
    m_flow->confirm();
    QCOMPARE(m_dialog->currentPage(), Page::Verification);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_dialog->isVisible());

    // The Close/× of the window does the same.
    startAndShow(householdDevices());
    QVERIFY(m_dialog->close());
    QCOMPARE(m_flow->state(), State::Idle);
}

void TestSignOutDialog::escInCodeFieldCancels()
{
    reachVerifying();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->currentPage(), Page::Verification);
    QLineEdit* field = m_dialog->verificationPage()->secretField();
    QTRY_COMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(field, QStringLiteral("12"));
    QTest::keyClick(field, Qt::Key_Escape);
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_dialog->isVisible());
}

void TestSignOutDialog::followsTheWholeJourney()
{
    script(stepUpPath, {challenge()});
    script(verifyPath, {verified()});
    script(signOutPath, {FakeResponse::held()});
    startAndShow(householdDevices());

    m_dialog->confirmationPage()->signOutButton()->click();
    QCOMPARE(m_dialog->currentPage(), Page::Verification);
    auto* cont = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Continue"));
    QVERIFY(cont && cont->isVisible() && cont->isDefault());
    auto* email = findByName<QRadioButton>(m_dialog.get(), QStringLiteral("Email code"));
    QVERIFY(email);
    email->setChecked(true);
    cont->click();
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_VERIFY(!m_flow->isBusy());
    QLineEdit* field = findByName<QLineEdit>(m_dialog.get(), QStringLiteral("Verification code"));
    QVERIFY(field);
    QVERIFY(field->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(field, QStringLiteral("123456"));
    // Enter verifies (the devices were already confirmed), then the sign-out is sent.
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(m_flow->state(), State::Submitting);
    QCOMPARE(m_dialog->currentPage(), Page::Submitting);
    QVERIFY(findByName<QProgressBar>(m_dialog.get(), QStringLiteral("Signing out"))->isVisible());
    QTRY_COMPARE(m_stack->nam->heldCount(), 1);
    m_stack->nam->releaseHeld(threeResults());
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_dialog->currentPage(), Page::Results);
    QCOMPARE(m_dialog->resultsView()->summaryText(), QStringLiteral("1 signed out, 1 pending, 1 failed"));
    QCOMPARE(m_stack->nam->count(verifyPath), 1);
    QCOMPARE(m_stack->nam->count(signOutPath), 1);
}

void TestSignOutDialog::submittingCannotBeClosed()
{
    completeJourney(); // leaves a valid step-up token
    script(signOutPath, {FakeResponse::held()});
    m_flow->start(householdDevices());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_flow->confirm();
    QCOMPARE(m_dialog->currentPage(), Page::Submitting);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_flow->state(), State::Submitting);
    QTRY_COMPARE(m_stack->nam->heldCount(), 1);
    m_stack->nam->releaseHeld(threeResults());
    QTRY_COMPARE(m_dialog->currentPage(), Page::Results);
}

void TestSignOutDialog::failedPageRetries()
{
    script(signOutPath, {threeResults()});
    completeJourney();
    script(signOutPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError), threeResults()});
    startAndShow(householdDevices());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(m_dialog->currentPage(), Page::Failed);
    auto* reason = findByName<QLabel>(m_dialog.get(), QStringLiteral("Reason"));
    QVERIFY(reason && reason->isVisible());
    QCOMPARE(reason->text(), m_flow->problem().message);
    QVERIFY(!reason->text().isEmpty());
    auto* retry = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Retry"));
    QVERIFY(retry && retry->isVisible() && retry->isEnabled());
    QVERIFY(!retry->isDefault());
    retry->click();
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_dialog->currentPage(), Page::Results);

    // Closing the failure cancels the flow.
    script(signOutPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError)});
    m_flow->start(householdDevices());
    QCOMPARE(m_dialog->currentPage(), Page::Confirmation);
    m_flow->confirm();
    QTRY_COMPARE(m_dialog->currentPage(), Page::Failed);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_dialog->isVisible());
}

void TestSignOutDialog::tooNewSessionIsExplained()
{
    script(signOutPath, {threeResults()});
    completeJourney();
    script(signOutPath,
           {FakeResponse::json(403,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("session_too_new")},
                                           {QStringLiteral("message"), QStringLiteral("too new")},
                                           {QStringLiteral("new_until"), QStringLiteral("2026-12-08T09:41:00Z")},
                                           {QStringLiteral("retry_after"), 3600}})});
    startAndShow(householdDevices());
    m_flow->confirm();
    QTRY_COMPARE(m_dialog->currentPage(), Page::Failed);
    auto* reason = findByName<QLabel>(m_dialog.get(), QStringLiteral("Reason"));
    QVERIFY(reason && reason->isVisible());
    // When it ends, why it exists, and what to do now, in plain words.
    QVERIFY2(reason->text().contains(QLatin1String("only recently, so until ")), qPrintable(reason->text()));
    QVERIFY2(reason->text().contains(QLatin1String("can't sign out your other devices")), qPrintable(reason->text()));
    QVERIFY2(reason->text().contains(QLatin1String("someone who has your password from locking you out")),
             qPrintable(reason->text()));
    QVERIFY2(
        reason->text().endsWith(QLatin1String("Use a device you've signed in on before, or confirm this one from it.")),
        qPrintable(reason->text()));
    auto* emailCode = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Email me a code"));
    QVERIFY(emailCode && !emailCode->isVisible()); // an established device exists: no shortcut
}

void TestSignOutDialog::tooNewOffersAnEmailCodeWhenEveryDeviceIsNew()
{
    script(signOutPath, {threeResults()});
    completeJourney();
    script(signOutPath,
           {FakeResponse::json(403,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("session_too_new")},
                                           {QStringLiteral("message"), QStringLiteral("too new")},
                                           {QStringLiteral("new_until"), QStringLiteral("2026-12-08T09:41:00Z")},
                                           {QStringLiteral("retry_after"), 3600 * 20},
                                           {QStringLiteral("shorten_by_email"), true}})});
    startAndShow(householdDevices());
    m_flow->confirm();
    QTRY_COMPARE(m_dialog->currentPage(), Page::Failed);
    auto* emailCode = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Email me a code"));
    QVERIFY(emailCode && emailCode->isVisible());
    QCOMPARE(emailCode->text(), QStringLiteral("Email Me a Code…"));
    QSignalSpy requested(m_dialog.get(), &SignOutDialog::shortenWaitRequested);
    emailCode->click();
    QCOMPARE(requested.size(), 1);
}

void TestSignOutDialog::closingResultsFinishesAndReopens()
{
    completeJourney();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->currentPage(), Page::Results);
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_flow->state(), State::Done);
    QVERIFY(!m_dialog->isVisible());

    // Results stay live after closing, and the dialog shows them again.
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->currentPage(), Page::Results);
    QCOMPARE(m_dialog->resultsView()->summaryText(), QStringLiteral("2 signed out, 1 failed"));
    m_dialog->resultsView()->doneButton()->click();
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_flow->state(), State::Done);
}

void TestSignOutDialog::returnToSignInCloses()
{
    completeJourney();
    script(
        signOutPath,
        {signOutResults(QStringLiteral("req_9"),
                        {row(QStringLiteral("dev_1"), QStringLiteral("This Laptop"), QStringLiteral("signed_out"))})});
    startAndShow(Scope::all());
    QVERIFY(m_dialog->confirmationPage()->text().contains(QStringLiteral("Vigil will sign you out too")));
    m_dialog->confirmationPage()->signOutButton()->click();
    QTRY_COMPARE(m_flow->state(), State::ReturnToSignIn);
    QVERIFY(!m_dialog->isVisible());
}

void TestSignOutDialog::launcherOpensOneDialog()
{
    m_dialog.reset();
    SignOutDialogLauncher launcher(m_flow.get(), nullptr);
    QCOMPARE(launcher.dialog(), nullptr);
    QVERIFY(!launcher.canShowResults());
    QVERIFY(!launcher.showResults());
    QCOMPARE(launcher.dialog(), nullptr);

    m_flow->start(householdDevices());
    SignOutDialog* dialog = launcher.dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->currentPage(), Page::Confirmation);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());

    // A later start anywhere opens the same dialog again.
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    script(stepUpPath, {challenge()});
    m_flow->start(householdDevices());
    QCOMPARE(launcher.dialog(), dialog);
    QVERIFY(dialog->isVisible());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
    QTRY_VERIFY(!m_flow->isBusy());
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(dialog->currentPage(), Page::Results);
    dialog->resultsView()->doneButton()->click();
    QVERIFY(!dialog->isVisible());

    // The banner's "Show Results…" brings the results back.
    QWidget host;
    auto* banner = new PendingSignOutBanner(m_flow->results(), &host);
    connect(banner, &PendingSignOutBanner::resultsRequested, &launcher, &SignOutDialogLauncher::showResults);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QVERIFY(banner->isVisible());
    findByName<QPushButton>(banner, QStringLiteral("Show sign-out results"))->click();
    QVERIFY(dialog->isVisible());
    QCOMPARE(launcher.dialog(), dialog);
    QCOMPARE(dialog->currentPage(), Page::Results);
}

void TestSignOutDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("VIGIL_SIGNOUT_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set VIGIL_SIGNOUT_SCREENSHOTS=<dir> to render each page");
    // VIGIL_SIGNOUT_SCREENSHOTS_DARK=1: a dark palette and a large font, as ux.md asks to check.
    const bool dark = qEnvironmentVariableIsSet("VIGIL_SIGNOUT_SCREENSHOTS_DARK");
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
        palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1b));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0xaa, 0xaa, 0xaa));
        palette.setColor(QPalette::Link, QColor(0x78, 0xae, 0xed));
        QApplication::setPalette(palette);
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 1.4);
        QApplication::setFont(font);
        m_dialog = std::make_unique<SignOutDialog>(m_flow.get());
    }
    const QString prefix = dir + (dark ? QStringLiteral("/signout-dark-") : QStringLiteral("/signout-"));
    const auto save = [this, &prefix](const QString& name) {
        QCoreApplication::processEvents();
        QVERIFY(m_dialog->grab().save(prefix + name + QStringLiteral(".png")));
    };
    m_dialog->resize(m_dialog->minimumSize());
    m_dialog->adjustSize();
    script(stepUpPath, {challenge()});
    script(verifyPath, {codeError(401, "invalid_code", 4), verified()});
    script(signOutPath, {FakeResponse::held()});
    startAndShow(Scope::selected(
        {{QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("Lisbon, Portugal")},
         {QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("Porto, Portugal")},
         {QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("Unknown location")},
         {QStringLiteral("dev_1"), QStringLiteral("This Laptop"), QStringLiteral("Lisbon, Portugal")}}));
    save(QStringLiteral("1-confirm"));
    m_flow->confirm();
    save(QStringLiteral("2-choose"));
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
    QTRY_VERIFY(!m_flow->isBusy());
    QTest::keyClicks(m_dialog->verificationPage()->secretField(), QStringLiteral("000000"));
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("000000"));
    QTRY_VERIFY(!m_flow->isBusy());
    save(QStringLiteral("3-verify"));
    m_flow->cancel();
    script(signOutPath, {threeResults()});
    completeJourney();
    m_dialog->show();
    save(QStringLiteral("5-results"));
    script(signOutPath, {FakeResponse::held()});
    m_flow->start(householdDevices());
    m_dialog->show();
    m_flow->confirm();
    save(QStringLiteral("4-submitting"));
    m_stack->nam->releaseHeld(FakeResponse::transport(QNetworkReply::ConnectionRefusedError));
    QTRY_COMPARE(m_flow->state(), State::Failed);
    save(QStringLiteral("6-failed"));
    QWidget host;
    host.resize(520, 60);
    auto* banner = new PendingSignOutBanner(m_flow->results(), &host);
    m_flow->results()->setResults({{QStringLiteral("a"), QStringLiteral("TV"), Result::Pending, {}},
                                   {QStringLiteral("b"), QStringLiteral("Tablet"), Result::Pending, {}}});
    banner->resize(520, banner->sizeHint().height());
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));
    QVERIFY(banner->grab().save(prefix + QStringLiteral("7-banner.png")));
}

QTEST_MAIN(TestSignOutDialog)
#include "TestSignOutDialog.moc"
