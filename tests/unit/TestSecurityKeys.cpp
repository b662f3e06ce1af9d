#include "StepUpStack.h"
#include "core/securitykeys/AuthenticatorText.h"
#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKeyRegistrationFlow.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using KeyState = Authenticator::State;
using Failure = Authenticator::Failure;
using RegState = SecurityKeyRegistrationFlow::State;

namespace {

const QByteArray credentialId = QByteArrayLiteral("\x01\x02\x03credential");
const QByteArray otherCredentialId = QByteArrayLiteral("\x09\x08other");

QJsonObject keyJson(const QString& id, const QString& name, const QJsonValue& lastUsed = QJsonValue::Null)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("algorithm"), QStringLiteral("es256")},
            {QStringLiteral("created_at"), QStringLiteral("2026-11-01T10:00:00Z")},
            {QStringLiteral("last_used_at"), lastUsed}};
}

} // namespace

// The app's side of security keys over a faked service and a played key: the client data the key
// signs, the registration flow, the step-up with a key, and the words for each key state.
class TestSecurityKeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void clientDataIsWebAuthns();
    void base64UrlHasNoPadding();
    void listsKeys();
    void registersKeyWithPinAndName();
    void registrationNeedsStepUp();
    void registrationKeyFailures_data();
    void registrationKeyFailures();
    void renameAndRemove();
    void stepUpOffersKeyFirst();
    void stepUpWithKey();
    void stepUpKeyNotOfAccountThenRetry();
    void stepUpKeyAnswerRefused();
    void stepUpKeyPin();
    void texts_data();
    void texts();

private:
    void giveStepUpToken();
    void loadKeys(const QJsonArray& keys);
    QJsonObject registrationOptions() const;

    std::unique_ptr<StepUpStack> m_stack;
};

void TestSecurityKeys::initTestCase()
{
    QCoreApplication::installTranslator(new EnglishPlurals(this));
}

void TestSecurityKeys::init()
{
    m_stack = std::make_unique<StepUpStack>(QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC), true);
    QVERIFY(m_stack->signedIn);
}

void TestSecurityKeys::cleanup()
{
    m_stack.reset();
}

void TestSecurityKeys::giveStepUpToken()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(
            200, {{QStringLiteral("step_up_token"), QStringLiteral("sut_1")}, {QStringLiteral("expires_in"), 300}});
    });
    bool done = false;
    m_stack->stepUp->verify(QStringLiteral("chl"), QStringLiteral("pw"), this, [&done](const auto&) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(m_stack->stepUp->validToken());
}

void TestSecurityKeys::loadKeys(const QJsonArray& keys)
{
    m_stack->nam->setHandler([keys](const FakeRequest&) {
        return FakeResponse::json(200, {{QStringLiteral("keys"), keys}});
    });
    QSignalSpy changed(m_stack->securityKeys.get(), &SecurityKeyService::keysChanged);
    m_stack->securityKeys->reload();
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(m_stack->securityKeys->isLoaded());
}

QJsonObject TestSecurityKeys::registrationOptions() const
{
    return {{QStringLiteral("registration_id"), QStringLiteral("reg_1")},
            {QStringLiteral("challenge"), QStringLiteral("Y2hhbGxlbmdl")},
            {QStringLiteral("rp"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("vigil.test")},
                         {QStringLiteral("name"), QStringLiteral("Vigil")}}},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("id"), toBase64Url("user-42")},
                         {QStringLiteral("name"), QStringLiteral("dana@vigil.test")},
                         {QStringLiteral("display_name"), QStringLiteral("Dana")}}},
            {QStringLiteral("algorithms"), QJsonArray{-7, -8}},
            {QStringLiteral("exclude_credentials"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                    {QStringLiteral("id"), toBase64Url(otherCredentialId)}}}},
            {QStringLiteral("timeout_ms"), 60000}};
}

void TestSecurityKeys::clientDataIsWebAuthns()
{
    const ClientData data = ClientData::make(ClientData::Type::Get, QStringLiteral("abc-_9"));
    QCOMPARE(data.json,
             QByteArray("{\"type\":\"webauthn.get\",\"challenge\":\"abc-_9\",\"origin\":\"https://vigil.test\"}"));
    QCOMPARE(data.hash, QCryptographicHash::hash(data.json, QCryptographicHash::Sha256));
    const ClientData create = ClientData::make(ClientData::Type::Create, QStringLiteral("x\"y"));
    QCOMPARE(create.json,
             QByteArray("{\"type\":\"webauthn.create\",\"challenge\":\"x\\\"y\",\"origin\":\"https://vigil.test\"}"));
}

