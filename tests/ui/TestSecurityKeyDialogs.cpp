// Security keys in the window, offscreen over a faked network and a played key: "Use a security
// key" first in "Confirm It's You" with each state of the key (no key found, touch it now, PIN,
// wrong PIN, blocked, timed out, not a key of this account, refused answer), "Add a Security Key"
// from the touch to the name, and the Security Keys section's list, Rename… and Remove….
#include "StepUpStack.h"
#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKeyRegistrationFlow.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/security/AddSecurityKeyDialog.h"
#include "ui/security/SecurityKeyPrompt.h"
#include "ui/security/SecurityKeysSection.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace vigil;
using Failure = Authenticator::Failure;

namespace {

const QByteArray credentialId = QByteArrayLiteral("\x01\x02\x03credential");

QJsonObject keyJson(const QString& id, const QString& name, const QJsonValue& lastUsed = QJsonValue::Null)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("algorithm"), QStringLiteral("es256")},
            {QStringLiteral("created_at"), QStringLiteral("2026-11-01T10:00:00Z")},
            {QStringLiteral("last_used_at"), lastUsed}};
}

FakeResponse keyChallenge()
{
    return FakeResponse::json(
        200,
        {{QStringLiteral("challenge"), QStringLiteral("chl_key")},
         {QStringLiteral("method"), QStringLiteral("security_key")},
         {QStringLiteral("expires_in"), 300},
         {QStringLiteral("security_key"),
          QJsonObject{{QStringLiteral("challenge"), QStringLiteral("a2V5")},
                      {QStringLiteral("rp_id"), QStringLiteral("vigil.test")},
                      {QStringLiteral("allow_credentials"), QJsonArray{toBase64Url(credentialId)}},
                      {QStringLiteral("timeout_ms"), 60000}}}});
}

FakeResponse registrationOptions()
{
    return FakeResponse::json(200,
                              {{QStringLiteral("registration_id"), QStringLiteral("reg_1")},
                               {QStringLiteral("challenge"), QStringLiteral("Y2hhbGxlbmdl")},
                               {QStringLiteral("rp"),
                                QJsonObject{{QStringLiteral("id"), QStringLiteral("vigil.test")},
                                            {QStringLiteral("name"), QStringLiteral("Vigil")}}},
                               {QStringLiteral("user"),
                                QJsonObject{{QStringLiteral("id"), toBase64Url("user-42")},
                                            {QStringLiteral("name"), QStringLiteral("dana@vigil.test")}}},
                               {QStringLiteral("algorithms"), QJsonArray{-7, -8}},
                               {QStringLiteral("exclude_credentials"), QJsonArray{}},
                               {QStringLiteral("timeout_ms"), 60000}});
}

} // namespace

class TestSecurityKeyDialogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void stepUpOffersKeyFirst();
    void stepUpKeyStates();
    void stepUpKeyFailures_data();
    void stepUpKeyFailures();
    void stepUpKeyAnswerRefused();
    void addKeyFromTouchToName();
    void addKeyAlreadyAdded();
    void sectionListsRenamesAndRemoves();

private:
    void loadKeys(const QJsonArray& keys);
    void giveStepUpToken();
    void openKeyStepUp();
    void shot(QWidget* widget, const QString& name);

    std::unique_ptr<StepUpStack> m_stack;
    std::unique_ptr<StepUpFlow> m_flow;
    std::unique_ptr<StepUpDialog> m_dialog;
};

// VIGIL_SECURITY_KEY_SCREENSHOTS=<dir>: each state as a PNG too (run under Xvfb to look at them).
void TestSecurityKeyDialogs::shot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SECURITY_KEY_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(widget->window()->grab().save(dir + QStringLiteral("/security-key-") + name + QStringLiteral(".png")));
}

void TestSecurityKeyDialogs::initTestCase()
{
    QCoreApplication::installTranslator(new EnglishPlurals(this));
}

void TestSecurityKeyDialogs::init()
{
    m_stack = std::make_unique<StepUpStack>(QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC), true);
    QVERIFY(m_stack->signedIn);
    m_flow = std::make_unique<StepUpFlow>(m_stack->stepUp.get());
    m_flow->setAvailableMethods({QStringLiteral("password"), QStringLiteral("email")});
}

void TestSecurityKeyDialogs::cleanup()
{
    m_dialog.reset();
    m_flow.reset();
    m_stack.reset();
}

