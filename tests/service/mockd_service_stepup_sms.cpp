#include "Establish.h"
#include "ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// Step-up by SMS code and by recovery code, against a real vigil-mockd whose database is a file,
// so the audit table can be read afterwards. Expiry and cooldowns move the admin clock.
class TestServiceStepUpSms final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_access;
    QString m_refresh;

    static constexpr const char* demoPhone = "+447700900312";
    static constexpr const char* demoPhoneQuery = "%2B447700900312";

    ServiceReply start(const QString& method)
    {
        return client().postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), method}}, m_access);
    }

    QString challengeOf(const QString& method) { return start(method).json().value(u"challenge").toString(); }

    ServiceReply verify(const QString& challenge, const QString& secret)
    {
        return client().stepUpVerify(challenge, secret, m_access);
    }

    ServiceReply resend(const QString& challenge) { return client().stepUpResend(challenge, m_access); }

    QJsonArray outbox(const QString& encodedTo)
    {
        const ServiceReply reply = client().admin("GET", QStringLiteral("/__admin/outbox?to=") + encodedTo);
        const QJsonArray messages = reply.json().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue& message : messages)
            client().rememberCode(message.toObject().value(QStringLiteral("code")).toString());
        return messages;
    }

    QStringList smsCodes()
    {
        QStringList codes;
        for (const QJsonValue& message : outbox(QString::fromLatin1(demoPhoneQuery)))
            codes.append(message.toObject().value(QStringLiteral("code")).toString());
        return codes;
    }

    bool refreshAccess() { return client().refreshTokens(m_access, m_refresh); }

    // The 2-step account signs in with its password and an authenticator code.
    bool signInTwoStep()
    {
        const ServiceReply first = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        if (first.status != 403)
            return false;
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds() - 30);
        client().rememberCode(code);
        const ServiceReply mfa = client().postJson(
            QStringLiteral("/v1/auth/mfa"),
            {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token")).toString()},
             {QStringLiteral("method"), QStringLiteral("totp")},
             {QStringLiteral("code"), code}});
        const auto tokens = client().tokensFrom(mfa);
        m_access = tokens.access;
        m_refresh = tokens.refresh;
        return mfa.status == 200 && !m_access.isEmpty();
    }

    // Audit entries of one type, oldest first, read from the service's database file.
    QList<QJsonObject> auditDetails(const QString& type)
    {
        QList<QJsonObject> out;
        const QString name = QStringLiteral("audit-reader");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_dir.filePath(QStringLiteral("mockd.sqlite")));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(QStringLiteral("SELECT details FROM audit WHERE type = ? ORDER BY id"));
                query.addBindValue(type);
                if (query.exec()) {
                    while (query.next())
                        out.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    static QString otherThan(const QString& code)
    {
        return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    }

    static QString recoveryCode(int i)
    {
        static const QStringList codes{
            QStringLiteral("abcd-efgh-jk12"), QStringLiteral("mnpq-rstv-wx34"), QStringLiteral("bcde-fghj-km56")};
        return codes.at(i);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startService({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("mockd.sqlite"))}));
        for (int i = 0; i < 3; ++i)
            client().rememberSecret(recoveryCode(i));
    }

    void init()
    {
        QVERIFY(client().reset());
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword));
        m_access = tokens.access;
        m_refresh = tokens.refresh;
        QVERIFY(!m_access.isEmpty());
        QVERIFY(establish(client(), tokens));
        // SMS step-up needs text-message codes on (the demo household starts with them off).
        QVERIFY(client().setSmsCodes(m_access, true));
    }

    void smsCodeFromTheOutboxVerifiesOnce()
    {
        const ServiceReply started = start(QStringLiteral("sms"));
        QCOMPARE(started.status, 200);
        QCOMPARE(started.json().value(u"method").toString(), QStringLiteral("sms"));
        QCOMPARE(started.json().value(u"destination").toString(), QStringLiteral("+44 •••• ••12"));
        QCOMPARE(started.json().value(u"expires_in").toInt(), 600);
        QCOMPARE(started.json().value(u"resend_after").toInt(), 30);

        const QJsonArray messages = outbox(QString::fromLatin1(demoPhoneQuery));
        QCOMPARE(messages.size(), 1);
        const QJsonObject message = messages.first().toObject();
        QCOMPARE(message.value(u"to").toString(), QString::fromLatin1(demoPhone));
        QCOMPARE(message.value(u"channel").toString(), QStringLiteral("sms"));
        QCOMPARE(message.value(u"purpose").toString(), QStringLiteral("step_up"));
        const QString code = message.value(u"code").toString();
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$")).match(code).hasMatch());
        // The filter finds the number however it is written, and keeps other addresses apart.
        QCOMPARE(outbox(QStringLiteral("%2B44%207700%20900312")).size(), 1);
        QCOMPARE(outbox(QStringLiteral("demo%40vigil.test")).size(), 0);
        QCOMPARE(outbox(QStringLiteral("%2B447700900456")).size(), 0);

        const QString challenge = started.json().value(u"challenge").toString();
        QCOMPARE(verify(challenge, code).status, 200);
        QCOMPARE(verify(challenge, code).status, 410);
    }

    void outboxFiltersEmailAndSmsApart()
    {
        QCOMPARE(start(QStringLiteral("sms")).status, 200);
        QCOMPARE(start(QStringLiteral("email")).status, 200);
        QCOMPARE(outbox(QString()).size(), 2);
        const QJsonArray email = outbox(QStringLiteral("DEMO%40vigil.test"));
        QCOMPARE(email.size(), 1);
        QCOMPARE(email.first().toObject().value(u"channel").toString(), QStringLiteral("email"));
        const QJsonArray sms = outbox(QString::fromLatin1(demoPhoneQuery));
        QCOMPARE(sms.size(), 1);
        QCOMPARE(sms.first().toObject().value(u"channel").toString(), QStringLiteral("sms"));
    }

    void smsCodeExpiresAfterTenMinutes()
    {
        const QString challenge = challengeOf(QStringLiteral("sms"));
        const QString code = smsCodes().value(0);
        QVERIFY(!code.isEmpty());
        QVERIFY(client().advanceClock(601));
        QVERIFY(refreshAccess());
        const ServiceReply expired = verify(challenge, code);
        QCOMPARE(expired.status, 410);
        QCOMPARE(expired.error(), QStringLiteral("challenge_expired"));
    }

    void smsResendWaitsThirtySecondsAndReplacesTheCode()
    {
        const QString challenge = challengeOf(QStringLiteral("sms"));
        const ServiceReply early = resend(challenge);
        QCOMPARE(early.status, 429);
        QVERIFY(!early.header("Retry-After").isEmpty());
        QVERIFY(client().advanceClock(29));
        QCOMPARE(resend(challenge).status, 429);
        QVERIFY(client().advanceClock(2));
        const ServiceReply resent = resend(challenge);
        QCOMPARE(resent.status, 200);
        QCOMPARE(resent.json().value(u"destination").toString(), QStringLiteral("+44 •••• ••12"));
        const QStringList codes = smsCodes();
        QCOMPARE(codes.size(), 2);
        if (codes.at(0) != codes.at(1))
            QCOMPARE(verify(challenge, codes.at(0)).status, 401);
        QCOMPARE(verify(challenge, codes.at(1)).status, 200);
    }

    void smsSharesTheHourlySendLimitWithEmail()
    {
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(start(i % 2 ? QStringLiteral("email") : QStringLiteral("sms")).status, 200);
            QVERIFY(client().advanceClock(31));
            QVERIFY(refreshAccess());
        }
        const ServiceReply sixth = start(QStringLiteral("sms"));
        QCOMPARE(sixth.status, 429);
        QCOMPARE(sixth.error(), QStringLiteral("too_many_attempts"));
    }

    void fiveWrongSmsCodesKillTheChallenge()
    {
        const QString challenge = challengeOf(QStringLiteral("sms"));
        const QString code = smsCodes().value(0);
        QVERIFY(!code.isEmpty());
        for (int left = 4; left >= 0; --left) {
            const ServiceReply wrong = verify(challenge, otherThan(code));
            QCOMPARE(wrong.status, 401);
            QCOMPARE(wrong.json().value(u"attempts_left").toInt(), left);
        }
        QCOMPARE(verify(challenge, code).status, 423);
        QCOMPARE(resend(challenge).status, 423);
    }

    void recoveryIsRefusedWithoutCodes()
    {
        const ServiceReply demo = start(QStringLiteral("recovery")); // the demo account has none
        QCOMPARE(demo.status, 422);
        QCOMPARE(demo.json().value(u"field").toString(), QStringLiteral("method"));
    }

    void recoveryCodeWorksOnceWhateverItsCaseAndDashes()
    {
        QVERIFY(signInTwoStep());
        const ServiceReply started = start(QStringLiteral("recovery"));
        QCOMPARE(started.status, 200);
        QVERIFY(started.json().value(u"destination").isNull());
        QCOMPARE(started.json().value(u"resend_after").toInt(), 0);
        QCOMPARE(outbox(QString()).size(), 0); // nothing is sent
        const QString challenge = started.json().value(u"challenge").toString();
        QCOMPARE(resend(challenge).status, 422);
        QCOMPARE(verify(challenge, QStringLiteral("ABCDEFGHJK12")).status, 200);

        // The same code again, written as issued: never works again.
        const QString again = challengeOf(QStringLiteral("recovery"));
        const ServiceReply used = verify(again, recoveryCode(0));
        QCOMPARE(used.status, 401);
        QCOMPARE(used.error(), QStringLiteral("invalid_code"));
        QCOMPARE(used.json().value(u"attempts_left").toInt(), 4);
        QCOMPARE(verify(again, QStringLiteral(" MNPQ-rstv wx34 ")).status, 200);
    }

    void wrongRecoveryCodesCountLikeOthers()
    {
        QVERIFY(signInTwoStep());
        const QString challenge = challengeOf(QStringLiteral("recovery"));
        QVERIFY(!challenge.isEmpty());
        const QStringList wrong{QStringLiteral("zzzz-zzzz-zz99"),
                                QStringLiteral("not a code!"),
                                QStringLiteral("zzzz-zzzz-zz98"),
                                QStringLiteral("1234"),
                                QStringLiteral("zzzz-zzzz-zz97")};
        for (int left = 4; left >= 0; --left) {
            const ServiceReply reply = verify(challenge, wrong.at(4 - left));
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.json().value(u"attempts_left").toInt(), left);
        }
        const ServiceReply dead = verify(challenge, recoveryCode(2));
        QCOMPARE(dead.status, 423);
        // The code was not spent on a dead challenge.
        QCOMPARE(verify(challengeOf(QStringLiteral("recovery")), recoveryCode(2)).status, 200);
    }

    void smsNeedsAVerifiedPhone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nophone.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "nophone", "accounts": [
            {"id": "acc_a", "email": "a@vigil.test", "password": "a-long-password-1", "display_name": "A"},
            {"id": "acc_b", "email": "b@vigil.test", "password": "a-long-password-2", "display_name": "B",
             "phone": "+49 30 1234567", "phone_verified": false}]})");
        file.close();
        MockdProcess other;
        QVERIFY2(other.start({QStringLiteral("--scenario"), path}), qPrintable(other.errorString()));
        ServiceClient otherClient(other.baseUrl());
        for (const auto& [email, password] :
             {std::pair{"a@vigil.test", "a-long-password-1"}, std::pair{"b@vigil.test", "a-long-password-2"}}) {
            const QString access = otherClient.login(QString::fromLatin1(email), QString::fromLatin1(password)).access;
            QVERIFY(!access.isEmpty());
            for (const char* method : {"sms", "recovery"}) {
                const ServiceReply reply = otherClient.postJson(
                    QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QString::fromLatin1(method)}}, access);
                QCOMPARE(reply.status, 422);
                QCOMPARE(reply.json().value(u"field").toString(), QStringLiteral("method"));
            }
        }
        QCOMPARE(other.stop(), 0);
    }

    void everyOutcomeIsAuditedWithItsMethod()
    {
        const QString sms = challengeOf(QStringLiteral("sms"));
        const QString code = smsCodes().value(0);
        QCOMPARE(verify(sms, otherThan(code)).status, 401);
        QCOMPARE(resend(sms).status, 429);
        QCOMPARE(verify(sms, code).status, 200);
        QVERIFY(signInTwoStep());
        const QString recovery = challengeOf(QStringLiteral("recovery"));
        QCOMPARE(verify(recovery, QStringLiteral("zzzz-zzzz-zz99")).status, 401);
        QCOMPARE(verify(recovery, recoveryCode(1)).status, 200);

        const auto methods = [this](const QString& type) {
            QStringList out;
            for (const QJsonObject& details : auditDetails(type))
                out.append(details.value(u"method").toString());
            return out;
        };
        // The password step-up is init() turning text-message codes on.
        QCOMPARE(methods(QStringLiteral("step_up_started")),
                 QStringList({QStringLiteral("password"), QStringLiteral("sms"), QStringLiteral("recovery")}));
        QCOMPARE(methods(QStringLiteral("step_up_failed")),
                 QStringList({QStringLiteral("sms"), QStringLiteral("recovery")}));
        QCOMPARE(methods(QStringLiteral("step_up_throttled")), QStringList({QStringLiteral("sms")}));
        QCOMPARE(methods(QStringLiteral("step_up_verified")),
                 QStringList({QStringLiteral("password"), QStringLiteral("sms"), QStringLiteral("recovery")}));
        const QList<QJsonObject> verified = auditDetails(QStringLiteral("step_up_verified"));
        QCOMPARE(verified.last().value(u"recovery_codes_left").toInt(), 9);
        const QList<QJsonObject> failed = auditDetails(QStringLiteral("step_up_failed"));
        QCOMPARE(failed.first().value(u"attempts_left").toInt(), 4);
        // No secret in any audit entry.
        for (const QString& type : {QStringLiteral("step_up_started"),
                                    QStringLiteral("step_up_failed"),
                                    QStringLiteral("step_up_verified")}) {
            for (const QJsonObject& details : auditDetails(type)) {
                const QByteArray text = QJsonDocument(details).toJson();
                QVERIFY(!text.contains(code.toLatin1()));
                QVERIFY(!text.contains("mnpq"));
            }
        }
    }

    void theLogNeverShowsACode()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" POST /v1/step-up/verify "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vst_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceStepUpSms)
#include "mockd_service_stepup_sms.moc"