void TestSecurityKeys::base64UrlHasNoPadding()
{
    QCOMPARE(toBase64Url(QByteArrayLiteral("\xfb\xff")), QStringLiteral("-_8"));
    QCOMPARE(fromBase64Url(QStringLiteral("-_8")), QByteArrayLiteral("\xfb\xff"));
    QVERIFY(fromBase64Url(QStringLiteral("not base64!")).isEmpty());
}

void TestSecurityKeys::listsKeys()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"), QStringLiteral("2026-12-06T09:30:00Z")),
              keyJson(QStringLiteral("sk_2"), QStringLiteral("Travel key"))});
    QCOMPARE(m_stack->securityKeys->keys().size(), 2);
    QCOMPARE(m_stack->securityKeys->keys().at(0).name, QStringLiteral("Desk key"));
    QCOMPARE(m_stack->securityKeys->keys().at(0).lastUsedAt, QDateTime(QDate(2026, 12, 6), QTime(9, 30), Qt::UTC));
    QVERIFY(!m_stack->securityKeys->keys().at(1).lastUsedAt.isValid());
    QCOMPARE(m_stack->nam->requests().last().path(), QStringLiteral("/v1/account/security-keys"));
}

void TestSecurityKeys::registersKeyWithPinAndName()
{
    loadKeys({keyJson(QStringLiteral("sk_0"), QStringLiteral("Security key"))});
    giveStepUpToken();
    m_stack->nam->setHandler([this](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/account/security-keys/registrations"))
            return FakeResponse::json(200, registrationOptions());
        return FakeResponse::json(
            201, keyJson(QStringLiteral("sk_1"), request.json().value(QLatin1String("name")).toString()));
    });
    SecurityKeyRegistrationFlow flow(m_stack->securityKeys.get());
    flow.start();
    QCOMPARE(flow.state(), RegState::Preparing);
    QTRY_COMPARE(flow.state(), RegState::UsingKey);
    QCOMPARE(m_stack->nam->requests().last().header("X-Step-Up"), QByteArray("sut_1"));

    FakeAuthenticator* key = m_stack->keys.last;
    QVERIFY(key && key->credentialRequest);
    const CredentialRequest& asked = *key->credentialRequest;
    const ClientData expected = ClientData::make(ClientData::Type::Create, QStringLiteral("Y2hhbGxlbmdl"));
    QCOMPARE(asked.clientDataHash, expected.hash);
    QCOMPARE(asked.rpId, QStringLiteral("vigil.test"));
    QCOMPARE(asked.userId, QByteArray("user-42"));
    QCOMPARE(asked.userName, QStringLiteral("dana@vigil.test"));
    QCOMPARE(asked.algorithms, (QList<int>{-7, -8}));
    QCOMPARE(asked.excludeCredentials, QList<QByteArray>{otherCredentialId});

    key->askPin(8);
    QCOMPARE(flow.state(), RegState::UsingKey);
    flow.providePin(QStringLiteral("1234"));
    QCOMPARE(key->pins, QStringList{QStringLiteral("1234")});
    key->touchNow();
    key->answerCredential({credentialId, QByteArrayLiteral("authdata"), QStringLiteral("packed")});
    QCOMPARE(flow.state(), RegState::Naming);
    QCOMPARE(flow.suggestedName(), QStringLiteral("Security key 2"));
    QVERIFY(!SecurityKeyRegistrationFlow::isValidName(QStringLiteral("   ")));
    QVERIFY(!SecurityKeyRegistrationFlow::isValidName(QString(65, QLatin1Char('k'))));

    flow.save(QStringLiteral("  Desk key "));
    QCOMPARE(flow.state(), RegState::Saving);
    QTRY_COMPARE(flow.state(), RegState::Done);
    const FakeRequest& saved = m_stack->nam->requests().last();
    QCOMPARE(saved.method, QByteArray("POST"));
    QCOMPARE(saved.path(), QStringLiteral("/v1/account/security-keys"));
    const QJsonObject body = saved.json();
    QCOMPARE(body.value(QLatin1String("registration_id")).toString(), QStringLiteral("reg_1"));
    QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("Desk key"));
    QCOMPARE(fromBase64Url(body.value(QLatin1String("client_data_json")).toString()), expected.json);
    QCOMPARE(body.value(QLatin1String("authenticator_data")).toString(), toBase64Url("authdata"));
    QCOMPARE(body.value(QLatin1String("attestation_format")).toString(), QStringLiteral("packed"));
    QVERIFY(!body.value(QLatin1String("client_data_json")).toString().contains(QLatin1Char('=')));
    QCOMPARE(flow.savedKey()->name, QStringLiteral("Desk key"));
    QCOMPARE(m_stack->securityKeys->keys().size(), 2);
}