void TestSecurityKeyDialogs::loadKeys(const QJsonArray& keys)
{
    m_stack->nam->setHandler([keys](const FakeRequest&) {
        return FakeResponse::json(200, {{QStringLiteral("keys"), keys}});
    });
    m_stack->securityKeys->reload();
    QTRY_VERIFY(m_stack->securityKeys->isLoaded());
}

void TestSecurityKeyDialogs::giveStepUpToken()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(
            200, {{QStringLiteral("step_up_token"), QStringLiteral("sut_1")}, {QStringLiteral("expires_in"), 300}});
    });
    bool done = false;
    m_stack->stepUp->verify(QStringLiteral("chl"), QStringLiteral("pw"), this, [&done](const auto&) { done = true; });
    QTRY_VERIFY(done);
}

void TestSecurityKeyDialogs::openKeyStepUp()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest&) { return keyChallenge(); });
    m_dialog = std::make_unique<StepUpDialog>(m_flow.get(),
                                              QStringLiteral("Before Vigil signs devices out, confirm that it's you."));
    m_flow->start();
    m_dialog->show();
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    auto* radio = m_dialog->findChild<QRadioButton*>();
    QVERIFY(radio && radio->isChecked());
    m_dialog->page()->defaultButton()->click();
    QTRY_VERIFY(m_flow->authenticator());
}

void TestSecurityKeyDialogs::stepUpOffersKeyFirst()
{
    StepUpDialog dialog(m_flow.get(), QStringLiteral("Before Vigil signs devices out, confirm that it's you."));
    m_flow->start();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChildren<QRadioButton*>().size(), 2);
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    QTRY_COMPARE(dialog.findChildren<QRadioButton*>().size(), 3);
    // The first radio in the layout is the key, and it is the one chosen.
    const auto radios = dialog.findChildren<QRadioButton*>();
    const auto first = std::find_if(radios.cbegin(), radios.cend(), [](const QRadioButton* radio) {
        return radio->text() == QLatin1String("Use a security key");
    });
    QVERIFY(first != radios.cend());
    QVERIFY((*first)->isChecked());
    QCOMPARE((*first)->accessibleName(), QStringLiteral("Use a security key"));
    shot(&dialog, QStringLiteral("choice"));
}

void TestSecurityKeyDialogs::stepUpKeyStates()
{
    openKeyStepUp();
    SecurityKeyPrompt* prompt = m_dialog->page()->securityKeyPrompt();
    QVERIFY(prompt->isVisible());
    QVERIFY(!m_dialog->page()->secretField()->isVisible());
    QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("No security key found. Insert your security key."));
    QCOMPARE(prompt->promptLabel()->accessibleDescription(), prompt->promptLabel()->text());
    shot(m_dialog.get(), QStringLiteral("no-key"));

    FakeAuthenticator* key = m_stack->keys.last;
    key->touchNow();
    QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("Touch your security key now."));
    QVERIFY(!prompt->pinField()->isVisible());
    shot(m_dialog.get(), QStringLiteral("touch"));

    key->askPin(8);
    QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("Enter your security key's PIN."));
    QVERIFY(prompt->pinField()->isVisible());
    QCOMPARE(prompt->pinField()->echoMode(), QLineEdit::Password);
    QCOMPARE(prompt->pinField()->accessibleName(), QStringLiteral("Security key PIN"));
    QTRY_VERIFY(prompt->pinField()->hasFocus());
    QVERIFY(!prompt->pinButton()->isEnabled());
    QTest::keyClicks(prompt->pinField(), QStringLiteral("0000"));
    QVERIFY(prompt->pinButton()->isEnabled());
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    // Return sends the PIN, and only that: Cancel, where the keyboard started, is not the default.
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_flow->authenticator(), key);
    QCOMPARE(key->pins, QStringList{QStringLiteral("0000")});
    QVERIFY(prompt->pinField()->text().isEmpty());

    key->wrongPin(3);
    QCOMPARE(prompt->promptLabel()->text(),
             QStringLiteral("That PIN isn't right. 3 attempts left before the key is blocked."));
    QVERIFY(prompt->pinField()->isVisible());
    shot(m_dialog.get(), QStringLiteral("wrong-pin"));
    QTest::keyClicks(prompt->pinField(), QStringLiteral("1234"));
    prompt->pinButton()->click();
    QCOMPARE(key->pins.last(), QStringLiteral("1234"));
    QVERIFY(!prompt->pinField()->isVisible());

    // Esc cancels the dialog, and the key stops waiting.
    QTest::keyClick(m_dialog->page(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(!m_flow->authenticator());
}

void TestSecurityKeyDialogs::stepUpKeyFailures_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("retry");
    QTest::newRow("no key found") << Failure::NoKeyFound << "No security key was found. Insert it and try again."
                                  << true;
    QTest::newRow("timed out") << Failure::TimedOut << "Your security key wasn't touched in time. Try again." << true;
    QTest::newRow("not this account") << Failure::NotRegistered
                                      << "This security key isn't one of your account's keys. Try another key." << true;
    QTest::newRow("key blocked") << Failure::KeyBlocked
                                 << "Your security key is locked after several wrong PINs. Remove it, insert it "
                                    "again and try again."
                                 << true;
    QTest::newRow("pin blocked") << Failure::PinBlocked
                                 << "Your security key is blocked: its PIN was entered wrongly too often. It must be "
                                    "reset before it can be used again. Choose another way to confirm."
                                 << false;
}

