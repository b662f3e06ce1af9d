#include "AuditReader.h"
#include "Establish.h"
#include "MockdProcess.h"
#include "ServiceClient.h"
#include "SoftwareAuthenticator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

// Security keys (FIDO2 / WebAuthn) against a real vigil-mockd, with a software authenticator that
// makes real ES256 and EdDSA signatures: registering (good and tampered), step-up with an
// assertion (good and tampered: challenge, origin, type, rp id, user presence, signature, counter,
// another account's key), the shared guessing budget, renaming and removing, and the audit.
class TestServiceSecurityKeys final : public QObject
{
    Q_OBJECT

private:
    using Algorithm = SoftwareAuthenticator::Algorithm;
    using Knobs = SoftwareAuthenticator::Knobs;

    struct Session
    {
        QString access;
        QString deviceId;
        QString password;
        QString refresh = {};
    };

    // What the app would send for a registration, before a test breaks one part of it.
    struct Registration
    {
        QString id;
        QString challenge;
        QByteArray clientData;
        QByteArray credentialId;
        QByteArray authenticatorData;
    };

    // What the app would send for an assertion.
    struct Assertion
    {
        QString challenge; // the step-up challenge handle
        QString keyChallenge;
        QByteArray clientData;
        QByteArray credentialId;
        QByteArray authenticatorData;
        QByteArray signature;
    };

    QTemporaryDir m_dir;
    MockdProcess m_mockd;
    std::unique_ptr<ServiceClient> m_client;
    std::unique_ptr<SoftwareAuthenticator> m_key;
    Session m_me;

    static inline const QString rpId = QStringLiteral("vigil.test");
    static inline const QString origin = QStringLiteral("https://vigil.test");

    ServiceClient& client() { return *m_client; }
    QString database() const { return m_dir.filePath(QStringLiteral("mockd.sqlite")); }
    static QString b64(const QByteArray& data) { return SoftwareAuthenticator::base64Url(data); }

    ServiceReply send(const QByteArray& method,
                      const QString& path,
                      const Session& who,
                      const QJsonObject& body = {},
                      const QString& stepUp = {})
    {
        RawHeaders headers{{"Authorization", "Bearer " + who.access.toLatin1()}};
        QByteArray payload;
        if (method != "GET") {
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        if (!stepUp.isEmpty())
            headers.append(qMakePair(QByteArray("X-Step-Up"), stepUp.toLatin1()));
        return client().send(method, path, payload, headers);
    }

    QString passwordStepUp(const Session& who) { return client().passwordStepUp(who.access, who.password); }

    Session demo(const QString& deviceName = QStringLiteral("Office Laptop"))
    {
        const auto tokens = client().loginDemo(deviceName, QStringLiteral("computer"));
        establish(client(), tokens);
        return {tokens.access, tokens.deviceId, QString::fromLatin1(ServiceClient::demoPassword), tokens.refresh};
    }

    // The 2-step account (an authenticator app) signs in with a code, and is established.
    Session twoStep()
    {
        const ServiceReply first = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds());
        client().rememberCode(code);
        const auto tokens = client().tokensFrom(client().postJson(
            QStringLiteral("/v1/auth/mfa"),
            {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token")).toString()},
             {QStringLiteral("method"), QStringLiteral("totp")},
             {QStringLiteral("code"), code}}));
        establish(client(), tokens);
        return {tokens.access, tokens.deviceId, QString::fromLatin1(ServiceClient::twoStepPassword)};
    }

    ServiceReply startRegistration(const Session& who, const QString& stepUp)
    {
        return send("POST", QStringLiteral("/v1/account/security-keys/registrations"), who, {}, stepUp);
    }

    // A registration started and answered by `authenticator` (not yet sent).
    Registration prepare(const Session& who,
                         SoftwareAuthenticator& authenticator,
                         Algorithm algorithm = Algorithm::Es256,
                         const Knobs& knobs = {},
                         const QString& keyRpId = rpId)
    {
        const ServiceReply started = startRegistration(who, passwordStepUp(who));
        Registration r;
        if (started.status != 201)
            return r;
        r.id = started.json().value(QStringLiteral("registration_id")).toString();
        r.challenge = started.json().value(QStringLiteral("challenge")).toString();
        r.clientData = SoftwareAuthenticator::clientDataJson(QStringLiteral("webauthn.create"), r.challenge, origin);
        const auto made =
            authenticator.makeCredential(keyRpId, SoftwareAuthenticator::sha256(r.clientData), algorithm, knobs);
        if (made) {
            r.credentialId = made->credentialId;
            r.authenticatorData = made->authenticatorData;
        }
        return r;
    }

