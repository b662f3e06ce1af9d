// The Security page's sections and dialogs, offscreen, over a faked network: the password form
// (meter, keyboard, field errors, results), "Confirm It's You", authenticator-app set-up, recovery
// codes (Done, the saved file's permissions) and the support code.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/account/AccountService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/pages/SecurityPage.h"
#include "ui/security/HolderSupportCodeDialog.h"
#include "ui/security/PasswordChangeSection.h"
#include "ui/security/QrCodeWidget.h"
#include "ui/security/RecoveryCodesDialog.h"
#include "ui/security/TotpEnrolmentDialog.h"
#include "ui/security/TwoStepSection.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

const QString stepUpPath = QStringLiteral("/v1/step-up");
const QString verifyPath = QStringLiteral("/v1/step-up/verify");
const QString passwordPath = QStringLiteral("/v1/account/password");

FakeResponse challenge(const QString& method = QStringLiteral("password"))
{
    return FakeResponse::json(200,
                              QJsonObject{{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                          {QStringLiteral("method"), method},
                                          {QStringLiteral("expires_in"), 600},
                                          {QStringLiteral("resend_after"), 0}});
}

FakeResponse verified()
{
    return FakeResponse::json(
        200,
        QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
}

QStringList tenCodes()
{
    QStringList codes;
    for (int i = 0; i < 10; ++i)
        codes.append(QStringLiteral("abcd-efgh-%1").arg(i, 4, 10, QLatin1Char('0')));
    return codes;
}

} // namespace

class TestSecurityPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init();
    void cleanup();
    void passwordMeterAndKeyboard();
    void passwordWrongCurrentStaysInItsField();
    void passwordChangeReportsDevicesAndReturnsToSignIn();
    void passwordThrottledAndOffline();
    void stepUpDialogOnlyWithoutToken();
    void totpEnrolmentDialog();
    void recoveryCodesDoneNeedsTheCheckBox();
    void recoveryCodesFileIsOwnerOnly();
    void supportCodeCountsDown();
    void securityPageSections();
    void twoStepActionsOpenTheirDialogs();

private:
    void script(const QString& path, const QList<FakeResponse>& responses) { m_script.insert(path, responses); }
    void earnToken();

    QDateTime m_now;
    QHash<QString, QList<FakeResponse>> m_script;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StepUpService> m_stepUp;
};

void TestSecurityPage::init()
{
    m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    m_script.clear();
    m_nam = std::make_unique<FakeNetworkAccessManager>();
    m_nam->setHandler([this](const FakeRequest& request) {
        auto it = m_script.find(request.path());
        if (it == m_script.end() || it->isEmpty())
            return FakeResponse::error(404, "not_found");
        return it->size() > 1 ? it->takeFirst() : it->constFirst();
    });
    m_session = std::make_unique<Session>();
    const auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
    QVERIFY(tokens.hasValue());
    m_session->setTokens(QUrl(QStringLiteral("http://127.0.0.1:8765")), tokens.value());
    m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
    m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8765")));
    m_stepUp = std::make_unique<StepUpService>(m_api.get(), [this] { return m_now; });
}

void TestSecurityPage::cleanup()
{
    m_stepUp.reset();
    m_api.reset();
    m_session.reset();
    m_nam.reset();
}

void TestSecurityPage::earnToken()
{
    script(stepUpPath, {challenge()});
    script(verifyPath, {verified()});
    bool done = false;
    m_stepUp->begin(QStringLiteral("password"), this, [&](const Expected<StepUpChallenge, ApiError>& result) {
        QVERIFY(result.hasValue());
        m_stepUp->verify(result.value().challenge, QStringLiteral("pw"), this, [&](const Expected<void, ApiError>&) {
            done = true;
        });
    });
    QTRY_VERIFY(done);
    QVERIFY(m_stepUp->validToken().has_value());
}