void TestSecurityKeys::registrationNeedsStepUp()
{
    SecurityKeyRegistrationFlow flow(m_stack->securityKeys.get());
    flow.start();
    QCOMPARE(flow.state(), RegState::Failed);
    QVERIFY(flow.needsStepUp());
    QVERIFY(flow.canRetry());
    QCOMPARE(flow.problemText(), QStringLiteral("Your verification has expired. Confirm it's you again."));
    QCOMPARE(m_stack->nam->requests().size(), 0);
    QCOMPARE(m_stack->keys.made, 0);
}

void TestSecurityKeys::registrationKeyFailures_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<bool>("canRetry");
    QTest::addColumn<QString>("text");
    QTest::newRow("no key") << Failure::NoKeyFound << true << "No security key was found. Insert it and try again.";
    QTest::newRow("timed out") << Failure::TimedOut << true << "Your security key wasn't touched in time. Try again.";
    QTest::newRow("already added") << Failure::AlreadyRegistered << false
                                   << "This security key is already added to your account.";
    QTest::newRow("cancelled") << Failure::Cancelled << true << "Adding the key was cancelled.";
}

void TestSecurityKeys::registrationKeyFailures()
{
    QFETCH(Failure, failure);
    giveStepUpToken();
    m_stack->nam->setHandler([this](const FakeRequest&) { return FakeResponse::json(200, registrationOptions()); });
    SecurityKeyRegistrationFlow flow(m_stack->securityKeys.get());
    flow.start();
    QTRY_COMPARE(flow.state(), RegState::UsingKey);
    m_stack->keys.last->fail(failure);
    QCOMPARE(flow.state(), RegState::Failed);
    QVERIFY(!flow.needsStepUp());
    QTEST(flow.canRetry(), "canRetry");
    QTEST(flow.problemText(), "text");
    flow.retry();
    QTRY_COMPARE(flow.state(), RegState::UsingKey);
    QCOMPARE(m_stack->keys.made, 2);
}

void TestSecurityKeys::renameAndRemove()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.method == "PATCH")
            return FakeResponse::json(
                200, keyJson(QStringLiteral("sk_1"), request.json().value(QLatin1String("name")).toString()));
        return FakeResponse::raw(204, {}, "application/json");
    });
    bool renamed = false;
    m_stack->securityKeys->rename(QStringLiteral("sk_1"),
                                  QStringLiteral("Blue key"),
                                  this,
                                  [&renamed](const auto& key) { renamed = key.hasValue(); });
    QTRY_VERIFY(renamed);
    QCOMPARE(m_stack->nam->requests().last().path(), QStringLiteral("/v1/account/security-keys/sk_1"));
    QCOMPARE(m_stack->securityKeys->keys().first().name, QStringLiteral("Blue key"));

    std::optional<ApiError> refused;
    m_stack->securityKeys->remove(
        QStringLiteral("sk_1"), this, [&refused](const Expected<bool, ApiError>& result) { refused = result.error(); });
    QCOMPARE(refused->code(), ApiError::Code::StepUpRequired); // no request without a step-up token

    giveStepUpToken();
    m_stack->nam->setHandler([](const FakeRequest&) { return FakeResponse::raw(204, {}, "application/json"); });
    bool removed = false;
    m_stack->securityKeys->remove(QStringLiteral("sk_1"), this, [&removed](const Expected<bool, ApiError>& result) {
        removed = result.hasValue();
    });
    QTRY_VERIFY(removed);
    QCOMPARE(m_stack->nam->requests().last().method, QByteArray("DELETE"));
    QCOMPARE(m_stack->nam->requests().last().header("X-Step-Up"), QByteArray("sut_1"));
    QVERIFY(!m_stack->securityKeys->hasKeys());
}

void TestSecurityKeys::stepUpOffersKeyFirst()
{
    StepUpFlow flow(m_stack->stepUp.get());
    flow.setAvailableMethods({QStringLiteral("password"), QStringLiteral("email")});
    QCOMPARE(flow.availableMethods().size(), 2);
    QSignalSpy changed(&flow, &StepUpFlow::verificationChanged);
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    QVERIFY(changed.count() >= 1);
    const auto methods = flow.availableMethods();
    QCOMPARE(methods.size(), 3);
    QCOMPARE(methods.first()->id(), QStringLiteral("security_key"));
    QCOMPARE(methods.first()->label(), QStringLiteral("Use a security key"));
    QVERIFY(methods.first()->usesSecurityKey());
}

