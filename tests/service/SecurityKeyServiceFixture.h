#pragma once

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

// What the security-key service tests share: a real vigil-mockd, a software authenticator that makes
// real ES256 and EdDSA signatures, and the requests the app would send — registering a key, starting
// a security_key step-up and answering it — each built whole before a test breaks one part of it.
class SecurityKeyServiceFixture : public QObject
{
protected:
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

    // From initTestCase(): one service for the whole test.
    void startService()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_mockd.start({QStringLiteral("--db"), database()}), qPrintable(m_mockd.errorString()));
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
    }

    // From init(): a reset service, a new key, and the demo account signed in and established.
    void startTest()
    {
        QVERIFY(client().reset());
        m_key = std::make_unique<SoftwareAuthenticator>();
        m_me = demo();
        QVERIFY(!m_me.access.isEmpty());
    }

    void checkNoSecretInTheLog()
    {
        const QByteArray log = m_mockd.output();
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1Char(' '))));
    }
};
