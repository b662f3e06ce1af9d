#include "SecurityKeyServiceFixture.h"

// Security keys (FIDO2 / WebAuthn) against a real vigil-mockd: registering (good and tampered:
// challenge, origin, type, rp id, user presence, reuse, another session, a credential registered
// twice), renaming and removing, the method offered only with a key, and the test command line key.
class TestServiceSecurityKeys final : public SecurityKeyServiceFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startService(); }
    void init() { startTest(); }

    void registersEs256AndEdDsaKeys()
    {
        const QByteArray es256 = addKey(m_me, Algorithm::Es256);
        QVERIFY(!es256.isEmpty());
        const Registration r = prepare(m_me, *m_key, Algorithm::EdDsa, {.flags = 0x45}); // UP, UV, AT
        const ServiceReply added = finish(m_me, r, QStringLiteral("  Green Key  "));
        QCOMPARE(added.status, 201);
        QVERIFY(added.json().value(QStringLiteral("id")).toString().startsWith(QLatin1String("sk_")));
        QCOMPARE(added.json().value(QStringLiteral("name")).toString(), QStringLiteral("Green Key"));
        QCOMPARE(added.json().value(QStringLiteral("algorithm")).toString(), QStringLiteral("eddsa"));
        QVERIFY(added.json().value(QStringLiteral("last_used_at")).isNull());
        QCOMPARE(added.json().value(QStringLiteral("attestation_format")).toString(), QStringLiteral("none"));

        const QJsonArray keys = keysOf(m_me);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.at(0).toObject().value(QStringLiteral("algorithm")).toString(), QStringLiteral("es256"));
        QCOMPARE(keys.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Green Key"));

        const QJsonObject me = client().get(QStringLiteral("/v1/me"), m_me.access).json();
        QCOMPARE(me.value(QStringLiteral("security_keys_count")).toInt(), 2);
        QCOMPARE(me.value(QStringLiteral("step_up_methods")).toArray().first().toString(),
                 QStringLiteral("security_key"));
        QVERIFY(me.value(QStringLiteral("step_up_methods")).toArray().contains(QStringLiteral("password")));
        QCOMPARE(client()
                     .get(QStringLiteral("/v1/account/two-step"), m_me.access)
                     .json()
                     .value(QStringLiteral("security_keys"))
                     .toInt(),
                 2);

        // The next registration excludes both credentials.
        const QJsonArray excluded =
            startRegistration(m_me, passwordStepUp(m_me)).json().value(QStringLiteral("exclude_credentials")).toArray();
        QCOMPARE(excluded.size(), 2);
        QVERIFY(excluded.contains(b64(es256)));

        const QList<QJsonObject> audited = AuditReader::details(database(), QStringLiteral("security_key_registered"));
        QCOMPARE(audited.size(), 2);
        QCOMPARE(audited.at(1).value(QStringLiteral("algorithm")).toString(), QStringLiteral("eddsa"));
        QCOMPARE(audited.at(1).value(QStringLiteral("attestation_format")).toString(), QStringLiteral("none"));
        QCOMPARE(audited.at(1).value(QStringLiteral("user_verified")).toBool(), true);
    }

    void registrationOptionsFollowTheContract()
    {
        const ServiceReply started = startRegistration(m_me, passwordStepUp(m_me));
        QCOMPARE(started.status, 201);
        const QJsonObject o = started.json();
        QVERIFY(o.value(QStringLiteral("registration_id")).toString().startsWith(QLatin1String("skr_")));
        QCOMPARE(SoftwareAuthenticator::fromBase64Url(o.value(QStringLiteral("challenge")).toString()).size(), 32);
        QCOMPARE(o.value(QStringLiteral("rp")).toObject().value(QStringLiteral("id")).toString(), rpId);
        QCOMPARE(o.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
                 QString::fromLatin1(ServiceClient::demoEmail));
        QCOMPARE(o.value(QStringLiteral("algorithms")).toArray(), (QJsonArray{-7, -8}));
        QCOMPARE(o.value(QStringLiteral("exclude_credentials")).toArray(), QJsonArray());
        QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 300);
    }

    void registrationNeedsStepUpAndAnEstablishedSession()
    {
        const ServiceReply none = startRegistration(m_me, {});
        QCOMPARE(none.status, 403);
        QCOMPARE(none.error(), QStringLiteral("step_up_required"));
        // A new sign-in is told so before it is asked to prove anything.
        const auto fresh = client().loginDemo(QStringLiteral("New Phone"), QStringLiteral("phone"));
        const Session newcomer{fresh.access, fresh.deviceId, QString::fromLatin1(ServiceClient::demoPassword)};
        const ServiceReply young = startRegistration(newcomer, passwordStepUp(newcomer));
        QCOMPARE(young.status, 403);
        QCOMPARE(young.error(), QStringLiteral("session_too_new"));
    }

    void tamperedRegistrationsAreRefused()
    {
        struct Case
        {
            const char* what;
            std::function<void(Registration&)> tamper;
            int status;
            QString field;
        };
        const QList<Case> cases{
            {"wrong challenge",
             [](Registration& r) {
                 r.clientData = SoftwareAuthenticator::clientDataJson(
                     QStringLiteral("webauthn.create"), b64(QByteArray(32, 'x')), origin);
             },
             422,
             QStringLiteral("client_data_json")},
            {"wrong origin",
             [](Registration& r) {
                 r.clientData = SoftwareAuthenticator::clientDataJson(
                     QStringLiteral("webauthn.create"), r.challenge, QStringLiteral("https://evil.test"));
             },
             422,
             QStringLiteral("client_data_json")},
            {"wrong type",
             [](Registration& r) {
                 r.clientData =
                     SoftwareAuthenticator::clientDataJson(QStringLiteral("webauthn.get"), r.challenge, origin);
             },
             422,
             QStringLiteral("client_data_json")},
            {"not JSON", [](Registration& r) { r.clientData = "challenge"; }, 422, QStringLiteral("client_data_json")},
            {"truncated authenticator data",
             [](Registration& r) { r.authenticatorData.chop(5); },
             422,
             QStringLiteral("authenticator_data")},
        };
        for (const Case& c : cases) {
            Registration r = prepare(m_me, *m_key);
            QVERIFY2(!r.id.isEmpty(), c.what);
            c.tamper(r);
            const ServiceReply reply = finish(m_me, r);
            QVERIFY2(reply.status == c.status, c.what);
            QVERIFY2(reply.json().value(QStringLiteral("field")).toString() == c.field, c.what);
        }

        // The authenticator answers for another relying party, or without the user's touch.
        const ServiceReply otherRp =
            finish(m_me, prepare(m_me, *m_key, Algorithm::Es256, {}, QStringLiteral("evil.test")));
        QCOMPARE(otherRp.status, 422);
        QCOMPARE(otherRp.json().value(QStringLiteral("field")).toString(), QStringLiteral("authenticator_data"));
        const ServiceReply untouched = finish(m_me, prepare(m_me, *m_key, Algorithm::Es256, {.flags = 0x40}));
        QCOMPARE(untouched.status, 422);
        QCOMPARE(untouched.json().value(QStringLiteral("field")).toString(), QStringLiteral("authenticator_data"));

        QCOMPARE(keysOf(m_me).size(), 0);
        QCOMPARE(AuditReader::details(database(), QStringLiteral("security_key_registration_failed")).size(),
                 cases.size() + 2);
    }

    void aRegistrationIsUsedOnceAndOnlyByItsSession()
    {
        const Registration r = prepare(m_me, *m_key);
        // Another session of the same account cannot finish it (and does not spend it).
        const Session other = demo(QStringLiteral("Den Computer"));
        QCOMPARE(finish(other, r).status, 410);
        QCOMPARE(finish(m_me, r).status, 201);
        const ServiceReply again = finish(m_me, r);
        QCOMPARE(again.status, 410);
        QCOMPARE(again.error(), QStringLiteral("challenge_expired"));

        // A refused finish spends it too.
        Registration refused = prepare(m_me, *m_key);
        refused.clientData = "{}";
        QCOMPARE(finish(m_me, refused).status, 422);
        refused.clientData =
            SoftwareAuthenticator::clientDataJson(QStringLiteral("webauthn.create"), refused.challenge, origin);
        QCOMPARE(finish(m_me, refused).status, 410);

        // Five minutes, then it is gone (the session's access token is refreshed meanwhile).
        const Registration late = prepare(m_me, *m_key);
        QVERIFY(client().advanceClock(301));
        QVERIFY(client().refreshTokens(m_me.access, m_me.refresh));
        QCOMPARE(finish(m_me, late).status, 410);
    }

    void aCredentialIsRegisteredOnce()
    {
        const Registration first = prepare(m_me, *m_key);
        QCOMPARE(finish(m_me, first).status, 201);
        // The same credential again, to this account and to another, on fresh registrations.
        for (const Session& who : {m_me, twoStep()}) {
            Registration again = prepare(who, *m_key);
            QVERIFY(!again.id.isEmpty());
            again.authenticatorData = first.authenticatorData;
            const ServiceReply reply = finish(who, again);
            QCOMPARE(reply.status, 409);
            QCOMPARE(reply.error(), QStringLiteral("credential_exists"));
        }
    }

    void theMethodNeedsAKey()
    {
        const ServiceReply reply = startKeyStepUp(m_me);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("method"));
        const QJsonObject me = client().get(QStringLiteral("/v1/me"), m_me.access).json();
        QCOMPARE(me.value(QStringLiteral("security_keys_count")).toInt(), 0);
        QVERIFY(!me.value(QStringLiteral("step_up_methods")).toArray().contains(QStringLiteral("security_key")));
    }

    void renameWithoutStepUpRemoveWithIt()
    {
        const QByteArray credential = addKey(m_me);
        const QString id = keysOf(m_me).at(0).toObject().value(QStringLiteral("id")).toString();
        const QString path = QStringLiteral("/v1/account/security-keys/") + id;

        const ServiceReply renamed = send("PATCH", path, m_me, {{QStringLiteral("name"), QStringLiteral("Keyring")}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(QStringLiteral("name")).toString(), QStringLiteral("Keyring"));
        QCOMPARE(send("PATCH", path, m_me, {{QStringLiteral("name"), QStringLiteral("\u200b ")}}).status, 422);
        QCOMPARE(send("PATCH", path, m_me, {{QStringLiteral("name"), QString(65, QLatin1Char('k'))}}).status, 422);
        // Another account's key is nobody's.
        const Session other = twoStep();
        QCOMPARE(send("PATCH", path, other, {{QStringLiteral("name"), QStringLiteral("Mine")}}).status, 404);
        QCOMPARE(send("DELETE", path, other, {}, passwordStepUp(other)).status, 404);

        // A challenge started before the removal cannot be answered with the key afterwards.
        const Assertion pending = asserted(m_me, credential);
        const ServiceReply unguarded = send("DELETE", path, m_me);
        QCOMPARE(unguarded.status, 403);
        QCOMPARE(unguarded.error(), QStringLiteral("step_up_required"));
        QCOMPARE(send("DELETE", path, m_me, {}, passwordStepUp(m_me)).status, 204);
        QCOMPARE(keysOf(m_me).size(), 0);
        refusedAs(verify(m_me, pending), QStringLiteral("unknown_credential"));
        QCOMPARE(startKeyStepUp(m_me).status, 422);

        const QList<QJsonObject> renamedAudit =
            AuditReader::details(database(), QStringLiteral("security_key_renamed"));
        QCOMPARE(renamedAudit.size(), 1);
        QCOMPARE(renamedAudit.first().value(QStringLiteral("to")).toString(), QStringLiteral("Keyring"));
        const QList<QJsonObject> removed = AuditReader::details(database(), QStringLiteral("security_key_removed"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().value(QStringLiteral("verification")).toString(), QStringLiteral("password"));
    }

    void aKeyStepUpCanRemoveTheLastKey()
    {
        const QByteArray credential = addKey(m_me);
        const QString id = keysOf(m_me).at(0).toObject().value(QStringLiteral("id")).toString();
        const QString token =
            verify(m_me, asserted(m_me, credential)).json().value(QStringLiteral("step_up_token")).toString();
        QVERIFY(!token.isEmpty());
        // The password remains a step-up method, so the last key may go.
        QCOMPARE(send("DELETE", QStringLiteral("/v1/account/security-keys/") + id, m_me, {}, token).status, 204);
        const QJsonArray methods = client()
                                       .get(QStringLiteral("/v1/me"), m_me.access)
                                       .json()
                                       .value(QStringLiteral("step_up_methods"))
                                       .toArray();
        QCOMPARE(methods.first().toString(), QStringLiteral("password"));
    }

    // The command end-to-end tests drive (vigil_test_security_key): its key file survives between
    // runs, its answers register and verify against the real service.
    void theCommandLineKeyRegistersAndAsserts()
    {
        const QString keys = m_dir.filePath(QStringLiteral("cli-keys.json"));
        const auto run = [&keys](const QString& command, const QJsonObject& input) {
            QProcess tool;
            tool.start(QStringLiteral(VIGIL_TEST_SECURITY_KEY), {QStringLiteral("--keys"), keys, command});
            tool.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
            tool.closeWriteChannel();
            if (!tool.waitForFinished(30000) || tool.exitStatus() != QProcess::NormalExit)
                return QJsonObject{{QStringLiteral("exit"), -1}};
            QJsonObject out = QJsonDocument::fromJson(tool.readAllStandardOutput()).object();
            out.insert(QStringLiteral("exit"), tool.exitCode());
            return out;
        };

        const QJsonObject started = startRegistration(m_me, passwordStepUp(m_me)).json();
        const QByteArray createData = SoftwareAuthenticator::clientDataJson(
            QStringLiteral("webauthn.create"), started.value(QStringLiteral("challenge")).toString(), origin);
        const QJsonObject made = run(QStringLiteral("register"),
                                     {{QStringLiteral("rp_id"), rpId},
                                      {QStringLiteral("client_data_json"), b64(createData)},
                                      {QStringLiteral("algorithms"), QJsonArray{-8, -7}}});
        QCOMPARE(made.value(QStringLiteral("exit")).toInt(), 0);
        const ServiceReply added =
            send("POST",
                 QStringLiteral("/v1/account/security-keys"),
                 m_me,
                 {{QStringLiteral("registration_id"), started.value(QStringLiteral("registration_id"))},
                  {QStringLiteral("name"), QStringLiteral("Test Key")},
                  {QStringLiteral("client_data_json"), b64(createData)},
                  {QStringLiteral("authenticator_data"), made.value(QStringLiteral("authenticator_data"))},
                  {QStringLiteral("attestation_format"), made.value(QStringLiteral("attestation_format"))}});
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json().value(QStringLiteral("algorithm")).toString(), QStringLiteral("eddsa"));

        const ServiceReply challenge = startKeyStepUp(m_me);
        const QJsonObject options = challenge.json().value(QStringLiteral("security_key")).toObject();
        const QByteArray getData = SoftwareAuthenticator::clientDataJson(
            QStringLiteral("webauthn.get"), options.value(QStringLiteral("challenge")).toString(), origin);
        QJsonObject answer =
            run(QStringLiteral("assert"),
                {{QStringLiteral("rp_id"), rpId},
                 {QStringLiteral("client_data_json"), b64(getData)},
                 {QStringLiteral("allow_credentials"), options.value(QStringLiteral("allow_credentials"))}});
        QCOMPARE(answer.value(QStringLiteral("exit")).toInt(), 0);
        answer.remove(QStringLiteral("exit"));
        answer.insert(QStringLiteral("client_data_json"), b64(getData));
        const ServiceReply verified =
            send("POST",
                 QStringLiteral("/v1/step-up/verify"),
                 m_me,
                 {{QStringLiteral("challenge"), challenge.json().value(QStringLiteral("challenge"))},
                  {QStringLiteral("assertion"), answer}});
        QCOMPARE(verified.status, 200);
        client().rememberSecret(verified.json().value(QStringLiteral("step_up_token")).toString());

        // No key of the file for another relying party: as libfido2's "no credentials".
        const QJsonObject none = run(QStringLiteral("assert"),
                                     {{QStringLiteral("rp_id"), QStringLiteral("other.test")},
                                      {QStringLiteral("client_data_json"), b64(getData)}});
        QCOMPARE(none.value(QStringLiteral("exit")).toInt(), 2);
        QCOMPARE(none.value(QStringLiteral("error")).toString(), QStringLiteral("no_credentials"));
    }

    void noSecretInTheLog() { checkNoSecretInTheLog(); }
};

QTEST_GUILESS_MAIN(TestServiceSecurityKeys)
#include "mockd_service_security_keys.moc"