namespace {

FakeResponse keyChallenge()
{
    return FakeResponse::json(
        200,
        {{QStringLiteral("challenge"), QStringLiteral("chl_key")},
         {QStringLiteral("method"), QStringLiteral("security_key")},
         {QStringLiteral("expires_in"), 300},
         {QStringLiteral("security_key"),
          QJsonObject{{QStringLiteral("challenge"), QStringLiteral("a2V5LWNoYWxsZW5nZQ")},
                      {QStringLiteral("rp_id"), QStringLiteral("vigil.test")},
                      {QStringLiteral("allow_credentials"), QJsonArray{toBase64Url(credentialId)}},
                      {QStringLiteral("user_verification"), QStringLiteral("preferred")},
                      {QStringLiteral("timeout_ms"), 60000}}}});
}

} // namespace

void TestSecurityKeys::stepUpWithKey()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/step-up"))
            return keyChallenge();
        return FakeResponse::json(
            200, {{QStringLiteral("step_up_token"), QStringLiteral("sut_key")}, {QStringLiteral("expires_in"), 300}});
    });
    StepUpFlow flow(m_stack->stepUp.get());
    flow.start();
    flow.chooseMethod(QStringLiteral("security_key"));
    QCOMPARE(flow.state(), StepUpFlow::State::Verifying);
    QTRY_VERIFY(flow.authenticator());
    QCOMPARE(m_stack->nam->requests().last().path(), QStringLiteral("/v1/step-up"));
    QCOMPARE(m_stack->nam->requests().last().json().value(QLatin1String("method")).toString(),
             QStringLiteral("security_key"));
    FakeAuthenticator* key = m_stack->keys.last;
    QVERIFY(key->assertionRequest);
    const ClientData expected = ClientData::make(ClientData::Type::Get, QStringLiteral("a2V5LWNoYWxsZW5nZQ"));
    QCOMPARE(key->assertionRequest->clientDataHash, expected.hash);
    QCOMPARE(key->assertionRequest->rpId, QStringLiteral("vigil.test"));
    QCOMPARE(key->assertionRequest->allowCredentials, QList<QByteArray>{credentialId});
    QCOMPARE(flow.authenticator()->state(), KeyState::Searching);
    key->touchNow();

    QSignalSpy verified(&flow, &StepUpFlow::verified);
    key->answerAssertion({credentialId, QByteArrayLiteral("auth"), QByteArrayLiteral("sig")});
    QTRY_COMPARE(verified.count(), 1);
    QCOMPARE(m_stack->stepUp->validToken(), QStringLiteral("sut_key"));
    // After the verification, the list is read again for the key's new "last used".
    QCOMPARE(m_stack->nam->requests().last().path(), QStringLiteral("/v1/account/security-keys"));
    const FakeRequest& verify = m_stack->nam->requests().at(m_stack->nam->requests().size() - 2);
    QCOMPARE(verify.path(), QStringLiteral("/v1/step-up/verify"));
    const QJsonObject body = verify.json();
    QCOMPARE(body.value(QLatin1String("challenge")).toString(), QStringLiteral("chl_key"));
    QVERIFY(!body.contains(QLatin1String("secret")));
    const QJsonObject assertion = body.value(QLatin1String("assertion")).toObject();
    QCOMPARE(assertion.value(QLatin1String("credential_id")).toString(), toBase64Url(credentialId));
    QCOMPARE(fromBase64Url(assertion.value(QLatin1String("client_data_json")).toString()), expected.json);
    QCOMPARE(assertion.value(QLatin1String("authenticator_data")).toString(), toBase64Url("auth"));
    QCOMPARE(assertion.value(QLatin1String("signature")).toString(), toBase64Url("sig"));
}

void TestSecurityKeys::stepUpKeyNotOfAccountThenRetry()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest&) { return keyChallenge(); });
    StepUpFlow flow(m_stack->stepUp.get());
    flow.start();
    flow.chooseMethod(QStringLiteral("security_key"));
    QTRY_VERIFY(flow.authenticator());
    m_stack->keys.last->fail(Failure::NotRegistered);
    QCOMPARE(flow.state(), StepUpFlow::State::Verifying);
    QCOMPARE(AuthenticatorText::failure(*flow.authenticator()),
             QStringLiteral("This security key isn't one of your account's keys. Try another key."));
    const int requests = m_stack->nam->requests().size();
    flow.retrySecurityKey();
    QCOMPARE(m_stack->keys.made, 2);
    QCOMPARE(flow.authenticator()->state(), KeyState::Searching);
    QCOMPARE(m_stack->nam->requests().size(), requests); // the challenge is still good: no new one

    // Choosing another method lets go of the key.
    QPointer<FakeAuthenticator> key = m_stack->keys.last;
    flow.chooseAnotherMethod();
    QVERIFY(!key);
    QVERIFY(!flow.authenticator());
}

