// The sign-out confirmation and verification pages, offscreen, each rendering a real SignOutFlow
// over a faked network.
#include "../unit/TestSignOutFlowFixture.h"
#include "WidgetFinder.h"
#include "core/util/EnglishPlurals.h"
#include "ui/signout/SignOutConfirmationPage.h"
#include "ui/signout/VerificationPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace {

Scope placedDevices(bool includeThisDevice)
{
    QList<SignOutFlow::Target> targets{
        {QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("Lisbon, Portugal")},
        {QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("Porto, Portugal")},
        {QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("Unknown location")}};
    if (includeThisDevice)
        targets.append(
            {QStringLiteral("dev_1"), QStringLiteral("This Laptop"), QStringLiteral("Lisbon, Portugal"), true});
    return Scope::selected(targets);
}

} // namespace

class TestSignOutPages final : public SignOutFlowFixture
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

    void confirmationNamesDevicesPlacesAndWhatIsKept();
    void confirmationSaysWhenThisDeviceIsIncluded();
    void confirmationForOthersAndAll();
    void confirmationListsFiveThenMore();
    void confirmationCancelIsDefault();
    void methodChoice();
    void codeFieldTakesDigitsOnlyFromPaste();
    void verifyEnabledOnlyWhenComplete();
    void destinationAndResendCountdown();
    void attemptsLeftAfterAMiss();
    void expiredCodeSaysSendANewOne();
    void lockoutCountsDown();
    void accountWaitCountsDownAndKeepsTheCode();
    void passwordIsMasked();

private:
    template <typename Page>
    std::unique_ptr<Page> showPage()
    {
        std::unique_ptr<Page> page;
        if constexpr (std::is_same_v<Page, VerificationPage>)
            page = std::make_unique<Page>(m_flow->stepUpFlow());
        else
            page = std::make_unique<Page>(m_flow.get());
        page->resize(560, 440);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        return page;
    }
    InlineMessage* problemLine(const QWidget* page) const { return page->findChild<InlineMessage*>(); }
};

