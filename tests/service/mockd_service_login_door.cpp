#include "AuditReader.h"
#include "Establish.h"
#include "ServiceFixture.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// The login door under attack, against a real vigil-mockd: a stranger who knows the owner's email
// fails on purpose to lock the owner out. Device cookies (OWASP) let the owner's devices in; their
// own failures throttle them; forged or foreign cookies buy nothing; the owner's signed-in sessions
// keep working; and a flood of refused attempts leaves a bounded audit trail. The database is a
// file, so the audit table can be counted.
class TestServiceLoginDoor final : public ServiceFixture
{
    Q_OBJECT

private:
    static QHostAddress owner() { return QHostAddress(QStringLiteral("127.0.0.1")); }
    static QHostAddress stranger() { return QHostAddress(QStringLiteral("127.0.0.2")); }
    static QHostAddress elsewhere() { return QHostAddress(QStringLiteral("127.0.0.3")); }
    QString databaseFile() const { return m_dir.filePath(QStringLiteral("mockd.sqlite")); }

    // A sign-in from `from`, with the device cookie when one is given.
    ServiceReply
    signIn(const QHostAddress& from, const QString& email, const QString& password, const QString& deviceCookie = {})
    {
        client().rememberSecret(password);
        QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
        if (!deviceCookie.isEmpty())
            body.insert(QStringLiteral("device_cookie"), deviceCookie);
        const ServiceReply reply = client().postJsonFrom(from, QStringLiteral("/v1/auth/login"), body);
        if (!reply.networkError.isEmpty())
            qWarning() << "no answer from" << from << reply.networkError;
        return reply;
    }

    static QString cookieOf(const ServiceReply& reply)
    {
        return reply.json().value(QStringLiteral("device_cookie")).toString();
    }

    // The owner signs in once from their own computer and keeps the device cookie.
    QString ownersCookie()
    {
        const ServiceReply reply = signIn(owner(), demoEmail(), demoPassword());
        [&] { QCOMPARE(reply.status, 200); }();
        return cookieOf(reply);
    }

