#include "ServiceFixture.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>
#include <QTest>
#include <memory>

// Step-up verification (POST /v1/step-up, /resend, /verify) and the admin outbox, against a real
// vigil-mockd. Expiry and cooldowns move the admin clock; nothing sleeps.
class TestServiceStepUp final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_access;
    QString m_refresh;

    ServiceReply start(const QString& method)
    {
        return client().postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), method}}, m_access);
    }

    ServiceReply verify(const QString& challenge, const QString& secret)
    {
        return client().stepUpVerify(challenge, secret, m_access);
    }

    ServiceReply resend(const QString& challenge) { return client().stepUpResend(challenge, m_access); }

    QStringList outboxCodes()
    {
        const ServiceReply reply = client().admin("GET", QStringLiteral("/__admin/outbox?to=demo%40vigil.test"));
        QStringList codes;
        if (reply.status != 200)
            return codes;
        const QJsonArray messages = reply.json().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue& message : messages) {
            const QString code = message.toObject().value(QStringLiteral("code")).toString();
            client().rememberCode(code);
            codes.append(code);
        }
        return codes;
    }

    // After moving the clock past the access token's life: the same session, a fresh token.
    bool refreshAccess() { return client().refreshTokens(m_access, m_refresh); }

    // A 6-digit string that is not `code`.
    static QString otherThan(const QString& code)
    {
        return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init()
    {
        QVERIFY(client().reset());
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword));
        m_access = tokens.access;
        m_refresh = tokens.refresh;
        QVERIFY(!m_access.isEmpty());
    }

    void needsASignedInCaller()
    {
        const ServiceReply reply =
            client().postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}});
        QCOMPARE(reply.status, 401);
    }

    void passwordVerifies()
    {
        const ServiceReply started = start(QStringLiteral("password"));
        QCOMPARE(started.status, 200);
        QCOMPARE(started.json().value(QStringLiteral("method")).toString(), QStringLiteral("password"));
        QVERIFY(started.json().value(QStringLiteral("destination")).isNull());
        const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
        const ServiceReply verified = verify(challenge, QString::fromLatin1(ServiceClient::demoPassword));
        QCOMPARE(verified.status, 200);
        QVERIFY(verified.json().value(QStringLiteral("step_up_token")).toString().startsWith(QLatin1String("vst_")));
        QCOMPARE(verified.json().value(QStringLiteral("expires_in")).toInt(), 300);
    }

    void wrongPasswordCountsDown()
    {
        const QString challenge =
            start(QStringLiteral("password")).json().value(QStringLiteral("challenge")).toString();
        const ServiceReply wrong = verify(challenge, QStringLiteral("not-the-password"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.error(), QStringLiteral("invalid_code"));
        QCOMPARE(wrong.json().value(QStringLiteral("attempts_left")).toInt(), 4);
        QCOMPARE(verify(challenge, QString::fromLatin1(ServiceClient::demoPassword)).status, 200);
    }

    void emailCodeFromTheOutboxVerifies()
    {
        const ServiceReply started = start(QStringLiteral("email"));
        QCOMPARE(started.status, 200);
        QCOMPARE(started.json().value(QStringLiteral("destination")).toString(), QStringLiteral("d***@vigil.test"));
        QCOMPARE(started.json().value(QStringLiteral("expires_in")).toInt(), 600);
        QCOMPARE(started.json().value(QStringLiteral("resend_after")).toInt(), 30);
        const QStringList codes = outboxCodes();
        QCOMPARE(codes.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$")).match(codes.first()).hasMatch());
        const ServiceReply outbox = client().admin("GET", QStringLiteral("/__admin/outbox?to=demo%40vigil.test"));
        const QJsonObject message = outbox.json().value(QStringLiteral("messages")).toArray().first().toObject();
        QCOMPARE(message.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(message.value(QStringLiteral("purpose")).toString(), QStringLiteral("step_up"));
        QVERIFY(!message.value(QStringLiteral("sent_at")).toString().isEmpty());

        const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
        QCOMPARE(verify(challenge, codes.first()).status, 200);
        // Single use: the same challenge and code never work again.
        const ServiceReply again = verify(challenge, codes.first());
        QCOMPARE(again.status, 410);
        QCOMPARE(again.error(), QStringLiteral("challenge_expired"));
    }

    void outboxIsAdminOnly() { QCOMPARE(client().get(QStringLiteral("/__admin/outbox"), m_access).status, 403); }

    void fiveWrongCodesKillTheChallenge()
    {
        const QString challenge = start(QStringLiteral("email")).json().value(QStringLiteral("challenge")).toString();
        const QString code = outboxCodes().value(0);
        QVERIFY(!code.isEmpty());
        for (int left = 4; left >= 0; --left) {
            const ServiceReply wrong = verify(challenge, otherThan(code));
            QCOMPARE(wrong.status, 401);
            QCOMPARE(wrong.json().value(QStringLiteral("attempts_left")).toInt(), left);
        }
        const ServiceReply dead = verify(challenge, code);
        QCOMPARE(dead.status, 423);
        QCOMPARE(dead.error(), QStringLiteral("challenge_locked"));
        QCOMPARE(resend(challenge).status, 423);
    }

    void codeExpiresAfterTenMinutes()
    {
        const QString challenge = start(QStringLiteral("email")).json().value(QStringLiteral("challenge")).toString();
        const QString code = outboxCodes().value(0);
        QVERIFY(client().advanceClock(601));
        QVERIFY(refreshAccess());
        const ServiceReply expired = verify(challenge, code);
        QCOMPARE(expired.status, 410);
        QCOMPARE(expired.error(), QStringLiteral("challenge_expired"));
    }

    void resendHasACooldownAndAnHourlyLimit()
    {
        const QString challenge = start(QStringLiteral("email")).json().value(QStringLiteral("challenge")).toString();
        const ServiceReply early = resend(challenge);
        QCOMPARE(early.status, 429);
        QCOMPARE(early.error(), QStringLiteral("too_many_attempts"));
        QVERIFY(early.json().value(QStringLiteral("retry_after")).toInt() > 0);
        QVERIFY(!early.header("Retry-After").isEmpty());

        QVERIFY(client().advanceClock(31));
        const ServiceReply resent = resend(challenge);
        QCOMPARE(resent.status, 200);
        const QStringList codes = outboxCodes();
        QCOMPARE(codes.size(), 2);
        // Only the newest code counts.
        if (codes.at(0) != codes.at(1))
            QCOMPARE(verify(challenge, codes.at(0)).status, 401);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(client().advanceClock(31));
            QCOMPARE(resend(challenge).status, 200);
        }
        QVERIFY(client().advanceClock(31));
        const ServiceReply sixth = resend(challenge);
        QCOMPARE(sixth.status, 429); // five sends in the hour
        QVERIFY(sixth.json().value(QStringLiteral("retry_after")).toInt() > 31);
        QCOMPARE(start(QStringLiteral("email")).status, 429);
        QCOMPARE(outboxCodes().size(), 5);
    }

    void unsetMethodsAreRefused()
    {
        // The demo account has a phone (SMS: mockd_service_stepup_sms) but no recovery codes.
        const ServiceReply recovery = start(QStringLiteral("recovery"));
        QCOMPARE(recovery.status, 422);
        QCOMPARE(recovery.json().value(QStringLiteral("field")).toString(), QStringLiteral("method"));
        QCOMPARE(start(QStringLiteral("totp")).status, 422); // demo has no authenticator app
        QCOMPARE(start(QStringLiteral("carrier-pigeon")).status, 422);
    }

    void totpVerifiesEachStepOnce()
    {
        m_access = client()
                       .login(QString::fromLatin1(ServiceClient::twoStepEmail),
                              QString::fromLatin1(ServiceClient::twoStepPassword))
                       .access;
        if (m_access.isEmpty()) {
            // The 2-step account signs in through /v1/auth/mfa.
            const ServiceReply first = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                           QString::fromLatin1(ServiceClient::twoStepPassword));
            QCOMPARE(first.status, 403);
            const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds() - 30);
            client().rememberCode(code);
            const ServiceReply mfa = client().postJson(
                QStringLiteral("/v1/auth/mfa"),
                {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token")).toString()},
                 {QStringLiteral("method"), QStringLiteral("totp")},
                 {QStringLiteral("code"), code}});
            QCOMPARE(mfa.status, 200);
            m_access = client().tokensFrom(mfa).access;
        }
        QVERIFY(!m_access.isEmpty());
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds());
        client().rememberCode(code);
        const QString challenge = start(QStringLiteral("totp")).json().value(QStringLiteral("challenge")).toString();
        QCOMPARE(verify(challenge, code).status, 200);
        const QString again = start(QStringLiteral("totp")).json().value(QStringLiteral("challenge")).toString();
        QCOMPARE(verify(again, code).status, 401); // the same step is never accepted twice
    }

    void theLogNeverShowsACodeOrToken()
    {
        QVERIFY(client().secretCount() >= 5);
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" POST /v1/step-up/verify "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vst_") && !log.contains("vat_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceStepUp)
#include "mockd_service_stepup.moc"