void TestSignOutPages::confirmationNamesDevicesPlacesAndWhatIsKept()
{
    m_flow->start(placedDevices(false));
    auto page = showPage<SignOutConfirmationPage>();
    QVERIFY(page);
    QCOMPARE(page->title(), QStringLiteral("Sign Out of 3 Devices?"));
    const QString text = page->text();
    QVERIFY2(text.contains(QStringLiteral("Living Room TV — Lisbon, Portugal")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Kid's Tablet — Porto, Portugal")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Office PC — Unknown location")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Vigil will sign out 3 devices:")));
    QVERIFY(text.contains(QStringLiteral("Profiles, viewing history and preferences are kept.")));
    QVERIFY(text.contains(QStringLiteral("This device is not included")));
    QVERIFY(!text.contains(QStringLiteral("sign you out too")));
    QVERIFY(text.contains(QStringLiteral("need your password to sign in again")));
    auto* list = findByName<QLabel>(page.get(), QStringLiteral("Devices to sign out"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->text().count(QLatin1Char('\n')), 2);
    QCOMPARE(page->signOutButton()->text(), QStringLiteral("Sign Out of 3 Devices"));
    QCOMPARE(page->signOutButton()->accessibleName(), QStringLiteral("Sign Out of 3 Devices"));

    // One device: named in the question, a plain "Sign Out" button.
    m_flow->cancel();
    m_flow->start(Scope::selected({{QStringLiteral("dev_2"), QStringLiteral("Living Room TV")}}));
    page->refresh();
    QCOMPARE(page->title(), QStringLiteral("Sign Out Living Room TV?"));
    QCOMPARE(page->signOutButton()->text(), QStringLiteral("Sign Out"));
    QVERIFY(page->text().contains(QStringLiteral("• Living Room TV")));
}

void TestSignOutPages::confirmationSaysWhenThisDeviceIsIncluded()
{
    m_flow->start(placedDevices(true));
    QVERIFY(m_flow->includesThisDevice());
    auto page = showPage<SignOutConfirmationPage>();
    QVERIFY(page);
    const QString text = page->text();
    QVERIFY2(text.contains(QStringLiteral("This device is included: Vigil will sign you out too and you'll need to "
                                          "sign in again.")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("This Laptop — Lisbon, Portugal (this device)")));
    QVERIFY(!text.contains(QStringLiteral("Living Room TV — Lisbon, Portugal (this device)")));
    QCOMPARE(page->title(), QStringLiteral("Sign Out of 4 Devices?"));
}

void TestSignOutPages::confirmationForOthersAndAll()
{
    m_flow->start(Scope::others({{QStringLiteral("dev_2"), QStringLiteral("Living Room TV")}}));
    auto page = showPage<SignOutConfirmationPage>();
    QVERIFY(page);
    QCOMPARE(page->title(), QStringLiteral("Sign Out of All Other Devices?"));
    QVERIFY(page->text().contains(QStringLiteral("every device except this one")));
    QVERIFY(page->text().contains(QStringLiteral("This device is not included")));
    QCOMPARE(page->signOutButton()->text(), QStringLiteral("Sign Out of All Other Devices"));

    m_flow->cancel();
    m_flow->start(Scope::all());
    page->refresh();
    QCOMPARE(page->title(), QStringLiteral("Sign Out of All Devices?"));
    QVERIFY(page->text().contains(QStringLiteral("every device, including this one")));
    QVERIFY(page->text().contains(QStringLiteral("Vigil will sign you out too")));
    QVERIFY(page->text().contains(QStringLiteral("Profiles, viewing history and preferences are kept.")));
    QCOMPARE(page->signOutButton()->text(), QStringLiteral("Sign Out of All Devices"));
    QVERIFY(findByName<QLabel>(page.get(), QStringLiteral("Devices to sign out"))->isHidden());
}

void TestSignOutPages::confirmationListsFiveThenMore()
{
    QList<SignOutFlow::Target> many;
    for (int i = 0; i < 8; ++i)
        many.append({QStringLiteral("dev_%1").arg(i + 10), QStringLiteral("TV %1").arg(i + 1)});
    m_flow->start(Scope::selected(many));
    auto page = showPage<SignOutConfirmationPage>();
    QVERIFY(page);
    const QString list = findByName<QLabel>(page.get(), QStringLiteral("Devices to sign out"))->text();
    QVERIFY(list.contains(QStringLiteral("TV 5")));
    QVERIFY(!list.contains(QStringLiteral("TV 6")));
    QVERIFY(list.endsWith(QStringLiteral("and 3 more")));
}

void TestSignOutPages::confirmationCancelIsDefault()
{
    m_flow->start(placedDevices(false));
    auto page = showPage<SignOutConfirmationPage>();
    QVERIFY(page);
    QVERIFY(!page->signOutButton()->isDefault());
    QVERIFY(!page->signOutButton()->autoDefault());
    QVERIFY(page->cancelButton()->isDefault());
    QSignalSpy cancelled(page.get(), &SignOutConfirmationPage::cancelRequested);
    QTest::keyClick(page.get(), Qt::Key_Escape);
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(m_flow->state(), State::Confirming); // the page asks; the dialog decides
    // Return on the focused destructive button does nothing by itself.
    page->signOutButton()->setFocus();
    QTest::keyClick(page->signOutButton(), Qt::Key_Return);
    QCOMPARE(m_flow->state(), State::Confirming);
    // A deliberate click confirms.
    script(stepUpPath, {challenge()});
    page->signOutButton()->click();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
}

void TestSignOutPages::methodChoice()
{
    m_flow->stepUpFlow()->setAvailableMethods(
        {QStringLiteral("email"), QStringLiteral("totp"), QStringLiteral("password")});
    m_flow->start(threeDevices());
    m_flow->confirm();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    auto* email = findByName<QRadioButton>(page.get(), QStringLiteral("Email code"));
    auto* totp = findByName<QRadioButton>(page.get(), QStringLiteral("Authenticator app"));
    QVERIFY(email && totp);
    QVERIFY(findByName<QRadioButton>(page.get(), QStringLiteral("Password")));
    QVERIFY(!findByName<QRadioButton>(page.get(), QStringLiteral("Text message code")));
    QVERIFY(email->isChecked());
    QCOMPARE(page->defaultButton()->text(), QStringLiteral("Continue"));
    totp->setChecked(true);
    script(stepUpPath, {challenge(QStringLiteral("chl_t"), QStringLiteral("totp"))});
    page->defaultButton()->click();
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(m_flow->stepUpFlow()->method()->id(), QStringLiteral("totp"));
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(page->defaultButton()->text(), QStringLiteral("Verify"));
    QVERIFY(page->secretField()->isVisible());
    // Nothing is sent for an authenticator app, so there is nothing to resend.
    QVERIFY(!findByName<QPushButton>(page.get(), QStringLiteral("Resend code"))->isVisible());

    auto* another = findByName<QPushButton>(page.get(), QStringLiteral("Use another method"));
    QVERIFY(another && another->isVisible());
    another->click();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QVERIFY(totp->isVisible());
    QVERIFY(totp->isChecked()); // the last choice stays chosen
}

void TestSignOutPages::codeFieldTakesDigitsOnlyFromPaste()
{
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QLineEdit* field = findByName<QLineEdit>(page.get(), QStringLiteral("Verification code"));
    QVERIFY(field);
    QCOMPARE(field, page->secretField());
    QCOMPARE(field->echoMode(), QLineEdit::Normal);

    QApplication::clipboard()->setText(QStringLiteral("Your code: 123-45 6."));
    field->setFocus();
    field->paste();
    QCOMPARE(field->text(), QStringLiteral("123456"));

    field->clear();
    QTest::keyClicks(field, QStringLiteral("1a2 b-3"));
    QCOMPARE(field->text(), QStringLiteral("123"));
    QTest::keyClicks(field, QStringLiteral("4567890"));
    QCOMPARE(field->text(), QStringLiteral("123456")); // no more than the code's length
}

void TestSignOutPages::verifyEnabledOnlyWhenComplete()
{
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    auto* verify = findByName<QPushButton>(page.get(), QStringLiteral("Verify"));
    QVERIFY(verify);
    QVERIFY(!verify->isEnabled());
    QTest::keyClicks(page->secretField(), QStringLiteral("12345"));
    QVERIFY(!verify->isEnabled());
    QTest::keyClicks(page->secretField(), QStringLiteral("6"));
    QVERIFY(verify->isEnabled());
    QTest::keyClick(page->secretField(), Qt::Key_Backspace);
    QVERIFY(!verify->isEnabled());
    QCOMPARE(m_stack->nam->count(verifyPath), 0);
    QTest::keyClicks(page->secretField(), QStringLiteral("6"));
    verify->click();
    QVERIFY(!verify->isEnabled()); // busy
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(verifyPath).json().value(QStringLiteral("secret")).toString(), QStringLiteral("123456"));
}

void TestSignOutPages::destinationAndResendCountdown()
{
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    auto* prompt = findByName<QLabel>(page.get(), QStringLiteral("Where the code was sent"));
    QVERIFY(prompt);
    QVERIFY2(prompt->text().contains(QStringLiteral("We sent a code to d***@vigil.test")), qPrintable(prompt->text()));
    auto* resend = findByName<QPushButton>(page.get(), QStringLiteral("Resend code"));
    QVERIFY(resend && resend->isVisible());
    QCOMPARE(resend->text(), QStringLiteral("Resend in 0:30"));
    QVERIFY(!resend->isEnabled());

    m_stack->now = m_stack->now.addSecs(3);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(resend->text(), QStringLiteral("Resend in 0:27"));
    QVERIFY(!resend->isEnabled());

    m_stack->now = m_stack->now.addSecs(27);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(resend->text(), QStringLiteral("Resend Code"));
    QVERIFY(resend->isEnabled());
    script(resendPath, {challenge()});
    resend->click();
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(resendPath), 1);
    QCOMPARE(resend->text(), QStringLiteral("Resend in 0:30"));
}

void TestSignOutPages::attemptsLeftAfterAMiss()
{
    script(verifyPath, {codeError(401, "invalid_code", 4)});
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QVERIFY(problemLine(page.get())->text().isEmpty());
    QTest::keyClicks(page->secretField(), QStringLiteral("000000"));
    QTest::keyClick(page->secretField(), Qt::Key_Return);
    QTRY_VERIFY(m_flow->stepUpFlow()->attemptsLeft().has_value());
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_stack->nam->count(verifyPath), 1);
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("That code isn't right. 4 attempts left."));
    QVERIFY(problemLine(page.get())->isVisible());
    QCOMPARE(problemLine(page.get())->kind(), InlineMessage::Kind::Error);
    // The whole code is selected so typing the next one replaces it.
    QCOMPARE(page->secretField()->selectedText(), QStringLiteral("000000"));
}

