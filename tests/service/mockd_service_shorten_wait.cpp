#include "AuditReader.h"
#include "Establish.h"
#include "ServiceFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

// How the owner gets back in when every device they have is new: a code to the account's email
// (POST /v1/step-up, purpose shorten_wait) cuts the asking session's wait to one hour. Each rule is
// also an attack by someone who has only the password: refused while an established session
// exists, the code only in the account's mailbox, single use, expiring, on the shared attempt
// budget, the email naming who asked, only the asking session shortened and never lengthened.
class TestServiceShortenWait final : public ServiceFixture
{
    Q_OBJECT

private:
    static constexpr qint64 hour = 3600;
    const QString m_email = QStringLiteral("demo@vigil.test");

    // After init(): every earlier session is signed out; both of these are new.
    ServiceClient::Tokens m_owner;
    ServiceClient::Tokens m_thief;

    ServiceReply startShortening(const QString& access, const QString& method = QStringLiteral("email"))
    {
        return client().postJson(
            QStringLiteral("/v1/step-up"),
            {{QStringLiteral("method"), method}, {QStringLiteral("purpose"), QStringLiteral("shorten_wait")}},
            access);
    }

    QString startedChallenge(const QString& access)
    {
        const ServiceReply reply = startShortening(access);
        [&] { QVERIFY2(reply.status == 200, reply.body.constData()); }();
        return reply.json().value(QStringLiteral("challenge")).toString();
    }

    QList<QJsonObject> outbox(const QString& to = {})
    {
        const QString query = to.isEmpty() ? QString() : QStringLiteral("?to=") + QUrl::toPercentEncoding(to);
        const ServiceReply reply = client().admin("GET", QStringLiteral("/__admin/outbox") + query);
        QList<QJsonObject> out;
        for (const QJsonValue& message : reply.json().value(QStringLiteral("messages")).toArray())
            out.append(message.toObject());
        return out;
    }

    QString lastCode()
    {
        const QString code = outbox(m_email).value(outbox(m_email).size() - 1).value(QStringLiteral("code")).toString();
        client().rememberCode(code);
        return code;
    }

    // A guarded action (signing the other device out), with a step-up token of the caller.
    ServiceReply signOut(const ServiceClient::Tokens& from, const QString& deviceId)
    {
        const QString stepUp = client().passwordStepUp(from.access);
        return client().send("POST",
                             QStringLiteral("/v1/devices/%1/sign-out").arg(deviceId),
                             "{}",
                             {{"Authorization", "Bearer " + from.access.toLatin1()},
                              {"X-Step-Up", stepUp.toLatin1()},
                              {"Content-Type", "application/json"}});
    }

    // Seconds from the service's now until the device stops being new (0: established).
    qint64 secondsNew(const QString& access, const QString& deviceId)
    {
        const QJsonObject device = client().get(QStringLiteral("/v1/devices/%1").arg(deviceId), access).json();
        const QJsonValue until = device.value(QStringLiteral("new_until"));
        if (until.isNull())
            return 0;
        return QDateTime::fromString(until.toString(), Qt::ISODate).toSecsSinceEpoch() - client().serverTimeSeconds();
    }

    // Seconds as the service writes them (whole seconds) while its clock also runs.
    static bool near(qint64 actual, qint64 expected) { return qAbs(actual - expected) <= 2; }