    // A stranger fails `count` times for the demo account from another address.
    void strangerGuesses(int count)
    {
        for (int i = 0; i < count; ++i) {
            const int status = signIn(stranger(), demoEmail(), QStringLiteral("guess-%1").arg(i)).status;
            QVERIFY2(status == 401 || status == 429, qPrintable(QString::number(status)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startService({QStringLiteral("--db"), databaseFile()}));
    }

    void init() { QVERIFY(client().reset()); }

    void everySignInHandsOutADeviceCookie()
    {
        const ServiceReply first = signIn(owner(), demoEmail(), demoPassword());
        QCOMPARE(first.status, 200);
        const QString cookie = cookieOf(first);
        QVERIFY2(cookie.startsWith(QLatin1String("vdc_")), first.body.constData());
        // Presented at the next sign-in, it is replaced by a new one; the old one is spent.
        const ServiceReply second = signIn(owner(), demoEmail(), demoPassword(), cookie);
        QCOMPARE(second.status, 200);
        QVERIFY(cookieOf(second).startsWith(QLatin1String("vdc_")));
        QVERIFY(cookieOf(second) != cookie);
    }

    void theOwnersDeviceGetsInWhileAStrangerLocksTheAccount()
    {
        const QString cookie = ownersCookie();
        QVERIFY(!cookie.isEmpty());
        strangerGuesses(8);
        QCOMPARE(signIn(stranger(), demoEmail(), demoPassword()).status, 429);
        // Without the cookie, the right password from anywhere waits: strangers share the account's count…
        const ServiceReply plain = signIn(owner(), demoEmail(), demoPassword());
        QCOMPARE(plain.status, 429);
        QCOMPARE(plain.error(), QStringLiteral("too_many_attempts"));
        QCOMPARE(signIn(elsewhere(), demoEmail(), demoPassword()).status, 429);
        // …but the owner's device proves itself and gets in at once.
        const ServiceReply withCookie = signIn(owner(), demoEmail(), demoPassword(), cookie);
        QCOMPARE(withCookie.status, 200);
        QVERIFY(!withCookie.json().value(QStringLiteral("access_token")).toString().isEmpty());
        // The owner getting in does not clear the strangers' count.
        QCOMPARE(signIn(stranger(), demoEmail(), demoPassword()).status, 429);
    }

    void aTwoStepOwnersDeviceGetsInToo()
    {
        const QString email = QString::fromLatin1(ServiceClient::twoStepEmail);
        const QString password = QString::fromLatin1(ServiceClient::twoStepPassword);
        const QString mfa = signIn(owner(), email, password).json().value(QStringLiteral("mfa_token")).toString();
        const qint64 now = client().serverTimeSeconds();
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, now);
        client().rememberCode(code);
        const ServiceReply done = client().postJson(QStringLiteral("/v1/auth/mfa"),
                                                    {{QStringLiteral("mfa_token"), mfa},
                                                     {QStringLiteral("method"), QStringLiteral("totp")},
                                                     {QStringLiteral("code"), code}});
        QCOMPARE(done.status, 200);
        const QString cookie = cookieOf(done);
        QVERIFY(cookie.startsWith(QLatin1String("vdc_")));

        for (int i = 0; i < 6; ++i)
            signIn(stranger(), email, QStringLiteral("guess-%1").arg(i));
        QCOMPARE(signIn(owner(), email, password).status, 429);
        const ServiceReply again = signIn(owner(), email, password, cookie);
        QCOMPARE(again.status, 403);
        QCOMPARE(again.error(), QStringLiteral("mfa_required"));
        const QString next = ServiceClient::totp(ServiceClient::twoStepSecret, now + 30);
        client().rememberCode(next);
        const ServiceReply finished = client().postJson(
            QStringLiteral("/v1/auth/mfa"),
            {{QStringLiteral("mfa_token"), again.json().value(QStringLiteral("mfa_token")).toString()},
             {QStringLiteral("method"), QStringLiteral("totp")},
             {QStringLiteral("code"), next}});
        QCOMPARE(finished.status, 200);
        QVERIFY(cookieOf(finished).startsWith(QLatin1String("vdc_")));
    }

    void forgedForeignAndSpentCookiesBuyNothing()
    {
        const QString spent = ownersCookie();
        const QString current = cookieOf(signIn(owner(), demoEmail(), demoPassword(), spent));
        QVERIFY(!current.isEmpty());
        // A cookie of the 2-step account (its password step is enough to be handed none; finish it).
        const QString email = QString::fromLatin1(ServiceClient::twoStepEmail);
        const QString mfa = signIn(owner(), email, QString::fromLatin1(ServiceClient::twoStepPassword))
                                .json()
                                .value(QStringLiteral("mfa_token"))
                                .toString();
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds());
        client().rememberCode(code);
        const QString foreign = cookieOf(client().postJson(QStringLiteral("/v1/auth/mfa"),
                                                           {{QStringLiteral("mfa_token"), mfa},
                                                            {QStringLiteral("method"), QStringLiteral("totp")},
                                                            {QStringLiteral("code"), code}}));
        QVERIFY(foreign.startsWith(QLatin1String("vdc_")));

        strangerGuesses(6);
        const QString forged = QStringLiteral("vdc_") + QString(43, QLatin1Char('A'));
        for (const QString& cookie : {forged, foreign, spent, QStringLiteral("not-a-cookie"), current.chopped(1)}) {
            const ServiceReply reply = signIn(elsewhere(), demoEmail(), demoPassword(), cookie);
            QVERIFY2(reply.status == 429,
                     qPrintable(cookie.left(8) + QLatin1Char(' ') + QString::number(reply.status)));
        }
        // The owner's current cookie still works, from any address.
        QCOMPARE(signIn(elsewhere(), demoEmail(), demoPassword(), current).status, 200);
    }