void TestSecurityPage::passwordMeterAndKeyboard()
{
    PasswordChangeFlow flow(m_api.get(), m_stepUp.get());
    PasswordChangeSection section(&flow);
    section.show();
    QVERIFY(QTest::qWaitForWindowExposed(&section));
    QCOMPARE(section.meter()->value(), 0);
    QVERIFY(section.signOutBox()->isChecked());
    QVERIFY(section.allDevices()->isChecked());
    QVERIFY(!section.changeButton()->isEnabled());

    section.newField()->setFocus();
    QTest::keyClicks(section.newField(), QStringLiteral("abc"));
    const int weak = section.meter()->value();
    QVERIFY(weak <= 1);
    QTest::keyClicks(section.newField(), QStringLiteral(" velvet harbor ninety lantern"));
    QVERIFY2(section.meter()->value() > weak, qPrintable(section.strengthLabel()->text()));
    QVERIFY(!section.strengthLabel()->text().isEmpty());

    // A common password is flagged before the service is asked.
    section.newField()->setText(QStringLiteral("Football"));
    auto* warning = findByName<QLabel>(&section, QStringLiteral("New password problem"));
    QVERIFY(warning && warning->isVisible());
    QVERIFY(warning->text().contains(QLatin1String("common")));
    section.newField()->setText(QStringLiteral("velvet harbor ninety lantern"));
    QVERIFY(!warning->isVisible());

    // Tab walks the form in reading order.
    section.currentField()->setFocus();
    QCOMPARE(QApplication::focusWidget(), section.currentField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), section.newField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), section.confirmField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), section.signOutBox());

    // Unticking the box leaves the choice of devices out.
    section.signOutBox()->setChecked(false);
    QVERIFY(!section.othersOnly()->isEnabled());
    section.signOutBox()->setChecked(true);
    QVERIFY(section.othersOnly()->isEnabled());

    // A mismatch is said at the confirmation field, and nothing is sent.
    section.currentField()->setText(QStringLiteral("old password"));
    section.confirmField()->setText(QStringLiteral("something else"));
    QVERIFY(section.changeButton()->isEnabled());
    QTest::keyClick(section.confirmField(), Qt::Key_Return);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::Mismatch);
    auto* mismatch = findByName<QLabel>(&section, QStringLiteral("Confirmation problem"));
    QVERIFY(mismatch && mismatch->isVisible());
    QCOMPARE(m_nam->requests().size(), 0);
}

void TestSecurityPage::passwordWrongCurrentStaysInItsField()
{
    script(stepUpPath, {challenge()});
    script(verifyPath,
           {FakeResponse::json(401,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_credentials")},
                                           {QStringLiteral("message"), QStringLiteral("no")},
                                           {QStringLiteral("attempts_left"), 4}})});
    PasswordChangeFlow flow(m_api.get(), m_stepUp.get());
    PasswordChangeSection section(&flow);
    section.show();
    QVERIFY(QTest::qWaitForWindowExposed(&section));
    section.currentField()->setText(QStringLiteral("wrong password"));
    section.newField()->setText(QStringLiteral("velvet harbor ninety"));
    section.confirmField()->setText(QStringLiteral("velvet harbor ninety"));
    QTest::keyClick(section.newField(), Qt::Key_Return);
    QCOMPARE(flow.state(), PasswordChangeFlow::State::Working);
    QVERIFY(!section.changeButton()->isEnabled());
    QTRY_COMPARE(flow.state(), PasswordChangeFlow::State::Failed);
    auto* error = findByName<QLabel>(&section, QStringLiteral("Current password problem"));
    QVERIFY(error && error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("current password isn't right")));
    QCOMPARE(QApplication::focusWidget(), section.currentField());
    // Nothing the person typed is lost.
    QCOMPARE(section.currentField()->text(), QStringLiteral("wrong password"));
    QCOMPARE(section.newField()->text(), QStringLiteral("velvet harbor ninety"));
    QCOMPARE(section.confirmField()->text(), QStringLiteral("velvet harbor ninety"));
    QCOMPARE(m_nam->count(passwordPath), 0);
    QCOMPARE(m_nam->requests().last().json().value(QStringLiteral("secret")).toString(),
             QStringLiteral("wrong password"));
}

