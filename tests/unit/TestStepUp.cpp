#include "StepUpStack.h"
#include "core/stepup/StepUpService.h"
#include "core/stepup/VerificationMethod.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using Format = VerificationMethod::CodeFormat;

class TestStepUp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void methods_data();
    void methods();
    void digitCodes();
    void freeText();
    void beginSendsMethod();
    void verifyKeepsTokenUntilExpiry();
    void refusedVerificationKeepsNoToken();
    void sessionEndClearsToken();

private:
    std::unique_ptr<StepUpStack> m_stack;
};

void TestStepUp::init()
{
    m_stack = std::make_unique<StepUpStack>(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
    QVERIFY(m_stack->signedIn);
}

void TestStepUp::cleanup()
{
    m_stack.reset();
}

void TestStepUp::methods_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("sends");
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("label");
    QTest::newRow("password") << "password" << false << Format::FreeText << 0 << "Password";
    QTest::newRow("email") << "email" << true << Format::Digits << 6 << "Email code";
    QTest::newRow("sms") << "sms" << true << Format::Digits << 6 << "Text message code";
    QTest::newRow("totp") << "totp" << false << Format::Digits << 6 << "Authenticator app";
    QTest::newRow("recovery") << "recovery" << false << Format::FreeText << 0 << "Recovery code";
}

void TestStepUp::methods()
{
    QFETCH(QString, id);
    const auto method = VerificationMethod::create(id);
    QVERIFY(method);
    QCOMPARE(method->id(), id);
    QTEST(method->needsChallengeSend(), "sends");
    QTEST(method->codeFormat(), "format");
    QTEST(method->codeLength(), "length");
    QTEST(method->label(), "label");
    QVERIFY(VerificationMethod::knownIds().contains(id));
}

void TestStepUp::digitCodes()
{
    const auto email = VerificationMethod::create(QStringLiteral("email"));
    QCOMPARE(email->normalized(QStringLiteral(" 123 456 ")), QStringLiteral("123456"));
    QCOMPARE(email->normalized(QStringLiteral("123-456")), QStringLiteral("123456"));
    QVERIFY(email->isComplete(QStringLiteral("123-456")));
    QVERIFY(!email->isComplete(QStringLiteral("12345")));
    QVERIFY(!email->isComplete(QStringLiteral("1234567")));
    QVERIFY(!email->isComplete(QStringLiteral("12a456")));
    QVERIFY(!email->isComplete(QStringLiteral("١٢٣٤٥٦"))); // other scripts' digits are not a code
    QVERIFY(!VerificationMethod::create(QStringLiteral("fax")));
}

void TestStepUp::freeText()
{
    const auto password = VerificationMethod::create(QStringLiteral("password"));
    QVERIFY(password->isSecretMasked());
    QCOMPARE(password->normalized(QStringLiteral(" pass word ")), QStringLiteral(" pass word "));
    QVERIFY(!password->isComplete(QStringLiteral("   ")));
    QCOMPARE(password->rejectedText(), QStringLiteral("That password isn't right."));
    const auto recovery = VerificationMethod::create(QStringLiteral("recovery"));
    QCOMPARE(recovery->normalized(QStringLiteral(" abcd-efgh \n")), QStringLiteral("abcd-efgh"));
    QVERIFY(recovery->isComplete(QStringLiteral("abcd-efgh")));
}

void TestStepUp::beginSendsMethod()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(200,
                                  QJsonObject{{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                              {QStringLiteral("method"), QStringLiteral("sms")},
                                              {QStringLiteral("destination"), QStringLiteral("+44 •••• ••12")},
                                              {QStringLiteral("expires_in"), 600},
                                              {QStringLiteral("resend_after"), 30}});
    });
    std::optional<Expected<StepUpChallenge, ApiError>> got;
    m_stack->stepUp->begin(QStringLiteral("sms"), this, [&got](const auto& result) { got = result; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->hasValue());
    QCOMPARE(got->value().challenge, QStringLiteral("chl_1"));
    QCOMPARE(got->value().destination, QStringLiteral("+44 •••• ••12"));
    QCOMPARE(got->value().resendAfterSeconds, 30);
    const FakeRequest request = m_stack->nam->requests().constFirst();
    QCOMPARE(request.path(), QStringLiteral("/v1/step-up"));
    QCOMPARE(request.json(), QJsonObject({{QStringLiteral("method"), QStringLiteral("sms")}}));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer vat_1"));
}

void TestStepUp::verifyKeepsTokenUntilExpiry()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(200,
                                  QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")},
                                              {QStringLiteral("expires_in"), 300}});
    });
    QSignalSpy changed(m_stack->stepUp.get(), &StepUpService::tokenChanged);
    bool ok = false;
    m_stack->stepUp->verify(QStringLiteral("chl_1"),
                            QStringLiteral("123456"),
                            this,
                            [&ok](const Expected<void, ApiError>& result) { ok = result.hasValue(); });
    QTRY_VERIFY(ok);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_stack->stepUp->validToken(), std::optional<QString>(QStringLiteral("vst_1")));
    QCOMPARE(m_stack->stepUp->tokenExpiresAt(), m_stack->now.addSecs(300));
    m_stack->now = m_stack->now.addSecs(290);
    QVERIFY(m_stack->stepUp->validToken().has_value());
    // Too close to the end to send it off.
    m_stack->now = m_stack->now.addSecs(6);
    QVERIFY(!m_stack->stepUp->validToken().has_value());
}

void TestStepUp::refusedVerificationKeepsNoToken()
{
    m_stack->nam->setHandler([](const FakeRequest&) {
        return FakeResponse::json(401,
                                  QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_code")},
                                              {QStringLiteral("message"), QStringLiteral("no")},
                                              {QStringLiteral("attempts_left"), 3}});
    });
    std::optional<ApiError> error;
    m_stack->stepUp->verify(
        QStringLiteral("chl_1"), QStringLiteral("000000"), this, [&error](const Expected<void, ApiError>& result) {
            if (!result)
                error = result.error();
        });
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->code(), ApiError::Code::InvalidCode);
    QCOMPARE(error->attemptsLeft(), std::optional<int>(3));
    QVERIFY(!m_stack->stepUp->validToken().has_value());
}

void TestStepUp::sessionEndClearsToken()
{
    int calls = 0;
    m_stack->nam->setHandler([&calls](const FakeRequest& request) {
        ++calls;
        if (request.path() == QLatin1String("/v1/step-up/verify"))
            return FakeResponse::json(200,
                                      QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")},
                                                  {QStringLiteral("expires_in"), 300}});
        return FakeResponse::error(401, "session_revoked");
    });
    bool ok = false;
    m_stack->stepUp->verify(QStringLiteral("chl_1"),
                            QStringLiteral("123456"),
                            this,
                            [&ok](const Expected<void, ApiError>& result) { ok = result.hasValue(); });
    QTRY_VERIFY(ok);
    QVERIFY(m_stack->stepUp->validToken().has_value());
    QSignalSpy ended(m_stack->api.get(), &ApiClient::sessionEnded);
    m_stack->stepUp->begin(QStringLiteral("email"), this, [](const auto&) {});
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(!m_stack->stepUp->validToken().has_value());
}

QTEST_GUILESS_MAIN(TestStepUp)
#include "TestStepUp.moc"