    void aCookiesOwnFailuresThrottleIt()
    {
        const QString cookie = ownersCookie();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(stranger(), demoEmail(), QStringLiteral("guess-%1").arg(i), cookie).status, 401);
        // The stolen cookie is locked out now, the right password included…
        const ServiceReply locked = signIn(stranger(), demoEmail(), demoPassword(), cookie);
        QCOMPARE(locked.status, 429);
        QVERIFY(!locked.header("Retry-After").isEmpty());
        QCOMPARE(signIn(owner(), demoEmail(), demoPassword(), cookie).status, 429);
        // …while its failures were not the account's: strangers with the password still get in.
        QCOMPARE(signIn(elsewhere(), demoEmail(), demoPassword()).status, 200);
        // After the wait the cookie works again.
        QVERIFY(client().advanceClock(locked.json().value(QStringLiteral("retry_after")).toInt() + 1));
        QCOMPARE(signIn(owner(), demoEmail(), demoPassword(), cookie).status, 200);
    }

    void signedInSessionsKeepWorkingWhileTheDoorIsShut()
    {
        ServiceClient::Tokens me = client().loginDemo(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        const ServiceClient::Tokens intruder =
            client().loginDemo(QStringLiteral("Unknown Phone"), QStringLiteral("phone"));
        QVERIFY(!me.access.isEmpty() && !intruder.access.isEmpty());
        QVERIFY(establish(client(), me));
        strangerGuesses(12);
        QCOMPARE(signIn(elsewhere(), demoEmail(), demoPassword()).status, 429);

        // No clock moves here: every step below happens while the door is shut.
        QVERIFY(client().refreshTokens(me.access, me.refresh));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), me.access).status, 200);
        const QString stepUp = client().passwordStepUp(me.access);
        QVERIFY2(!stepUp.isEmpty(), "step-up with the password was refused while the login door was throttled");
        const ServiceReply signedOut = client().send("POST",
                                                     QStringLiteral("/v1/devices/%1/sign-out").arg(intruder.deviceId),
                                                     "{}",
                                                     {{"Content-Type", "application/json"},
                                                      {"Authorization", "Bearer " + me.access.toLatin1()},
                                                      {"X-Step-Up", stepUp.toLatin1()}});
        QCOMPARE(signedOut.status, 200);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), intruder.access).error(), QStringLiteral("session_revoked"));
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, me.access).status, 204);
        QCOMPARE(signIn(elsewhere(), demoEmail(), demoPassword()).status, 429);
    }

    void aFloodOfRefusedAttemptsLeavesABoundedTrail()
    {
        const ServiceClient::Tokens me = client().login(demoEmail(), demoPassword());
        QVERIFY(!me.access.isEmpty());
        const QString ghost = QStringLiteral("ghost@vigil.test");
        strangerGuesses(5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(elsewhere(), ghost, QStringLiteral("guess-%1").arg(i)).status, 401);
        const qint64 before = AuditReader::count(databaseFile());
        QVERIFY(before > 0);
        constexpr int flood = 60;
        for (int i = 0; i < flood; ++i) {
            QCOMPARE(signIn(stranger(), demoEmail(), QStringLiteral("flood-%1").arg(i)).status, 429);
            QCOMPARE(signIn(elsewhere(), ghost, QStringLiteral("flood-%1").arg(i)).status, 429);
        }
        // One row for the real account, one for the unknown one: each counts its refusals.
        QCOMPARE(AuditReader::count(databaseFile()), before + 2);
        const QList<QJsonObject> rows = AuditReader::details(databaseFile(), QStringLiteral("sign_in_throttled"));
        QCOMPARE(rows.size(), 2);
        for (const QJsonObject& row : rows)
            QCOMPARE(row.value(QStringLiteral("count")).toInt(), flood);
        // The owner sees the refusals once in the activity.
        const ServiceReply activity = client().get(QStringLiteral("/v1/activity?type=throttled"), me.access);
        QCOMPARE(activity.status, 200);
        QCOMPARE(activity.json().value(QStringLiteral("entries")).toArray().size(), 1);
        // A new window starts a new row.
        QVERIFY(client().advanceClock(3601));
        strangerGuesses(5);
        QCOMPARE(signIn(stranger(), demoEmail(), demoPassword()).status, 429);
        QCOMPARE(AuditReader::details(databaseFile(), QStringLiteral("sign_in_throttled")).size(), 3);
    }

    void theLogNeverShowsACookie()
    {
        QVERIFY(client().secretCount() >= 3);
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" POST /v1/auth/login 200 "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vdc_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceLoginDoor)
#include "mockd_service_login_door.moc"