void TestSecurityKeys::stepUpKeyAnswerRefused()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/step-up"))
            return keyChallenge();
        FakeResponse response =
            FakeResponse::json(401,
                               {{QStringLiteral("error"), QStringLiteral("invalid_code")},
                                {QStringLiteral("message"), QStringLiteral("The assertion was not accepted.")},
                                {QStringLiteral("attempts_left"), 2}});
        return response;
    });
    StepUpFlow flow(m_stack->stepUp.get());
    flow.start();
    flow.chooseMethod(QStringLiteral("security_key"));
    QTRY_VERIFY(flow.authenticator());
    m_stack->keys.last->answerAssertion({credentialId, QByteArrayLiteral("auth"), QByteArrayLiteral("bad")});
    QTRY_COMPARE(flow.problem().kind, StepUpFlow::ProblemKind::WrongSecret);
    QCOMPARE(flow.problem().message,
             QStringLiteral("Vigil didn't accept your security key's answer. 2 attempts left."));
    QVERIFY(!m_stack->stepUp->validToken());
    flow.retrySecurityKey();
    QCOMPARE(m_stack->keys.made, 2);
    QCOMPARE(flow.problem().kind, StepUpFlow::ProblemKind::None);
}

void TestSecurityKeys::stepUpKeyPin()
{
    loadKeys({keyJson(QStringLiteral("sk_1"), QStringLiteral("Desk key"))});
    m_stack->nam->setHandler([](const FakeRequest&) { return keyChallenge(); });
    StepUpFlow flow(m_stack->stepUp.get());
    flow.start();
    flow.chooseMethod(QStringLiteral("security_key"));
    QTRY_VERIFY(flow.authenticator());
    FakeAuthenticator* key = m_stack->keys.last;
    key->askPin(8);
    flow.providePin(QStringLiteral("0000"));
    key->wrongPin(7);
    QCOMPARE(AuthenticatorText::prompt(*flow.authenticator()),
             QStringLiteral("That PIN isn't right. 7 attempts left before the key is blocked."));
    flow.providePin(QStringLiteral("1234"));
    QCOMPARE(key->pins, (QStringList{QStringLiteral("0000"), QStringLiteral("1234")}));
    // The PIN goes to the key only, never to the service.
    for (const FakeRequest& request : m_stack->nam->requests())
        QVERIFY(!request.body.contains("1234"));
}

void TestSecurityKeys::texts_data()
{
    QTest::addColumn<int>("step"); // 0 state, 1 failure
    QTest::addColumn<QString>("text");
    QTest::newRow("searching") << 0 << "No security key found. Insert your security key.";
    QTest::newRow("touch") << 1 << "Touch your security key now.";
    QTest::newRow("pin") << 2 << "Enter your security key's PIN.";
    QTest::newRow("pin blocked") << 3
                                 << "Your security key is blocked: its PIN was entered wrongly too often. It must be "
                                    "reset before it can be used again. Choose another way to confirm.";
    QTest::newRow("key blocked") << 4
                                 << "Your security key is locked after several wrong PINs. Remove it, insert it "
                                    "again and try again.";
    QTest::newRow("other") << 5 << "Your security key didn't answer. Remove it, insert it again and try again.";
}

void TestSecurityKeys::texts()
{
    QFETCH(int, step);
    FakeAuthenticator key;
    key.getAssertion({});
    switch (step) {
    case 0:
        QTEST(AuthenticatorText::prompt(key), "text");
        return;
    case 1:
        key.touchNow();
        QTEST(AuthenticatorText::prompt(key), "text");
        return;
    case 2:
        key.askPin();
        QTEST(AuthenticatorText::prompt(key), "text");
        return;
    case 3:
        key.fail(Failure::PinBlocked);
        QVERIFY(!AuthenticatorText::canRetry(key.failure()));
        break;
    case 4:
        key.fail(Failure::KeyBlocked);
        QVERIFY(AuthenticatorText::canRetry(key.failure()));
        break;
    default:
        key.fail(Failure::Other);
        break;
    }
    QVERIFY(AuthenticatorText::prompt(key).isEmpty());
    QTEST(AuthenticatorText::failure(key), "text");
}

QTEST_GUILESS_MAIN(TestSecurityKeys)
#include "TestSecurityKeys.moc"