    QList<QJsonObject> audit(const QString& type)
    {
        return AuditReader::details(m_dir.filePath(QStringLiteral("mockd.sqlite")), type);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startService({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("mockd.sqlite"))}));
    }

    void init()
    {
        QVERIFY(client().reset());
        // The owner lost every device: from an established one, everything is signed out.
        const auto before = client().loginDemo(QStringLiteral("Lost Phone"), QStringLiteral("phone"));
        QVERIFY(establish(client(), before));
        const ServiceReply all = client().send("POST",
                                               QStringLiteral("/v1/devices/sign-out"),
                                               R"({"scope":"all"})",
                                               {{"Authorization", "Bearer " + before.access.toLatin1()},
                                                {"X-Step-Up", client().passwordStepUp(before.access).toLatin1()},
                                                {"Content-Type", "application/json"}});
        QVERIFY2(all.status == 200, all.body.constData());
        m_owner = client().loginDemo(QStringLiteral("New Laptop"), QStringLiteral("computer"));
        m_thief = client().loginDemo(QStringLiteral("Thief's Chrome"), QStringLiteral("browser"));
        QVERIFY(!m_owner.access.isEmpty() && !m_thief.access.isEmpty());
    }

    void cleanupTestCase()
    {
        const QStringList leaked = client().leakedSecrets(m_mockd.output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QCOMPARE(m_mockd.stop(), 0);
    }

    // (a) The owner's established device is the way in; while it exists nobody gets the shortcut.
    void refusedWhileAnEstablishedSessionExists()
    {
        QVERIFY(establish(client(), m_owner));
        const ServiceReply tooNew = signOut(m_thief, m_owner.deviceId);
        QCOMPARE(tooNew.error(), QStringLiteral("session_too_new"));
        QCOMPARE(tooNew.json().value(QStringLiteral("shorten_by_email")), QJsonValue(false));
        const qsizetype sent = outbox().size();

        const ServiceReply refused = startShortening(m_thief.access);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("established_session_exists"));
        QVERIFY2(
            refused.json().value(QStringLiteral("message")).toString().contains(QLatin1String("Use it to sign out")),
            refused.body.constData());
        QCOMPARE(outbox().size(), sent); // nothing sent
        QCOMPARE(startShortening(m_owner.access).error(), QStringLiteral("established_session_exists"));
    }

    void offeredOnlyWhenEveryDeviceIsNew()
    {
        const ServiceReply tooNew = signOut(m_owner, m_thief.deviceId);
        QCOMPARE(tooNew.error(), QStringLiteral("session_too_new"));
        QCOMPARE(tooNew.json().value(QStringLiteral("shorten_by_email")), QJsonValue(true));
    }

    // Only email: the password, an SMS (SIM swap) or an authenticator could be the thief's.
    void onlyAnEmailCodeShortens()
    {
        const ServiceReply password = startShortening(m_thief.access, QStringLiteral("password"));
        QCOMPARE(password.status, 422);
        QCOMPARE(password.json().value(QStringLiteral("field")).toString(), QStringLiteral("purpose"));
    }

    // (b) The code goes to the account's email and nowhere else; the answer does not carry it.
    void codeGoesOnlyToTheAccountsEmail()
    {
        const qsizetype before = outbox().size();
        const ServiceReply started = startShortening(m_thief.access);
        QVERIFY2(started.status == 200, started.body.constData());
        QCOMPARE(started.json().value(QStringLiteral("destination")).toString(), QStringLiteral("d***@vigil.test"));
        QCOMPARE(started.json().value(QStringLiteral("expires_in")).toInteger(), 600);
        const QList<QJsonObject> all = outbox();
        QCOMPARE(all.size(), before + 1);
        const QJsonObject message = all.last();
        QCOMPARE(message.value(QStringLiteral("to")).toString(), m_email);
        QCOMPARE(message.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(message.value(QStringLiteral("purpose")).toString(), QStringLiteral("shorten_wait"));
        const QString code = message.value(QStringLiteral("code")).toString();
        client().rememberCode(code);
        QVERIFY(!started.body.contains(code.toLatin1()));
    }

    // (c) Who asked, from where, and what to do if it was not the owner.
    void emailSaysWhoAskedAndWhatToDo()
    {
        startedChallenge(m_thief.access);
        const QJsonObject message = outbox(m_email).last();
        const QString subject = message.value(QStringLiteral("subject")).toString();
        const QString text = message.value(QStringLiteral("text")).toString();
        QVERIFY2(subject.contains(QLatin1String("shorten the new-device wait")), qPrintable(subject));
        QVERIFY2(text.startsWith(QLatin1String("Someone asked to shorten the new-device wait")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Device: Thief's Chrome (browser)")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Place: ")) && text.contains(QLatin1String("IP address")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Asked at: ")) && text.contains(QLatin1String(" UTC")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("one hour later, instead of 24 hours")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Not you?")) && text.contains(QLatin1String("Change your email password")),
                 qPrintable(text));
        QVERIFY2(text.contains(message.value(QStringLiteral("code")).toString()), qPrintable(text));
        client().rememberCode(message.value(QStringLiteral("code")).toString());
    }

    // (d), (e) Only the session that asked, to one hour from now by the service clock, audited;
    // the other new session keeps its full wait, and once the owner is established the other
    // session is refused the shortcut.
    void shortensOnlyTheAskingSession()
    {
        const qint64 thiefBefore = secondsNew(m_owner.access, m_thief.deviceId);
        QVERIFY(thiefBefore > 23 * hour);
        QVERIFY(client().advanceClock(2 * hour)); // the movable clock: "one hour from now", not from the sign-in
        QVERIFY(client().refreshTokens(m_owner.access, m_owner.refresh));
        QVERIFY(client().refreshTokens(m_thief.access, m_thief.refresh));
        const QString challenge = startedChallenge(m_owner.access);
        const ServiceReply verified = client().stepUpVerify(challenge, lastCode(), m_owner.access);
        QVERIFY2(verified.status == 200, verified.body.constData());
        QVERIFY(!verified.json().contains(QStringLiteral("step_up_token")));
        QCOMPARE(verified.json().value(QStringLiteral("retry_after")).toInteger(), hour);
        const qint64 now = client().serverTimeSeconds();
        QVERIFY(near(QDateTime::fromString(verified.json().value(QStringLiteral("new_until")).toString(), Qt::ISODate)
                         .toSecsSinceEpoch(),
                     now + hour));
        QVERIFY(near(secondsNew(m_owner.access, m_owner.deviceId), hour));
        QVERIFY(near(secondsNew(m_owner.access, m_thief.deviceId), thiefBefore - 2 * hour));

        const QList<QJsonObject> entries = audit(QStringLiteral("new_session_wait_shortened"));
        QCOMPARE(entries.size(), 1);
        QVERIFY(near(QDateTime::fromString(entries.first().value(QStringLiteral("to")).toString(), Qt::ISODate)
                         .toSecsSinceEpoch(),
                     now + hour));

        // Still new within the hour; established after it, and then the owner signs the thief out.
        QCOMPARE(signOut(m_owner, m_thief.deviceId).error(), QStringLiteral("session_too_new"));
        QVERIFY(client().advanceClock(hour));
        QVERIFY(client().refreshTokens(m_owner.access, m_owner.refresh));
        QVERIFY(client().refreshTokens(m_thief.access, m_thief.refresh));
        const ServiceReply thiefTries = signOut(m_thief, m_owner.deviceId);
        QCOMPARE(thiefTries.error(), QStringLiteral("session_too_new"));
        QCOMPARE(thiefTries.json().value(QStringLiteral("shorten_by_email")), QJsonValue(false));
        QCOMPARE(startShortening(m_thief.access).error(), QStringLiteral("established_session_exists"));
        const ServiceReply ownerActs = signOut(m_owner, m_thief.deviceId);
        QVERIFY2(ownerActs.status == 200, ownerActs.body.constData());
    }

    // (b) Single use: the same code, or the challenge, never works twice.
    void codeIsSingleUse()
    {
        const QString challenge = startedChallenge(m_owner.access);
        const QString code = lastCode();
        QCOMPARE(client().stepUpVerify(challenge, code, m_owner.access).status, 200);
        const ServiceReply again = client().stepUpVerify(challenge, code, m_owner.access);
        QCOMPARE(again.status, 410);
        QCOMPARE(audit(QStringLiteral("new_session_wait_shortened")).size(), 1);
    }

    // (b) A code belongs to the session that asked: the thief cannot spend the owner's.
    void codeWorksOnlyForTheAskingSession()
    {
        const QString challenge = startedChallenge(m_owner.access);
        QCOMPARE(client().stepUpVerify(challenge, lastCode(), m_thief.access).status, 410);
        QVERIFY(secondsNew(m_owner.access, m_thief.deviceId) > 23 * hour);
    }

    // (b) Expires after 10 minutes by the service clock.
    void codeExpires()
    {
        const QString challenge = startedChallenge(m_owner.access);
        const QString code = lastCode();
        QVERIFY(client().advanceClock(601));
        QVERIFY(client().refreshTokens(m_owner.access, m_owner.refresh));
        const ServiceReply late = client().stepUpVerify(challenge, code, m_owner.access);
        QCOMPARE(late.status, 410);
        QCOMPARE(late.error(), QStringLiteral("challenge_expired"));
        QVERIFY(secondsNew(m_owner.access, m_owner.deviceId) > 22 * hour);
    }

    // (b) 5 wrong codes kill a challenge; a new challenge does not reset the shared budget (the
    // same one as every step-up secret), which then refuses even the right code.
    void attemptBudgetSurvivesNewChallenges()
    {
        const QString first = startedChallenge(m_thief.access);
        for (int left = 4; left >= 0; --left) {
            const ServiceReply wrong = client().stepUpVerify(first, QStringLiteral("000000"), m_thief.access);
            QCOMPARE(wrong.error(), QStringLiteral("invalid_code"));
            QCOMPARE(wrong.json().value(QStringLiteral("attempts_left")).toInt(), left);
        }
        QCOMPARE(client().stepUpVerify(first, lastCode(), m_thief.access).status, 423);
        const QString second = startedChallenge(m_thief.access);
        QCOMPARE(client()
                     .stepUpVerify(second, QStringLiteral("000000"), m_thief.access)
                     .json()
                     .value(QStringLiteral("attempts_left")),
                 QJsonValue(4));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client().stepUpVerify(second, QStringLiteral("000000"), m_thief.access).status, 401);
        // The 10th wrong secret of the session starts a wait; the right code is refused during it.
        const QString third = startedChallenge(m_thief.access);
        QCOMPARE(client().stepUpVerify(third, QStringLiteral("000000"), m_thief.access).status, 429);
        const ServiceReply right = client().stepUpVerify(third, lastCode(), m_thief.access);
        QCOMPARE(right.status, 429);
        QCOMPARE(startShortening(m_thief.access).status, 429);
        QVERIFY(secondsNew(m_owner.access, m_thief.deviceId) > 23 * hour);
    }

    // (d) Never lengthens: a wait that ends sooner than an hour from the code's use stays.
    void neverLengthens()
    {
        const qint64 until = secondsNew(m_owner.access, m_owner.deviceId);
        const ServiceReply aged =
            client().admin("POST",
                           QStringLiteral("/__admin/devices/%1/age").arg(m_owner.deviceId),
                           {{QStringLiteral("hours"), double(until - hour - 120) / hour}}); // ends in 1 h 2 min
        QVERIFY2(aged.status == 200, aged.body.constData());
        const QString challenge = startedChallenge(m_owner.access);
        const QString code = lastCode();
        QVERIFY(client().advanceClock(5 * 60)); // now it ends in 57 minutes
        QVERIFY(client().refreshTokens(m_owner.access, m_owner.refresh));
        const qint64 before = secondsNew(m_owner.access, m_owner.deviceId);
        QVERIFY(before < hour);
        const ServiceReply verified = client().stepUpVerify(challenge, code, m_owner.access);
        QVERIFY2(verified.status == 200, verified.body.constData());
        QVERIFY(near(verified.json().value(QStringLiteral("retry_after")).toInteger(), before));
        QVERIFY(near(secondsNew(m_owner.access, m_owner.deviceId), before));
        // Within the hour there is nothing to shorten: no email at all.
        QCOMPARE(startShortening(m_owner.access).error(), QStringLiteral("wait_already_short"));
    }

    // (a) Checked again when the code comes back: an established session by now refuses it.
    void establishedMeanwhileRefusesTheCode()
    {
        const QString challenge = startedChallenge(m_thief.access);
        const QString code = lastCode();
        QVERIFY(establish(client(), m_owner));
        const ServiceReply refused = client().stepUpVerify(challenge, code, m_thief.access);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("established_session_exists"));
        QVERIFY(secondsNew(m_owner.access, m_thief.deviceId) > 23 * hour);
        QCOMPARE(client().stepUpVerify(challenge, code, m_thief.access).status, 410); // spent
    }

    // A step-up code never shortens, and a shortening code never earns a step-up token.
    void stepUpCodesDoNotShorten()
    {
        const ServiceReply started = client().postJson(
            QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("email")}}, m_thief.access);
        QCOMPARE(started.status, 200);
        QCOMPARE(outbox(m_email).last().value(QStringLiteral("purpose")).toString(), QStringLiteral("step_up"));
        const ServiceReply verified = client().stepUpVerify(
            started.json().value(QStringLiteral("challenge")).toString(), lastCode(), m_thief.access);
        QVERIFY(verified.json().contains(QStringLiteral("step_up_token")));
        QVERIFY(secondsNew(m_owner.access, m_thief.deviceId) > 23 * hour);
        QVERIFY(audit(QStringLiteral("new_session_wait_shortened")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServiceShortenWait)
#include "mockd_service_shorten_wait.moc"