void TestSecurityKeyDialogs::stepUpKeyFailures()
{
    QFETCH(Failure, failure);
    QFETCH(QString, text);
    QFETCH(bool, retry);
    openKeyStepUp();
    SecurityKeyPrompt* prompt = m_dialog->page()->securityKeyPrompt();
    m_stack->keys.last->fail(failure);
    QCOMPARE(prompt->problem()->text(), text);
    QVERIFY(prompt->problem()->isVisible());
    QCOMPARE(prompt->retryButton()->isVisible(), retry);
    shot(m_dialog.get(),
         QStringLiteral("failed-") +
             QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    if (retry) {
        prompt->retryButton()->click();
        QCOMPARE(m_stack->keys.made, 2);
        QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("No security key found. Insert your security key."));
        QVERIFY(!prompt->retryButton()->isVisible());
        QVERIFY(!prompt->problem()->isVisible());
    }
}

void TestSecurityKeyDialogs::stepUpKeyAnswerRefused()
{
    openKeyStepUp();
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(401,
                                  {{QStringLiteral("error"), QStringLiteral("invalid_code")},
                                   {QStringLiteral("message"), QStringLiteral("Not accepted.")},
                                   {QStringLiteral("attempts_left"), 2}});
    });
    m_stack->keys.last->answerAssertion({credentialId, QByteArrayLiteral("auth"), QByteArrayLiteral("bad")});
    auto* problem = m_dialog->page()->findChild<InlineMessage*>();
    QVERIFY(problem);
    QTRY_COMPARE(problem->text(), QStringLiteral("Vigil didn't accept your security key's answer. 2 attempts left."));
    const auto buttons = m_dialog->findChildren<QPushButton*>();
    const auto tryAgain = std::find_if(buttons.cbegin(), buttons.cend(), [](const QPushButton* button) {
        return button->text() == QLatin1String("Try Again") && button->isVisible();
    });
    QVERIFY(tryAgain != buttons.cend());
    (*tryAgain)->click();
    QCOMPARE(m_stack->keys.made, 2);

    // The right answer closes the dialog.
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(
            200, {{QStringLiteral("step_up_token"), QStringLiteral("sut_key")}, {QStringLiteral("expires_in"), 300}});
    });
    QSignalSpy accepted(m_dialog.get(), &QDialog::accepted);
    m_stack->keys.last->answerAssertion({credentialId, QByteArrayLiteral("auth"), QByteArrayLiteral("good")});
    QTRY_COMPARE(accepted.count(), 1);
}