    ServiceReply finish(const Session& who, const Registration& r, const QString& name = QStringLiteral("Blue Key"))
    {
        return send("POST",
                    QStringLiteral("/v1/account/security-keys"),
                    who,
                    {{QStringLiteral("registration_id"), r.id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("client_data_json"), b64(r.clientData)},
                     {QStringLiteral("authenticator_data"), b64(r.authenticatorData)},
                     {QStringLiteral("attestation_format"), QStringLiteral("none")}});
    }

    // Registers a key of `who` with m_key; returns the credential id (empty on failure).
    QByteArray addKey(const Session& who, Algorithm algorithm = Algorithm::Es256, const Knobs& knobs = {})
    {
        const Registration r = prepare(who, *m_key, algorithm, knobs);
        return finish(who, r).status == 201 ? r.credentialId : QByteArray();
    }

    ServiceReply startKeyStepUp(const Session& who)
    {
        return send(
            "POST", QStringLiteral("/v1/step-up"), who, {{QStringLiteral("method"), QStringLiteral("security_key")}});
    }

    // A fresh security_key challenge answered by m_key with `credentialId`.
    Assertion asserted(const Session& who, const QByteArray& credentialId, const Knobs& knobs = {})
    {
        const ServiceReply started = startKeyStepUp(who);
        Assertion a;
        a.challenge = started.json().value(QStringLiteral("challenge")).toString();
        a.keyChallenge = started.json()
                             .value(QStringLiteral("security_key"))
                             .toObject()
                             .value(QStringLiteral("challenge"))
                             .toString();
        sign(a, credentialId, knobs);
        return a;
    }

    // (Re)signs `a` for its challenge: client data, authenticator data and signature.
    void sign(Assertion& a,
              const QByteArray& credentialId,
              const Knobs& knobs = {},
              const QString& type = QStringLiteral("webauthn.get"),
              const QString& clientOrigin = origin,
              const QString& keyRpId = rpId)
    {
        a.clientData = SoftwareAuthenticator::clientDataJson(type, a.keyChallenge, clientOrigin);
        const auto answer = m_key->getAssertion(
            keyRpId, SoftwareAuthenticator::sha256(a.clientData), credentialId, knobs, keyRpId != rpId);
        if (!answer)
            return;
        a.credentialId = answer->credentialId;
        a.authenticatorData = answer->authenticatorData;
        a.signature = answer->signature;
    }

    ServiceReply verify(const Session& who, const Assertion& a)
    {
        const ServiceReply reply = send("POST",
                                        QStringLiteral("/v1/step-up/verify"),
                                        who,
                                        {{QStringLiteral("challenge"), a.challenge},
                                         {QStringLiteral("assertion"),
                                          QJsonObject{{QStringLiteral("credential_id"), b64(a.credentialId)},
                                                      {QStringLiteral("client_data_json"), b64(a.clientData)},
                                                      {QStringLiteral("authenticator_data"), b64(a.authenticatorData)},
                                                      {QStringLiteral("signature"), b64(a.signature)}}}});
        client().rememberSecret(reply.json().value(QStringLiteral("step_up_token")).toString());
        return reply;
    }

    QJsonArray keysOf(const Session& who)
    {
        return send("GET", QStringLiteral("/v1/account/security-keys"), who)
            .json()
            .value(QStringLiteral("keys"))
            .toArray();
    }

    static void refusedAs(const ServiceReply& reply, const QString& reason)
    {
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_code"));
        QCOMPARE(reply.json().value(QStringLiteral("reason")).toString(), reason);
        QVERIFY(reply.json().contains(QStringLiteral("attempts_left")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_mockd.start({QStringLiteral("--db"), database()}), qPrintable(m_mockd.errorString()));
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
    }

    void init()
    {
        QVERIFY(client().reset());
        m_key = std::make_unique<SoftwareAuthenticator>();
        m_me = demo();
        QVERIFY(!m_me.access.isEmpty());
    }

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

    void noSecretInTheLog()
    {
        const QByteArray log = m_mockd.output();
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestServiceSecurityKeys)
#include "mockd_service_security_keys.moc"