void TestSecurityPage::passwordChangeReportsDevicesAndReturnsToSignIn()
{
    script(stepUpPath, {challenge()});
    script(verifyPath, {verified()});
    const QJsonArray rows{QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_2")},
                                      {QStringLiteral("name"), QStringLiteral("Living Room TV")},
                                      {QStringLiteral("result"), QStringLiteral("signed_out")}},
                          QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_3")},
                                      {QStringLiteral("name"), QStringLiteral("Kid's Tablet")},
                                      {QStringLiteral("result"), QStringLiteral("pending")}}};
    script(passwordPath,
           {FakeResponse::json(200,
                               QJsonObject{{QStringLiteral("request_id"), QStringLiteral("sor_1")},
                                           {QStringLiteral("results"), rows}})});
    PasswordChangeFlow flow(m_api.get(), m_stepUp.get());
    QSignalSpy back(&flow, &PasswordChangeFlow::returnToSignInRequested);
    PasswordChangeSection section(&flow);
    section.show();
    QVERIFY(QTest::qWaitForWindowExposed(&section));

    // All except this one: the page reports each device and stays.
    section.othersOnly()->setChecked(true);
    section.currentField()->setText(QStringLiteral("old password"));
    section.newField()->setText(QStringLiteral("velvet harbor ninety"));
    section.confirmField()->setText(QStringLiteral("velvet harbor ninety"));
    section.changeButton()->click();
    QTRY_COMPARE(flow.state(), PasswordChangeFlow::State::Done);
    const FakeRequest sent = m_nam->requests().last();
    QCOMPARE(sent.path(), passwordPath);
    QCOMPARE(sent.json().value(QStringLiteral("sign_out")).toString(), QStringLiteral("others"));
    QCOMPARE(sent.json().value(QStringLiteral("current")).toString(), QStringLiteral("old password"));
    QCOMPARE(sent.header("X-Step-Up"), QByteArrayLiteral("vst_1"));
    auto* list = findByName<QListView>(&section, QStringLiteral("Signed-out devices"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->model()->rowCount(), 2);
    QVERIFY(section.currentField()->text().isEmpty()); // the passwords are cleared after success
    QVERIFY(section.newField()->text().isEmpty());
    QVERIFY(section.othersOnly()->isChecked()); // the choice is kept
    QVERIFY(back.isEmpty());

    // Every device: the app is asked to return to sign-in (the token is still valid: no step-up).
    const int stepUps = m_nam->count(stepUpPath);
    section.allDevices()->setChecked(true);
    section.currentField()->setText(QStringLiteral("velvet harbor ninety"));
    section.newField()->setText(QStringLiteral("copper kettle sunrise"));
    section.confirmField()->setText(QStringLiteral("copper kettle sunrise"));
    section.changeButton()->click();
    QVERIFY(back.wait());
    QCOMPARE(flow.state(), PasswordChangeFlow::State::ReturnToSignIn);
    QCOMPARE(m_nam->requests().last().json().value(QStringLiteral("sign_out")).toString(), QStringLiteral("all"));
    QCOMPARE(m_nam->count(stepUpPath), stepUps);
}

void TestSecurityPage::passwordThrottledAndOffline()
{
    earnToken();
    script(passwordPath,
           {FakeResponse::json(429,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("too_many_attempts")},
                                           {QStringLiteral("message"), QStringLiteral("slow down")},
                                           {QStringLiteral("retry_after"), 75}}),
            FakeResponse::transport(QNetworkReply::ConnectionRefusedError)});
    PasswordChangeFlow flow(m_api.get(), m_stepUp.get());
    const QString fresh = QStringLiteral("velvet harbor ninety");
    flow.submit(QStringLiteral("old password"), fresh, fresh, PasswordChangeFlow::SignOut::Others);
    QTRY_COMPARE(flow.state(), PasswordChangeFlow::State::Failed);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::Throttled);
    QCOMPARE(flow.problem().retryAfterSeconds, std::optional<int>(75));
    QCOMPARE(flow.problem().message, QStringLiteral("Too many attempts. Try again in 1:15."));
    QCOMPARE(flow.problem().field, PasswordChangeFlow::Field::None);

    flow.submit(QStringLiteral("old password"), fresh, fresh, PasswordChangeFlow::SignOut::Others);
    QCOMPARE(flow.state(), PasswordChangeFlow::State::Working);
    QTRY_COMPARE(flow.state(), PasswordChangeFlow::State::Failed);
    QCOMPARE(flow.problem().kind, PasswordChangeFlow::ProblemKind::NoConnection);
    QVERIFY(flow.problem().message.contains(QLatin1String("not changed")));
}

