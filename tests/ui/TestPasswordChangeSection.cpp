// The Security page's password form, offscreen, over a faked network: meter, keyboard, field errors,
// per-device results and the return to sign-in, throttling and no connection; and "Confirm It's You"
// only when no step-up token is held.
#include "SecurityPageFixture.h"
#include "ui/widgets/InlineMessage.h"

using namespace vigil;
using namespace SecurityPageFixtureData;

class TestPasswordChangeSection final : public QObject, private SecurityPageFixture
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
    void passwordMeterAndKeyboard();
    void passwordWrongCurrentStaysInItsField();
    void passwordChangeReportsDevicesAndReturnsToSignIn();
    void passwordThrottledAndOffline();
    void tooNewSessionIsExplained();
    void stepUpDialogOnlyWithoutToken();
};

void TestPasswordChangeSection::passwordMeterAndKeyboard()
{
    PasswordChangeFlow flow(m_stack->api.get(), m_stack->stepUp.get());
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
    QCOMPARE(m_stack->nam->requests().size(), 0);
}

void TestPasswordChangeSection::passwordWrongCurrentStaysInItsField()
{
    script(stepUpPath, {challenge()});
    script(verifyPath,
           {FakeResponse::json(401,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_credentials")},
                                           {QStringLiteral("message"), QStringLiteral("no")},
                                           {QStringLiteral("attempts_left"), 4}})});
    PasswordChangeFlow flow(m_stack->api.get(), m_stack->stepUp.get());
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
    QCOMPARE(m_stack->nam->count(passwordPath), 0);
    QCOMPARE(m_stack->nam->requests().last().json().value(QStringLiteral("secret")).toString(),
             QStringLiteral("wrong password"));
}

void TestPasswordChangeSection::passwordChangeReportsDevicesAndReturnsToSignIn()
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
    PasswordChangeFlow flow(m_stack->api.get(), m_stack->stepUp.get());
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
    const FakeRequest sent = m_stack->nam->requests().last();
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
    const int stepUps = m_stack->nam->count(stepUpPath);
    section.allDevices()->setChecked(true);
    section.currentField()->setText(QStringLiteral("velvet harbor ninety"));
    section.newField()->setText(QStringLiteral("copper kettle sunrise"));
    section.confirmField()->setText(QStringLiteral("copper kettle sunrise"));
    section.changeButton()->click();
    QVERIFY(back.wait());
    QCOMPARE(flow.state(), PasswordChangeFlow::State::ReturnToSignIn);
    QCOMPARE(m_stack->nam->requests().last().json().value(QStringLiteral("sign_out")).toString(),
             QStringLiteral("all"));
    QCOMPARE(m_stack->nam->count(stepUpPath), stepUps);
}

void TestPasswordChangeSection::passwordThrottledAndOffline()
{
    earnToken();
    script(passwordPath,
           {FakeResponse::json(429,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("too_many_attempts")},
                                           {QStringLiteral("message"), QStringLiteral("slow down")},
                                           {QStringLiteral("retry_after"), 75}}),
            FakeResponse::transport(QNetworkReply::ConnectionRefusedError)});
    PasswordChangeFlow flow(m_stack->api.get(), m_stack->stepUp.get());
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

void TestPasswordChangeSection::tooNewSessionIsExplained()
{
    earnToken();
    script(passwordPath,
           {FakeResponse::json(403,
                               QJsonObject{{QStringLiteral("error"), QStringLiteral("session_too_new")},
                                           {QStringLiteral("message"), QStringLiteral("too new")},
                                           {QStringLiteral("new_until"), QStringLiteral("2026-12-08T09:41:00Z")},
                                           {QStringLiteral("retry_after"), 3600}})});
    PasswordChangeFlow flow(m_stack->api.get(), m_stack->stepUp.get());
    PasswordChangeSection section(&flow);
    section.show();
    QVERIFY(QTest::qWaitForWindowExposed(&section));
    section.currentField()->setText(QStringLiteral("old password"));
    section.newField()->setText(QStringLiteral("velvet harbor ninety"));
    section.confirmField()->setText(QStringLiteral("velvet harbor ninety"));
    section.changeButton()->click();
    QTRY_COMPARE(flow.state(), PasswordChangeFlow::State::Failed);
    // The section's message (named "Error" for screen readers while it shows one).
    auto* message = findByName<InlineMessage>(&section, QStringLiteral("Error"));
    QVERIFY(message && message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("only recently, so until ")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QLatin1String("change security settings")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QLatin1String("someone who has your password from locking you out")),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(
                 QLatin1String("Use a device you've signed in on before, or confirm this one from it.")),
             qPrintable(message->text()));
}

void TestPasswordChangeSection::stepUpDialogOnlyWithoutToken()
{
    StepUpFlow flow(m_stack->stepUp.get());
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
    m_stack->stepUp->clearToken();
    dialog = StepUpDialog::ensure(&parent, &flow, QStringLiteral("Once more."), [&] { ++ran; });
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(flow.state(), StepUpFlow::State::Idle);
    QCOMPARE(ran, 2);
}

QTEST_MAIN(TestPasswordChangeSection)
#include "TestPasswordChangeSection.moc"