void TestSignOutPages::expiredCodeSaysSendANewOne()
{
    script(verifyPath, {codeError(410, "challenge_expired", std::nullopt)});
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QTest::keyClicks(page->secretField(), QStringLiteral("123456"));
    findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->click();
    QTRY_VERIFY(m_flow->stepUpFlow()->isCodeExpired());
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("Code expired — send a new one."));
    auto* resend = findByName<QPushButton>(page.get(), QStringLiteral("Resend code"));
    QCOMPARE(resend->text(), QStringLiteral("Send New Code"));
    QVERIFY(resend->isEnabled());
    QVERIFY(!findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->isEnabled());

    script(stepUpPath, {challenge(QStringLiteral("chl_2"))});
    resend->click();
    QTRY_VERIFY(!m_flow->isBusy());
    QVERIFY(problemLine(page.get())->text().isEmpty());
    QVERIFY(findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->isEnabled());
}

void TestSignOutPages::lockoutCountsDown()
{
    script(verifyPath, {codeError(429, "challenge_locked", std::nullopt, 300)});
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QTest::keyClicks(page->secretField(), QStringLiteral("000000"));
    findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->click();
    QTRY_COMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("Too many attempts — try again in 5:00."));
    QCOMPARE(problemLine(page.get())->kind(), InlineMessage::Kind::Warning); // a countdown, not an error
    QVERIFY(!findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->isEnabled());
    QVERIFY(page->secretField()->isReadOnly());
    m_stack->now = m_stack->now.addSecs(1);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("Too many attempts — try again in 4:59."));
    m_stack->now = m_stack->now.addSecs(299);
    m_flow->stepUpFlow()->refreshCountdowns();
    QVERIFY(problemLine(page.get())->text().isEmpty());
    QVERIFY(!page->secretField()->isReadOnly());
}

