// The Security page's 2-step and support parts, offscreen, over a faked network: authenticator-app
// set-up, recovery codes (Done, the saved file's permissions), the support code's countdown, the
// page's sections and the dialogs its actions open.
#include "SecurityPageFixture.h"
#include "ui/main/SectionNavigator.h"

using namespace vigil;
using namespace SecurityPageFixtureData;

class TestTwoStepDialogs final : public QObject, private SecurityPageFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init() { setUpFixture(); }
    void cleanup() { tearDownFixture(); }
    void totpEnrolmentDialog();
    void recoveryCodesDoneNeedsTheCheckBox();
    void recoveryCodesFileIsOwnerOnly();
    void supportCodeCountsDown();
    void securityPageSections();
    void twoStepActionsOpenTheirDialogs();
};

void TestTwoStepDialogs::totpEnrolmentDialog()
{
    script(QStringLiteral("/v1/account/two-step/totp/confirm"),
           {FakeResponse::json(401,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_code")},
                                           {QStringLiteral("message"), QStringLiteral("no")},
                                           {QStringLiteral("attempts_left"), 4}}),
            FakeResponse::json(
                200, QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(tenCodes())}})});
    script(QStringLiteral("/v1/account/two-step"),
           {FakeResponse::json(200,
                               QJsonObject{{QStringLiteral("totp"), true},
                                           {QStringLiteral("sms"), false},
                                           {QStringLiteral("email"), true},
                                           {QStringLiteral("recovery_codes_left"), 10}})});
    TwoStepService service(m_stack->api.get(), m_stack->stepUp.get());
    const TotpEnrolment enrolment{
        QStringLiteral("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
        QStringLiteral("otpauth://totp/Vigil:demo@vigil.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                       "&issuer=Vigil&algorithm=SHA1&digits=6&period=30"),
        QStringLiteral("enr_1")};
    TotpEnrolmentDialog dialog(&service, enrolment);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.qrCode()->code().isNull());
    QCOMPARE(dialog.secretLabel()->text(), QStringLiteral("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"));
    QVERIFY(dialog.secretLabel()->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(TotpEnrolmentDialog::groupedSecret(QStringLiteral("ABCDEFGHIJ")), QStringLiteral("ABCD EFGH IJ"));
    QCOMPARE(dialog.codeField()->accessibleName(), QStringLiteral("Verification code"));
    QCOMPARE(QApplication::focusWidget(), dialog.codeField());

    QVERIFY(!dialog.confirmButton()->isEnabled());
    QTest::keyClicks(dialog.codeField(), QStringLiteral("12345"));
    QVERIFY(!dialog.confirmButton()->isEnabled());
    QTest::keyClicks(dialog.codeField(), QStringLiteral("6"));
    QVERIFY(dialog.confirmButton()->isEnabled());
    QTest::keyClick(dialog.codeField(), Qt::Key_Return);
    auto* problem = findByName<QWidget>(&dialog, QStringLiteral("Set-up problem"));
    QVERIFY(problem);
    QTRY_VERIFY(problem->isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_stack->nam->requests().last().json().value(QStringLiteral("code")).toString(), QStringLiteral("123456"));
    QCOMPARE(m_stack->nam->requests().last().json().value(QStringLiteral("enrolment")).toString(),
             QStringLiteral("enr_1"));

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.codeField()->setText(QStringLiteral("654321"));
    dialog.confirmButton()->click();
    QVERIFY(accepted.wait());
    QCOMPARE(dialog.recoveryCodes(), tenCodes());
    QTRY_VERIFY(service.status() && service.status()->totp); // reloaded after the confirmation
}

void TestTwoStepDialogs::recoveryCodesDoneNeedsTheCheckBox()
{
    RecoveryCodesDialog dialog(tenCodes());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.codesText().contains(QLatin1String("abcd-efgh-0009")));
    QCOMPARE(dialog.codesText().count(QLatin1Char('\n')), 10);
    QVERIFY(!dialog.doneButton()->isEnabled());
    // Esc does not throw the codes away before the person said they saved them.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    dialog.copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog.codesText());
    dialog.savedBox()->setChecked(true);
    QVERIFY(dialog.doneButton()->isEnabled());
    dialog.savedBox()->setChecked(false);
    QVERIFY(!dialog.doneButton()->isEnabled());
    dialog.savedBox()->click();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.doneButton()->click();
    QCOMPARE(accepted.size(), 1);
    QVERIFY(!dialog.isVisible());
}