void TestSecurityKeyDialogs::addKeyFromTouchToName()
{
    loadKeys({keyJson(QStringLiteral("sk_0"), QStringLiteral("Security key"))});
    giveStepUpToken();
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path().endsWith(QLatin1String("/registrations")))
            return registrationOptions();
        return FakeResponse::json(
            201, keyJson(QStringLiteral("sk_1"), request.json().value(QLatin1String("name")).toString()));
    });
    SecurityKeyRegistrationFlow flow(m_stack->securityKeys.get());
    AddSecurityKeyDialog dialog(&flow, m_flow.get());
    flow.start();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add a Security Key"));
    QTRY_COMPARE(flow.state(), SecurityKeyRegistrationFlow::State::UsingKey);
    SecurityKeyPrompt* prompt = dialog.prompt();
    QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("No security key found. Insert your security key."));
    QVERIFY(!dialog.primaryButton()->isVisible()); // nothing to press while the key is asked
    QVERIFY(dialog.cancelButton()->isVisible());
    FakeAuthenticator* key = m_stack->keys.last;
    key->askPin(8);
    QVERIFY(prompt->pinField()->isVisible());
    shot(&dialog, QStringLiteral("add-pin"));
    QTest::keyClicks(prompt->pinField(), QStringLiteral("1234"));
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    QCOMPARE(key->pins, QStringList{QStringLiteral("1234")});
    key->touchNow();
    QCOMPARE(prompt->promptLabel()->text(), QStringLiteral("Touch your security key now."));
    shot(&dialog, QStringLiteral("add-touch"));

    key->answerCredential({credentialId, QByteArrayLiteral("authdata"), QStringLiteral("none")});
    QVERIFY(dialog.nameField()->isVisible());
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("Security key 2"));
    QCOMPARE(dialog.nameField()->accessibleName(), QStringLiteral("Security key name"));
    QCOMPARE(dialog.primaryButton()->text(), QStringLiteral("Add Key"));
    QVERIFY(dialog.primaryButton()->isEnabled());
    dialog.nameField()->clear();
    QVERIFY(!dialog.primaryButton()->isEnabled());
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Blue key on my keyring"));
    shot(&dialog, QStringLiteral("add-name"));
    QTest::keyClick(dialog.nameField(), Qt::Key_Return);
    QTRY_COMPARE(flow.state(), SecurityKeyRegistrationFlow::State::Done);
    QVERIFY(dialog.doneLabel()->isVisible());
    QCOMPARE(dialog.doneLabel()->text(),
             QStringLiteral("“Blue key on my keyring” is added. The next time Vigil asks you to confirm it's you, you "
                            "can use this key."));
    QVERIFY(!dialog.cancelButton()->isVisible());
    QCOMPARE(dialog.primaryButton()->text(), QStringLiteral("Done"));
    shot(&dialog, QStringLiteral("add-done"));
    dialog.primaryButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSecurityKeyDialogs::addKeyAlreadyAdded()
{
    giveStepUpToken();
    m_stack->nam->setHandler([](const FakeRequest&) { return registrationOptions(); });
    SecurityKeyRegistrationFlow flow(m_stack->securityKeys.get());
    AddSecurityKeyDialog dialog(&flow, m_flow.get());
    flow.start();
    dialog.show();
    QTRY_COMPARE(flow.state(), SecurityKeyRegistrationFlow::State::UsingKey);
    m_stack->keys.last->fail(Failure::AlreadyRegistered);
    QCOMPARE(dialog.prompt()->problem()->text(), QStringLiteral("This security key is already added to your account."));
    QVERIFY(!dialog.prompt()->retryButton()->isVisible());
    QVERIFY(!dialog.primaryButton()->isVisible());
    shot(&dialog, QStringLiteral("add-already"));

    // The service refusing the key is said below, with Try Again.
    m_stack->keys.last->fail(Failure::TimedOut);
    QVERIFY(dialog.prompt()->retryButton()->isVisible());
    dialog.prompt()->retryButton()->click();
    QTRY_COMPARE(flow.state(), SecurityKeyRegistrationFlow::State::UsingKey);
    m_stack->keys.last->answerCredential({credentialId, QByteArrayLiteral("authdata"), QStringLiteral("none")});
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(422,
                                  {{QStringLiteral("error"), QStringLiteral("invalid_field")},
                                   {QStringLiteral("message"), QStringLiteral("The attestation is not valid.")}});
    });
    dialog.primaryButton()->click();
    QTRY_COMPARE(flow.state(), SecurityKeyRegistrationFlow::State::Failed);
    QVERIFY(dialog.problem()->text().startsWith(QStringLiteral("The key wasn't added.")));
    QVERIFY(dialog.primaryButton()->isVisible());
    QCOMPARE(dialog.primaryButton()->text(), QStringLiteral("Try Again"));
    dialog.reject();
    QCOMPARE(flow.state(), SecurityKeyRegistrationFlow::State::Idle);
}