void TestSignOutPages::accountWaitCountsDownAndKeepsTheCode()
{
    // 429 from the service's guessing budget: the code that was sent still works after the wait.
    FakeResponse wait = codeError(429, "too_many_attempts", 2, 90);
    wait.headers.append({QByteArray("Retry-After"), QByteArray("90")});
    script(verifyPath, {wait});
    reachVerifying();
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QTest::keyClicks(page->secretField(), QStringLiteral("000000"));
    auto* verify = findByName<QPushButton>(page.get(), QStringLiteral("Verify"));
    verify->click();
    QTRY_COMPARE(m_flow->problem().kind, Kind::Locked);
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("Too many attempts — try again in 1:30."));
    QCOMPARE(problemLine(page.get())->kind(), InlineMessage::Kind::Warning);
    QVERIFY(!verify->isEnabled());
    auto* resend = findByName<QPushButton>(page.get(), QStringLiteral("Resend code"));
    QVERIFY(!resend->isEnabled());
    QVERIFY(resend->text() != QStringLiteral("Send New Code")); // the code is not used up
    m_stack->now = m_stack->now.addSecs(30);
    m_flow->stepUpFlow()->refreshCountdowns();
    QCOMPARE(problemLine(page.get())->text(), QStringLiteral("Too many attempts — try again in 1:00."));
    QVERIFY(!verify->isEnabled());
    m_stack->now = m_stack->now.addSecs(60);
    m_flow->stepUpFlow()->refreshCountdowns();
    QVERIFY(problemLine(page.get())->text().isEmpty());
    QVERIFY(verify->isEnabled());
    QCOMPARE(resend->text(), QStringLiteral("Resend Code"));
    QCOMPARE(findByName<QLabel>(page.get(), QStringLiteral("Attempts left"))->text(),
             QStringLiteral("2 attempts left"));
}

void TestSignOutPages::passwordIsMasked()
{
    reachVerifying(QStringLiteral("password"));
    auto page = showPage<VerificationPage>();
    QVERIFY(page);
    QLineEdit* field = findByName<QLineEdit>(page.get(), QStringLiteral("Password"));
    QVERIFY(field);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(!findByName<QLineEdit>(page.get(), QStringLiteral("Verification code")));
    QTest::keyClicks(field, QStringLiteral("vigil-demo-2026"));
    QCOMPARE(field->text(), QStringLiteral("vigil-demo-2026")); // letters are fine in a password
    QVERIFY(findByName<QPushButton>(page.get(), QStringLiteral("Verify"))->isEnabled());
    QVERIFY(!findByName<QPushButton>(page.get(), QStringLiteral("Resend code"))->isVisible());
}

QTEST_MAIN(TestSignOutPages)
#include "TestSignOutPages.moc"