void TestTwoStepDialogs::recoveryCodesFileIsOwnerOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("codes.txt"));
    RecoveryCodesDialog dialog(tenCodes());
    dialog.setFileChooser([path] { return path; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.saveButton()->click();
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFile::permissions(path) &
                 (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther |
                  QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadOwner | QFileDevice::WriteOwner),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString& code : tenCodes())
        QVERIFY(text.contains(code));
    // An unwritable place says so on the dialog instead of failing silently.
    QVERIFY(!dialog.saveTo(dir.filePath(QStringLiteral("missing/folder/codes.txt"))));
}

void TestTwoStepDialogs::supportCodeCountsDown()
{
    const SupportCode code{QStringLiteral("7KQ2-M9XF"), m_stack->now.addSecs(600)};
    HolderSupportCodeDialog dialog(code, [this] { return m_stack->now; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.codeLabel()->text(), QStringLiteral("7KQ2-M9XF"));
    QVERIFY(dialog.codeLabel()->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(dialog.validityLabel()->text(), QStringLiteral("Valid for 10:00"));
    m_stack->now = m_stack->now.addSecs(19);
    dialog.refreshCountdown();
    QCOMPARE(dialog.validityLabel()->text(), QStringLiteral("Valid for 9:41"));
    auto* allows = findByName<QLabel>(&dialog, QStringLiteral("What the code allows"));
    QVERIFY(allows);
    QVERIFY(allows->text().contains(QLatin1String("can't change your password or 2-step settings")));
    m_stack->now = m_stack->now.addSecs(600);
    dialog.refreshCountdown();
    QVERIFY(dialog.validityLabel()->text().contains(QLatin1String("expired")));
}

void TestTwoStepDialogs::securityPageSections()
{
    script(QStringLiteral("/v1/account/two-step"),
           {FakeResponse::json(200,
                               QJsonObject{{QStringLiteral("totp"), false},
                                           {QStringLiteral("sms"), true},
                                           {QStringLiteral("email"), true},
                                           {QStringLiteral("recovery_codes_left"), 0},
                                           {QStringLiteral("phone_masked"), QStringLiteral("+44*******12")}})});
    script(QStringLiteral("/v1/account/support-codes"),
           {FakeResponse::json(201,
                               QJsonObject{{QStringLiteral("code"), QStringLiteral("7KQ2-M9XF")},
                                           {QStringLiteral("expires_at"), QStringLiteral("2026-11-25T12:10:00.000Z")},
                                           {QStringLiteral("expires_in"), 600}})});
    AccountService account(m_stack->api.get(), m_stack->session.get());
    PasswordChangeFlow password(m_stack->api.get(), m_stack->stepUp.get());
    TwoStepService twoStep(m_stack->api.get(), m_stack->stepUp.get());
    SupportCodeService supportCodes(m_stack->api.get(), m_stack->stepUp.get());
    SectionNavigator navigator;
    SecurityPage page(&account, {m_stack->stepUp.get(), &password, &twoStep, &supportCodes}, &navigator);
    QSignalSpy dialogs(&page, &SecurityPage::dialogOpened);
    page.resize(700, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.passwordSection());
    QVERIFY(page.twoStepSection());
    QTRY_VERIFY(twoStep.status().has_value());
    const QString status = page.twoStepSection()->statusText();
    QCOMPARE(status, QStringLiteral("Off; ✓ On (+44*******12); ✓ On; None"));
    QVERIFY(page.twoStepSection()->setUpButton()->isVisible());
    QVERIFY(!page.twoStepSection()->turnOffButton()->isVisible());
    QVERIFY(!page.twoStepSection()->newCodesButton()->isVisible());
    // The step-up offers what the account has.
    QStringList methods;
    for (const VerificationMethod* method : page.stepUpFlow()->availableMethods())
        methods.append(method->id());
    QCOMPARE(methods, (QStringList{QStringLiteral("password"), QStringLiteral("email"), QStringLiteral("sms")}));

    // With a valid step-up token the support code appears at once, shown once.
    earnToken();
    page.supportCodeButton()->click();
    QTRY_COMPARE(dialogs.size(), 1);
    auto* dialog = qobject_cast<HolderSupportCodeDialog*>(dialogs.first().first().value<QDialog*>());
    QVERIFY(dialog);
    QCOMPARE(dialog->codeLabel()->text(), QStringLiteral("7KQ2-M9XF"));
    QCOMPARE(dialog->validityLabel()->text(), QStringLiteral("Valid for 10:00"));
    QCOMPARE(m_stack->nam->requests().last().header("X-Step-Up"), QByteArrayLiteral("vst_1"));

    // Email codes stay on; text message codes switch through the service.
    TwoStepSection* section = page.twoStepSection();
    QVERIFY(section->emailBox()->isChecked());
    QVERIFY(!section->emailBox()->isEnabled());
    QVERIFY(section->smsBox()->isChecked());
    QVERIFY(section->smsBox()->isEnabled());
    script(QStringLiteral("/v1/account/two-step/fallbacks"),
           {FakeResponse::json(200,
                               QJsonObject{{QStringLiteral("totp"), false},
                                           {QStringLiteral("sms"), false},
                                           {QStringLiteral("email"), true},
                                           {QStringLiteral("recovery_codes_left"), 0},
                                           {QStringLiteral("phone_masked"), QStringLiteral("+44*******12")}})});
    const int accountLoads = m_stack->nam->count(QStringLiteral("/v1/me"));
    section->smsBox()->click();
    QTRY_VERIFY(twoStep.status() && !twoStep.status()->sms);
    QVERIFY(!section->smsBox()->isChecked());
    // The account overview (Overview tile, the sign-out journey's methods) is read again.
    QTRY_COMPARE(m_stack->nam->count(QStringLiteral("/v1/me")), accountLoads + 1);
    FakeRequest put;
    for (const FakeRequest& request : m_stack->nam->requests()) {
        if (request.path() == QLatin1String("/v1/account/two-step/fallbacks"))
            put = request;
    }
    QCOMPARE(put.method, QByteArrayLiteral("PUT"));
    QCOMPARE(put.json(), (QJsonObject{{QStringLiteral("email"), true}, {QStringLiteral("sms"), false}}));
    QCOMPARE(put.header("X-Step-Up"), QByteArrayLiteral("vst_1"));
    QVERIFY(section->statusText().startsWith(QStringLiteral("Off; Off")));
}

void TestTwoStepDialogs::twoStepActionsOpenTheirDialogs()
{
    QJsonObject on{{QStringLiteral("totp"), true},
                   {QStringLiteral("sms"), false},
                   {QStringLiteral("email"), true},
                   {QStringLiteral("recovery_codes_left"), 3}};
    script(QStringLiteral("/v1/account/two-step"), {FakeResponse::json(200, on)});
    script(QStringLiteral("/v1/account/two-step/recovery-codes"),
           {FakeResponse::json(
               200, QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(tenCodes())}})});
    TwoStepService twoStep(m_stack->api.get(), m_stack->stepUp.get());
    StepUpFlow flow(m_stack->stepUp.get());
    QWidget window;
    auto* section = new TwoStepSection(&twoStep, &flow, &window);
    QSignalSpy dialogs(section, &TwoStepSection::dialogOpened);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    twoStep.reload();
    QTRY_VERIFY(twoStep.status().has_value());
    QVERIFY(!section->setUpButton()->isVisible());
    QVERIFY(section->turnOffButton()->isVisible());
    QVERIFY(section->newCodesButton()->isVisible());
    QVERIFY(!section->smsBox()->isEnabled()); // no verified phone number
    QVERIFY(section->statusText().endsWith(QStringLiteral("3 left")));
    QStringList methods;
    for (const VerificationMethod* method : flow.availableMethods())
        methods.append(method->id());
    QVERIFY(methods.contains(QStringLiteral("totp")) && methods.contains(QStringLiteral("recovery")));

    // Without a token every action asks "Confirm It's You" first.
    section->newCodesButton()->click();
    QCOMPARE(flow.state(), StepUpFlow::State::ChoosingMethod);
    auto* stepUpDialog = window.findChild<StepUpDialog*>();
    QVERIFY(stepUpDialog && stepUpDialog->isVisible());
    stepUpDialog->reject();
    QCOMPARE(flow.state(), StepUpFlow::State::Idle);
    QCOMPARE(dialogs.size(), 0);

    // With one: new recovery codes, shown on the codes page.
    earnToken();
    section->newCodesButton()->click();
    QTRY_COMPARE(dialogs.size(), 1);
    auto* codes = qobject_cast<RecoveryCodesDialog*>(dialogs.last().first().value<QDialog*>());
    QVERIFY(codes);
    QCOMPARE(codes->codesText().count(QLatin1Char('\n')), 10);
    QVERIFY(!codes->doneButton()->isEnabled());
    codes->savedBox()->click();
    codes->doneButton()->click();

    // Turning off asks first; Cancel is the default and sends nothing.
    const int requests = int(m_stack->nam->requests().size());
    section->turnOffButton()->click();
    QTRY_COMPARE(dialogs.size(), 2);
    auto* box = qobject_cast<QMessageBox*>(dialogs.last().first().value<QDialog*>());
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY(findByName<QPushButton>(box, QStringLiteral("Turn Off")));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(int(m_stack->nam->requests().size()), requests);
}

QTEST_MAIN(TestTwoStepDialogs)
#include "TestTwoStepDialogs.moc"
