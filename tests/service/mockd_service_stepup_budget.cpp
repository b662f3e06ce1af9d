#include "Establish.h"
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// Guessing step-up secrets, as someone holding a stolen session would: wrong passwords, TOTP and
// recovery codes over as many challenges as the service will open, against a real vigil-mockd on a
// database file (so it can be restarted). Waits move the admin clock; nothing sleeps.
class TestServiceStepUpBudget final : public ServiceFixture
{
    Q_OBJECT

private:
    struct Session
    {
        QString access;
        QString refresh;
    };

    QStringList mockdArgs() const { return {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("mockd.sqlite"))}; }

    Session demo()
    {
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail), demoPassword());
        // Some tests turn text-message codes on, a 2-step setting a new sign-in may not change.
        establish(client(), tokens);
        return {tokens.access, tokens.refresh};
    }

    // The 2-step account (an authenticator and ten recovery codes) signs in with a code.
    Session twoStep()
    {
        const ServiceReply first = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds() - 30);
        client().rememberCode(code);
        const ServiceReply mfa = client().postJson(
            QStringLiteral("/v1/auth/mfa"),
            {{QStringLiteral("mfa_token"), first.json().value(QStringLiteral("mfa_token")).toString()},
             {QStringLiteral("method"), QStringLiteral("totp")},
             {QStringLiteral("code"), code}});
        const auto tokens = client().tokensFrom(mfa);
        return {tokens.access, tokens.refresh};
    }

    ServiceReply start(const Session& session, const QString& method)
    {
        return client().postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), method}}, session.access);
    }

    QString challengeOf(const Session& session, const QString& method)
    {
        return start(session, method).json().value(QStringLiteral("challenge")).toString();
    }

    ServiceReply verify(const Session& session, const QString& challenge, const QString& secret)
    {
        return client().stepUpVerify(challenge, secret, session.access);
    }

    // Wrong secrets until the service says 429, opening a new challenge whenever one dies. Returns
    // how many wrong secrets were answered before the 429 (or `limit` when none came).
    int guessUntilRefused(const Session& session, const QString& method, const QString& wrong, int limit)
    {
        QString challenge;
        for (int tries = 0; tries < limit; ++tries) {
            if (challenge.isEmpty())
                challenge = challengeOf(session, method);
            if (challenge.isEmpty())
                return tries;
            const ServiceReply reply = verify(session, challenge, wrong);
            if (reply.status == 429) {
                m_last = reply;
                return tries + 1;
            }
            if (reply.status != 401 || reply.json().value(QStringLiteral("attempts_left")).toInt() == 0)
                challenge.clear();
        }
        return limit;
    }

    ServiceReply m_last;

    static int retryAfter(const ServiceReply& reply) { return reply.header("Retry-After").toInt(); }

    QString totpNow() const
    {
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, m_client->serverTimeSeconds());
        m_client->rememberCode(code);
        return code;
    }

    static QString notThe(const QString& code)
    {
        return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startService(mockdArgs()));
        client().rememberSecret(QStringLiteral("not-the-password"));
    }

    void init() { QVERIFY(client().reset()); }

    void wrongPasswordsOverManyChallengesEndInAWait()
    {
        const Session session = demo();
        QVERIFY(!session.access.isEmpty());
        const QString spare = challengeOf(session, QStringLiteral("password"));
        QVERIFY(!spare.isEmpty());

        // Two challenges of five wrong passwords each: the tenth wrong one starts the wait.
        QCOMPARE(guessUntilRefused(session, QStringLiteral("password"), QStringLiteral("not-the-password"), 30), 10);
        QCOMPARE(m_last.error(), QStringLiteral("too_many_attempts"));
        QCOMPARE(retryAfter(m_last), 30);
        QCOMPARE(m_last.json().value(QStringLiteral("retry_after")).toInt(), 30);

        // While waiting even the right password is refused, and a new challenge does not help.
        const ServiceReply right = verify(session, spare, demoPassword());
        QCOMPARE(right.status, 429);
        QVERIFY(retryAfter(right) > 0 && retryAfter(right) <= 30);
        const ServiceReply fresh = start(session, QStringLiteral("totp"));
        QCOMPARE(fresh.status, 429);
        QCOMPARE(start(session, QStringLiteral("email")).status, 429);

        // A wrong step-up password is a failed sign-in for the account too.
        QCOMPARE(client().loginReply(QString::fromLatin1(ServiceClient::demoEmail), demoPassword()).status, 429);

        QVERIFY(client().advanceClock(30));
        QCOMPARE(verify(session, spare, demoPassword()).status, 200);
    }

    void totpAndRecoveryCodesShareOneBudget()
    {
        Session session = twoStep();
        QVERIFY(!session.access.isEmpty());
        const QString spare = challengeOf(session, QStringLiteral("totp"));
        const QString totp = challengeOf(session, QStringLiteral("totp"));
        const QString recovery = challengeOf(session, QStringLiteral("recovery"));
        QVERIFY(!spare.isEmpty() && !totp.isEmpty() && !recovery.isEmpty());

        const QString wrongTotp = notThe(totpNow());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(verify(session, totp, wrongTotp).status, 401);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(verify(session, recovery, QStringLiteral("zzzz-zzzz-zz99")).status, 401);
        const ServiceReply tenth = verify(session, totp, wrongTotp);
        QCOMPARE(tenth.status, 429);
        QCOMPARE(tenth.error(), QStringLiteral("too_many_attempts"));
        QCOMPARE(retryAfter(tenth), 30);

        // The right code is refused while waiting, and no recovery code is spent on a refused try.
        QCOMPARE(verify(session, spare, totpNow()).status, 429);
        QCOMPARE(start(session, QStringLiteral("recovery")).status, 429);

        QVERIFY(client().advanceClock(30));
        QCOMPARE(verify(session, spare, totpNow()).status, 200);
    }

    void everyFurtherWrongSecretDoublesTheWait()
    {
        Session session = demo();
        QCOMPARE(guessUntilRefused(session, QStringLiteral("password"), QStringLiteral("not-the-password"), 30), 10);
        QCOMPARE(retryAfter(m_last), 30);
        for (const int wait : {60, 120, 240}) {
            QVERIFY(client().advanceClock(retryAfter(m_last)));
            QVERIFY(client().refreshTokens(session.access, session.refresh));
            QCOMPARE(guessUntilRefused(session, QStringLiteral("password"), QStringLiteral("not-the-password"), 5), 1);
            QCOMPARE(retryAfter(m_last), wait);
        }
    }

    void theBudgetOfASessionHoldsWhenTheHolderVerifies()
    {
        const Session attacker = demo();
        const Session holder = demo();
        QVERIFY(!attacker.access.isEmpty() && !holder.access.isEmpty());
        QCOMPARE(guessUntilRefused(attacker, QStringLiteral("password"), QStringLiteral("not-the-password"), 30), 10);
        // The account waits too: the holder's session is refused as well.
        QCOMPARE(start(holder, QStringLiteral("password")).status, 429);

        QVERIFY(client().advanceClock(30));
        QVERIFY(!client().passwordStepUp(holder.access).isEmpty());
        // The holder's success freed the account, not the attacker's session: one more wrong
        // password there waits twice as long at once, while the holder can still verify.
        QCOMPARE(guessUntilRefused(attacker, QStringLiteral("password"), QStringLiteral("not-the-password"), 5), 1);
        QCOMPARE(retryAfter(m_last), 60);
        QCOMPARE(start(attacker, QStringLiteral("password")).status, 429);
        QVERIFY(!client().passwordStepUp(holder.access).isEmpty());
    }

    void theBudgetSurvivesARestart()
    {
        const ServiceReply now = client().admin("GET", QStringLiteral("/__admin/clock"));
        const QString frozen = now.json().value(QStringLiteral("now")).toString();
        QVERIFY(!frozen.isEmpty());
        Session session = demo();
        QCOMPARE(guessUntilRefused(session, QStringLiteral("password"), QStringLiteral("not-the-password"), 30), 10);

        QCOMPARE(m_mockd.stop(), 0);
        QVERIFY(startService(mockdArgs()));
        // The same moment as before the restart: the wait is not over.
        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/clock"), {{QStringLiteral("set"), frozen}}).status,
                 200);
        QVERIFY(client().refreshTokens(session.access, session.refresh));
        const ServiceReply refused = start(session, QStringLiteral("password"));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.error(), QStringLiteral("too_many_attempts"));
        QVERIFY(retryAfter(refused) > 0);
    }

    void aFloodOfChallengesIsRefusedAndBounded()
    {
        Session session = demo();
        QStringList handles;
        for (int i = 0; i < 10; ++i) {
            const ServiceReply started = start(session, QStringLiteral("password"));
            QCOMPARE(started.status, 200);
            handles.append(started.json().value(QStringLiteral("challenge")).toString());
        }
        const ServiceReply eleventh = start(session, QStringLiteral("password"));
        QCOMPARE(eleventh.status, 429);
        QCOMPARE(eleventh.error(), QStringLiteral("too_many_attempts"));
        QVERIFY(retryAfter(eleventh) > 0);

        // Only the session's three newest challenges are kept; the older ones are gone.
        QCOMPARE(verify(session, handles.first(), demoPassword()).status, 410);
        QCOMPARE(verify(session, handles.at(6), demoPassword()).status, 410);
        QCOMPARE(verify(session, handles.at(7), demoPassword()).status, 200);

        // The window passes: the session may open challenges again.
        QVERIFY(client().advanceClock(15 * 60));
        QVERIFY(client().refreshTokens(session.access, session.refresh));
        QCOMPARE(start(session, QStringLiteral("password")).status, 200);
    }

    void anAccountHoldsAtMostTenChallenges()
    {
        QList<Session> sessions;
        QList<QStringList> handles;
        for (int s = 0; s < 4; ++s) {
            sessions.append(demo());
            handles.append(QStringList());
            for (int i = 0; i < 3; ++i)
                handles[s].append(challengeOf(sessions.at(s), QStringLiteral("password")));
        }
        // Twelve opened, ten kept: the account's two oldest made room.
        QCOMPARE(verify(sessions.at(0), handles.at(0).at(0), demoPassword()).status, 410);
        QCOMPARE(verify(sessions.at(0), handles.at(0).at(1), demoPassword()).status, 410);
        QCOMPARE(verify(sessions.at(0), handles.at(0).at(2), demoPassword()).status, 200);
        QCOMPARE(verify(sessions.at(3), handles.at(3).at(0), demoPassword()).status, 200);
    }

    void smsStepUpStopsWhenTextMessageCodesAreTurnedOff()
    {
        const Session session = demo();
        QVERIFY(client().setSmsCodes(session.access, true));
        const QString before = challengeOf(session, QStringLiteral("sms"));
        QVERIFY(!before.isEmpty());

        QVERIFY(client().setSmsCodes(session.access, false));
        const ServiceReply status = client().get(QStringLiteral("/v1/account/two-step"), session.access);
        QCOMPARE(status.json().value(QStringLiteral("sms")).toBool(), false);
        const ServiceReply refused = start(session, QStringLiteral("sms"));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(QStringLiteral("field")).toString(), QStringLiteral("method"));
        QVERIFY(refused.json().value(QStringLiteral("message")).toString().contains(QLatin1String("turned off")));
        // A code sent before no longer verifies either.
        const ServiceReply outbox = client().admin("GET", QStringLiteral("/__admin/outbox?to=%2B447700900312"));
        const QJsonArray messages = outbox.json().value(QStringLiteral("messages")).toArray();
        QVERIFY(!messages.isEmpty());
        const QString code = messages.last().toObject().value(QStringLiteral("code")).toString();
        client().rememberCode(code);
        const ServiceReply late = verify(session, before, code);
        QCOMPARE(late.status, 410);
    }

    void theLogNeverShowsASecret()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QStringList leaked = client().leakedSecrets(m_mockd.output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestServiceStepUpBudget)
#include "mockd_service_stepup_budget.moc"