void TestSecurityKeyDialogs::sectionListsRenamesAndRemoves()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(
            200,
            {{QStringLiteral("keys"),
              QJsonArray{
                  keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"), QStringLiteral("2026-12-07T11:58:00Z")),
                  keyJson(QStringLiteral("sk_2"), QStringLiteral("Travel key"))}}});
    });
    QWidget window;
    auto* section = new SecurityKeysSection(m_stack->securityKeys.get(), m_flow.get(), &window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(section);
    layout->addStretch(1);
    window.resize(640, 360);
    window.show();
    QTRY_COMPARE(section->list()->count(), 2);
    QCOMPARE(section->title(), QStringLiteral("Security Keys"));
    QCOMPARE(section->list()->item(0)->text(), QStringLiteral("Desk key — Last used 2 minutes ago"));
    QCOMPARE(section->list()->item(0)->data(Qt::AccessibleTextRole).toString(), QStringLiteral("Desk key"));
    QCOMPARE(section->list()->item(1)->text(), QStringLiteral("Travel key — Never used"));
    QVERIFY(section->addButton()->isEnabled());
    QVERIFY(section->renameButton()->isEnabled());
    QCOMPARE(section->addButton()->text(), QStringLiteral("Add a Key…"));
    shot(section, QStringLiteral("section"));

    // Rename…: the name goes with PATCH and the row follows.
    QDialog* opened = nullptr;
    connect(section, &SecurityKeysSection::dialogOpened, this, [&opened](QDialog* dialog) { opened = dialog; });
    section->list()->setCurrentRow(1);
    section->renameButton()->click();
    auto* rename = qobject_cast<QInputDialog*>(opened);
    QVERIFY(rename);
    QCOMPARE(rename->textValue(), QStringLiteral("Travel key"));
    m_stack->nam->setHandler([](const FakeRequest& request) {
        return FakeResponse::json(
            200, keyJson(QStringLiteral("sk_2"), request.json().value(QLatin1String("name")).toString()));
    });
    rename->setTextValue(QStringLiteral("Spare key"));
    rename->accept();
    QTRY_COMPARE(section->list()->item(1)->text(), QStringLiteral("Spare key — Never used"));
    QCOMPARE(m_stack->nam->requests().last().method, QByteArray("PATCH"));

    // Remove…: Cancel is the default; removing asks "Confirm It's You" first.
    section->list()->setCurrentRow(0);
    section->removeButton()->click();
    auto* box = qobject_cast<QMessageBox*>(opened);
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Remove “Desk key”?"));
    QCOMPARE(box->defaultButton()->text(), QStringLiteral("Cancel"));
    shot(box, QStringLiteral("remove"));
    QAbstractButton* remove = nullptr;
    for (QAbstractButton* button : box->buttons()) {
        if (button->text() == QLatin1String("Remove Key"))
            remove = button;
    }
    QVERIFY(remove);
    remove->click();
    StepUpDialog* stepUp = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<StepUpDialog*>(widget); dialog && dialog->isVisible())
            stepUp = dialog;
    }
    QVERIFY(stepUp);
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/step-up/verify"))
            return FakeResponse::json(
                200, {{QStringLiteral("step_up_token"), QStringLiteral("sut_1")}, {QStringLiteral("expires_in"), 300}});
        if (request.method == "DELETE")
            return FakeResponse::json(404,
                                      {{QStringLiteral("error"), QStringLiteral("not_found")},
                                       {QStringLiteral("message"), QStringLiteral("No such key.")}});
        return FakeResponse::json(200,
                                  {{QStringLiteral("challenge"), QStringLiteral("chl_pw")},
                                   {QStringLiteral("method"), QStringLiteral("password")},
                                   {QStringLiteral("expires_in"), 300}});
    });
    // The key is offered first; this test confirms with the password instead.
    m_flow->chooseMethod(QStringLiteral("password"));
    QTRY_VERIFY(!m_flow->isBusy());
    stepUp->page()->secretField()->setText(QStringLiteral("correct horse"));
    m_flow->submitSecret(QStringLiteral("correct horse"));
    QTRY_VERIFY(section->message()->isVisible());
    QVERIFY(section->message()->text().startsWith(QStringLiteral("The key wasn't removed. ")));
    QCOMPARE(m_stack->nam->requests().last().header("X-Step-Up"), QByteArray("sut_1"));
    QCOMPARE(section->list()->count(), 2);
}

QTEST_MAIN(TestSecurityKeyDialogs)
#include "TestSecurityKeyDialogs.moc"
