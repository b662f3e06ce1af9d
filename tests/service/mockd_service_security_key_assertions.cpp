#include "SecurityKeyServiceFixture.h"

// Step-up with a security key's assertion against a real vigil-mockd: a good one signs a device out;
// tampered ones (challenge, origin, type, rp id, user presence, signature, counter, another
// account's key) are refused, count in the one shared guessing budget, lock the challenge after five,
// and a counter that goes backwards is audited.
class TestServiceSecurityKeyAssertions final : public SecurityKeyServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startService(); }
    void init() { startTest(); }

    void assertionGivesAStepUpThatSignsADeviceOut()
    {
        const QByteArray credential = addKey(m_me, Algorithm::EdDsa);
        QVERIFY(!credential.isEmpty());
        const auto tablet = client().loginDemo(QStringLiteral("Kitchen Tablet"));

        const ServiceReply started = startKeyStepUp(m_me);
        QCOMPARE(started.status, 200);
        QCOMPARE(started.json().value(QStringLiteral("method")).toString(), QStringLiteral("security_key"));
        QCOMPARE(started.json().value(QStringLiteral("resend_after")).toInt(), 0);
        const QJsonObject options = started.json().value(QStringLiteral("security_key")).toObject();
        QCOMPARE(options.value(QStringLiteral("rp_id")).toString(), rpId);
        QCOMPARE(options.value(QStringLiteral("allow_credentials")).toArray(), QJsonArray{b64(credential)});
        QCOMPARE(options.value(QStringLiteral("user_verification")).toString(), QStringLiteral("preferred"));
        QCOMPARE(SoftwareAuthenticator::fromBase64Url(options.value(QStringLiteral("challenge")).toString()).size(),
                 32);

        Assertion a;
        a.challenge = started.json().value(QStringLiteral("challenge")).toString();
        a.keyChallenge = options.value(QStringLiteral("challenge")).toString();
        sign(a, credential, {.flags = 0x05}); // user present and verified
        const ServiceReply verified = verify(m_me, a);
        QCOMPARE(verified.status, 200);
        const QString token = verified.json().value(QStringLiteral("step_up_token")).toString();
        QVERIFY(token.startsWith(QLatin1String("vst_")));

        const ServiceReply signedOut =
            send("POST", QStringLiteral("/v1/devices/%1/sign-out").arg(tablet.deviceId), m_me, {}, token);
        QCOMPARE(signedOut.status, 200);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tablet.access).status, 401);

        QVERIFY(!keysOf(m_me).at(0).toObject().value(QStringLiteral("last_used_at")).isNull());
        const QList<QJsonObject> audited = AuditReader::details(database(), QStringLiteral("step_up_verified"));
        QVERIFY(!audited.isEmpty());
        QCOMPARE(audited.last().value(QStringLiteral("method")).toString(), QStringLiteral("security_key"));
        QCOMPARE(audited.last().value(QStringLiteral("user_verified")).toBool(), true);
        QCOMPARE(audited.last().value(QStringLiteral("key_name")).toString(), QStringLiteral("Blue Key"));

        // The challenge was single use: the same assertion again is refused.
        QCOMPARE(verify(m_me, a).status, 410);
    }

    void tamperedAssertionsAreRefused()
    {
        const QByteArray credential = addKey(m_me);
        QVERIFY(!credential.isEmpty());
        struct Case
        {
            const char* what;
            std::function<void(Assertion&)> tamper;
        };
        const QList<Case> cases{
            {"wrong challenge",
             [&](Assertion& a) {
                 a.keyChallenge = b64(QByteArray(32, 'y'));
                 sign(a, credential);
             }},
            {"wrong origin",
             [&](Assertion& a) {
                 sign(a, credential, {}, QStringLiteral("webauthn.get"), QStringLiteral("https://evil.test"));
             }},
            {"wrong type", [&](Assertion& a) { sign(a, credential, {}, QStringLiteral("webauthn.create")); }},
            {"wrong rp id",
             [&](Assertion& a) {
                 sign(a, credential, {}, QStringLiteral("webauthn.get"), origin, QStringLiteral("evil.test"));
             }},
            {"not touched", [&](Assertion& a) { sign(a, credential, {.flags = 0x04}); }},
            {"signed by another key", [&](Assertion& a) { sign(a, credential, {.wrongKey = true}); }},
            {"signature changed", [](Assertion& a) { a.signature[a.signature.size() - 3] ^= 0x01; }},
            {"authenticator data changed after signing", [](Assertion& a) { a.authenticatorData[32] ^= 0x04; }},
            {"client data changed after signing", [](Assertion& a) { a.clientData.replace("}", ",\"x\":1}"); }},
        };
        for (const Case& c : cases) {
            Assertion a = asserted(m_me, credential);
            QVERIFY2(!a.signature.isEmpty(), c.what);
            const QString challenge = a.keyChallenge;
            c.tamper(a);
            const ServiceReply reply = verify(m_me, a);
            QVERIFY2(reply.status == 401, c.what);
            QVERIFY2(reply.json().value(QStringLiteral("reason")).toString() == QLatin1String("invalid_assertion"),
                     c.what);
            QVERIFY2(reply.json().value(QStringLiteral("attempts_left")).toInt() == 4, c.what);
            // The right answer to the same challenge still works after the wrong one, which also
            // keeps the guessing budget from running out over the cases.
            a.keyChallenge = challenge;
            sign(a, credential);
            QVERIFY2(verify(m_me, a).status == 200, c.what);
        }
        const QList<QJsonObject> failed = AuditReader::details(database(), QStringLiteral("step_up_failed"));
        QCOMPARE(failed.size(), cases.size());
        QCOMPARE(failed.first().value(QStringLiteral("method")).toString(), QStringLiteral("security_key"));
        QCOMPARE(failed.first().value(QStringLiteral("reason")).toString(), QStringLiteral("invalid_assertion"));
    }

    void anotherAccountsKeyIsRefused()
    {
        const QByteArray mine = addKey(m_me);
        const Session other = twoStep();
        const QByteArray theirs = addKey(other);
        QVERIFY(!mine.isEmpty() && !theirs.isEmpty());
        const Assertion a = asserted(m_me, theirs);
        refusedAs(verify(m_me, a), QStringLiteral("unknown_credential"));
        // A key nobody registered answers the same.
        SoftwareAuthenticator stranger;
        const auto made = stranger.makeCredential(rpId, QByteArray(32, '\0'), Algorithm::Es256);
        QVERIFY(made.has_value());
        Assertion b = asserted(m_me, mine);
        b.credentialId = made->credentialId;
        refusedAs(verify(m_me, b), QStringLiteral("unknown_credential"));
    }

    void aCounterThatDoesNotGoUpIsRefusedAndAudited()
    {
        const QByteArray credential = addKey(m_me);
        QCOMPARE(verify(m_me, asserted(m_me, credential, {.counter = 5})).status, 200);
        refusedAs(verify(m_me, asserted(m_me, credential, {.counter = 5})), QStringLiteral("counter_regressed"));
        refusedAs(verify(m_me, asserted(m_me, credential, {.counter = 3})), QStringLiteral("counter_regressed"));
        refusedAs(verify(m_me, asserted(m_me, credential, {.counter = 0})), QStringLiteral("counter_regressed"));
        // The stored counter stayed at 5: the copy that counts on keeps working.
        QCOMPARE(verify(m_me, asserted(m_me, credential, {.counter = 6})).status, 200);

        const QList<QJsonObject> audited =
            AuditReader::details(database(), QStringLiteral("security_key_counter_regressed"));
        QCOMPARE(audited.size(), 3);
        QCOMPARE(audited.at(1).value(QStringLiteral("stored_counter")).toInt(), 5);
        QCOMPARE(audited.at(1).value(QStringLiteral("presented_counter")).toInt(), 3);
    }

    void aKeyWithoutACounterMayStayAtZero()
    {
        const QByteArray credential = addKey(m_me, Algorithm::EdDsa, {.counter = 0});
        QCOMPARE(verify(m_me, asserted(m_me, credential, {.counter = 0})).status, 200);
        QCOMPARE(verify(m_me, asserted(m_me, credential, {.counter = 0})).status, 200);
    }

    void wrongAssertionsCountInTheSharedBudget()
    {
        const QByteArray credential = addKey(m_me);
        // Five wrong passwords, then wrong assertions: the tenth wrong secret starts the wait.
        const QString passwordChallenge =
            send("POST", QStringLiteral("/v1/step-up"), m_me, {{QStringLiteral("method"), QStringLiteral("password")}})
                .json()
                .value(QStringLiteral("challenge"))
                .toString();
        client().rememberSecret(QStringLiteral("not-the-password"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client().stepUpVerify(passwordChallenge, QStringLiteral("not-the-password"), m_me.access).status,
                     401);
        Assertion wrong = asserted(m_me, credential, {.wrongKey = true});
        const Assertion right = asserted(m_me, credential);
        for (int i = 0; i < 4; ++i)
            refusedAs(verify(m_me, wrong), QStringLiteral("invalid_assertion"));
        const ServiceReply tenth = verify(m_me, wrong);
        QCOMPARE(tenth.status, 429);
        QCOMPARE(tenth.error(), QStringLiteral("too_many_attempts"));
        // While waiting, a right assertion is not even looked at, and no new challenge opens.
        QCOMPARE(verify(m_me, right).status, 429);
        QCOMPARE(startKeyStepUp(m_me).status, 429);
        const QList<QJsonObject> failed = AuditReader::details(database(), QStringLiteral("step_up_failed"));
        QCOMPARE(failed.size(), 10);
        QCOMPARE(failed.last().value(QStringLiteral("method")).toString(), QStringLiteral("security_key"));
        QVERIFY(failed.last().contains(QStringLiteral("retry_after")));
    }

    void fiveWrongAssertionsLockTheChallenge()
    {
        const QByteArray credential = addKey(m_me);
        Assertion a = asserted(m_me, credential, {.wrongKey = true});
        for (int left = 4; left >= 0; --left)
            QCOMPARE(verify(m_me, a).json().value(QStringLiteral("attempts_left")).toInt(), left);
        sign(a, credential);
        QCOMPARE(verify(m_me, a).status, 423);
    }

    void verificationNeedsAnAssertion()
    {
        const QByteArray credential = addKey(m_me);
        const Assertion a = asserted(m_me, credential);
        const ServiceReply secretOnly = client().stepUpVerify(a.challenge, QStringLiteral("123456"), m_me.access);
        QCOMPARE(secretOnly.status, 422);
        QCOMPARE(secretOnly.json().value(QStringLiteral("field")).toString(), QStringLiteral("assertion"));
        const ServiceReply padded =
            send("POST",
                 QStringLiteral("/v1/step-up/verify"),
                 m_me,
                 {{QStringLiteral("challenge"), a.challenge},
                  {QStringLiteral("assertion"),
                   QJsonObject{{QStringLiteral("credential_id"), b64(a.credentialId)},
                               {QStringLiteral("client_data_json"), b64(a.clientData)},
                               {QStringLiteral("authenticator_data"), b64(a.authenticatorData)},
                               {QStringLiteral("signature"), QString::fromLatin1(a.signature.toBase64())}}}});
        QCOMPARE(padded.status, 422);
        QCOMPARE(padded.json().value(QStringLiteral("field")).toString(), QStringLiteral("assertion.signature"));
        // Neither was a wrong secret: the right assertion still has all its attempts.
        QCOMPARE(verify(m_me, a).status, 200);
    }

    void noSecretInTheLog() { checkNoSecretInTheLog(); }
};

QTEST_GUILESS_MAIN(TestServiceSecurityKeyAssertions)
#include "mockd_service_security_key_assertions.moc"