void TestSecurityPage::stepUpDialogOnlyWithoutToken()
{
    StepUpFlow flow(m_stepUp.get());
    flow.setAvailableMethods({QStringLiteral("password"), QStringLiteral("email")});
    QWidget parent;
    parent.show();
    int ran = 0;
    script(stepUpPath, {challenge()});
    script(verifyPath, {verified()});
    QPointer<StepUpDialog> dialog = StepUpDialog::ensure(&parent, &flow, QStringLiteral("Because."), [&] { ++ran; });
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Confirm It's You"));
    QCOMPARE(flow.state(), StepUpFlow::State::ChoosingMethod);
    QCOMPARE(ran, 0);
    auto* password = findByName<QRadioButton>(dialog, QStringLiteral("Password"));
    QVERIFY(password);
    password->setChecked(true);
    dialog->page()->defaultButton()->click();
    QTRY_VERIFY(!flow.isBusy());
    QCOMPARE(flow.state(), StepUpFlow::State::Verifying);
    QLineEdit* field = dialog->page()->secretField();
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QTest::keyClicks(field, QStringLiteral("my password"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(ran, 1);
    QCOMPARE(flow.state(), StepUpFlow::State::Verified);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    // A valid token: no dialog, the action runs at once.
    QVERIFY(!StepUpDialog::ensure(&parent, &flow, QStringLiteral("Again."), [&] { ++ran; }));
    QCOMPARE(ran, 2);

    // Cancelled: nothing runs.
    m_stepUp->clearToken();
    dialog = StepUpDialog::ensure(&parent, &flow, QStringLiteral("Once more."), [&] { ++ran; });
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(flow.state(), StepUpFlow::State::Idle);
    QCOMPARE(ran, 2);
}

void TestSecurityPage::totpEnrolmentDialog()
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
    TwoStepService service(m_api.get(), m_stepUp.get());
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
    QCOMPARE(m_nam->requests().last().json().value(QStringLiteral("code")).toString(), QStringLiteral("123456"));
    QCOMPARE(m_nam->requests().last().json().value(QStringLiteral("enrolment")).toString(), QStringLiteral("enr_1"));

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.codeField()->setText(QStringLiteral("654321"));
    dialog.confirmButton()->click();
    QVERIFY(accepted.wait());
    QCOMPARE(dialog.recoveryCodes(), tenCodes());
    QTRY_VERIFY(service.status() && service.status()->totp); // reloaded after the confirmation
}

void TestSecurityPage::recoveryCodesDoneNeedsTheCheckBox()
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

void TestSecurityPage::recoveryCodesFileIsOwnerOnly()
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

void TestSecurityPage::supportCodeCountsDown()
{
    const SupportCode code{QStringLiteral("7KQ2-M9XF"), m_now.addSecs(600)};
    HolderSupportCodeDialog dialog(code, [this] { return m_now; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.codeLabel()->text(), QStringLiteral("7KQ2-M9XF"));
    QVERIFY(dialog.codeLabel()->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(dialog.validityLabel()->text(), QStringLiteral("Valid for 10:00"));
    m_now = m_now.addSecs(19);
    dialog.refreshCountdown();
    QCOMPARE(dialog.validityLabel()->text(), QStringLiteral("Valid for 9:41"));
    auto* allows = findByName<QLabel>(&dialog, QStringLiteral("What the code allows"));
    QVERIFY(allows);
    QVERIFY(allows->text().contains(QLatin1String("can't change your password or 2-step settings")));
    m_now = m_now.addSecs(600);
    dialog.refreshCountdown();
    QVERIFY(dialog.validityLabel()->text().contains(QLatin1String("expired")));
}

void TestSecurityPage::securityPageSections()
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
    AccountService account(m_api.get(), m_session.get());
    PasswordChangeFlow password(m_api.get(), m_stepUp.get());
    TwoStepService twoStep(m_api.get(), m_stepUp.get());
    SupportCodeService supportCodes(m_api.get(), m_stepUp.get());
    SecurityPage page(&account, {m_stepUp.get(), &password, &twoStep, &supportCodes});
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
    QCOMPARE(m_nam->requests().last().header("X-Step-Up"), QByteArrayLiteral("vst_1"));

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
    const int accountLoads = m_nam->count(QStringLiteral("/v1/me"));
    section->smsBox()->click();
    QTRY_VERIFY(twoStep.status() && !twoStep.status()->sms);
    QVERIFY(!section->smsBox()->isChecked());
    // The account overview (Overview tile, the sign-out journey's methods) is read again.
    QTRY_COMPARE(m_nam->count(QStringLiteral("/v1/me")), accountLoads + 1);
    FakeRequest put;
    for (const FakeRequest& request : m_nam->requests()) {
        if (request.path() == QLatin1String("/v1/account/two-step/fallbacks"))
            put = request;
    }
    QCOMPARE(put.method, QByteArrayLiteral("PUT"));
    QCOMPARE(put.json(), (QJsonObject{{QStringLiteral("email"), true}, {QStringLiteral("sms"), false}}));
    QCOMPARE(put.header("X-Step-Up"), QByteArrayLiteral("vst_1"));
    QVERIFY(section->statusText().startsWith(QStringLiteral("Off; Off")));
}

void TestSecurityPage::twoStepActionsOpenTheirDialogs()
{
    QJsonObject on{{QStringLiteral("totp"), true},
                   {QStringLiteral("sms"), false},
                   {QStringLiteral("email"), true},
                   {QStringLiteral("recovery_codes_left"), 3}};
    script(QStringLiteral("/v1/account/two-step"), {FakeResponse::json(200, on)});
    script(QStringLiteral("/v1/account/two-step/recovery-codes"),
           {FakeResponse::json(
               200, QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(tenCodes())}})});
    TwoStepService twoStep(m_api.get(), m_stepUp.get());
    StepUpFlow flow(m_stepUp.get());
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
    const int requests = int(m_nam->requests().size());
    section->turnOffButton()->click();
    QTRY_COMPARE(dialogs.size(), 2);
    auto* box = qobject_cast<QMessageBox*>(dialogs.last().first().value<QDialog*>());
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY(findByName<QPushButton>(box, QStringLiteral("Turn Off")));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(int(m_nam->requests().size()), requests);
}

QTEST_MAIN(TestSecurityPage)
#include "TestSecurityPage.moc"
