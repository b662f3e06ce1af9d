#include "Establish.h"
#include "ServiceFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>

// The young-session guard against a real vigil-mockd: a session signed in less than
// --new-session-hours ago (by the service clock) and not confirmed may read and sign itself out,
// but every action that could lock the owner out answers 403 session_too_new; established
// sessions are never limited; confirming (step-up, from an established session) and the admin
// controls end the restriction.
class TestServiceYoungSessions final : public ServiceFixture
{
    Q_OBJECT

private:
    struct Action
    {
        QByteArray method;
        QString path;
        QJsonObject body;
    };

    ServiceClient::Tokens m_owner;

    ServiceReply call(const Action& action, const QString& access, const QString& stepUp)
    {
        RawHeaders headers{{"Authorization", "Bearer " + access.toLatin1()}};
        if (!stepUp.isEmpty())
            headers.append(qMakePair(QByteArray("X-Step-Up"), stepUp.toLatin1()));
        QByteArray payload;
        if (action.method != "DELETE") {
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            payload = QJsonDocument(action.body).toJson(QJsonDocument::Compact);
        }
        return client().send(action.method, action.path, payload, headers);
    }

    // Every guarded action, named for the data table.
    static QList<QPair<QByteArray, Action>> guardedActions()
    {
        const QString tv = QStringLiteral("dev_demo_living_tv");
        return {
            {"sign out one", {"POST", QStringLiteral("/v1/devices/%1/sign-out").arg(tv), {}}},
            {"sign out listed",
             {"POST", QStringLiteral("/v1/devices/sign-out"), {{QStringLiteral("ids"), QJsonArray{tv}}}}},
            {"sign out others",
             {"POST", QStringLiteral("/v1/devices/sign-out"), {{QStringLiteral("scope"), QStringLiteral("others")}}}},
            {"sign out all",
             {"POST", QStringLiteral("/v1/devices/sign-out"), {{QStringLiteral("scope"), QStringLiteral("all")}}}},
            {"password",
             {"POST",
              QStringLiteral("/v1/account/password"),
              {{QStringLiteral("current"), QString::fromLatin1(ServiceClient::demoPassword)},
               {QStringLiteral("new"), QStringLiteral("a quiet harbour at dawn 93")},
               {QStringLiteral("sign_out"), QStringLiteral("none")}}}},
            {"authenticator app", {"POST", QStringLiteral("/v1/account/two-step/totp"), {}}},
            {"authenticator off", {"DELETE", QStringLiteral("/v1/account/two-step/totp"), {}}},
            {"authenticator confirm",
             {"POST",
              QStringLiteral("/v1/account/two-step/totp/confirm"),
              {{QStringLiteral("enrolment"), QStringLiteral("enr_unknown")},
               {QStringLiteral("code"), QStringLiteral("123456")}}}},
            {"fallbacks",
             {"PUT",
              QStringLiteral("/v1/account/two-step/fallbacks"),
              {{QStringLiteral("email"), true}, {QStringLiteral("sms"), true}}}},
            {"recovery codes", {"POST", QStringLiteral("/v1/account/two-step/recovery-codes"), {}}},
            {"support code", {"POST", QStringLiteral("/v1/account/support-codes"), {}}},
            {"auto sign-out",
             {"PUT", QStringLiteral("/v1/account/settings"), {{QStringLiteral("auto_sign_out_days"), 30}}}},
            {"confirm a device", {"POST", QStringLiteral("/v1/devices/%1/confirm").arg(tv), {}}},
        };
    }

    void addActionRows()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        for (const auto& [name, action] : guardedActions())
            QTest::newRow(name.constData()) << action.method << action.path << action.body;
    }

    static void verifyTooNew(const ServiceReply& reply)
    {
        QVERIFY2(reply.status == 403, reply.body.constData());
        QCOMPARE(reply.error(), QStringLiteral("session_too_new"));
        QVERIFY(
            QDateTime::fromString(reply.json().value(QStringLiteral("new_until")).toString(), Qt::ISODate).isValid());
        QVERIFY(reply.json().value(QStringLiteral("retry_after")).toInteger() > 0);
        QVERIFY(reply.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("confirm this one")));
    }

    QJsonObject deviceOf(const QString& access, const QString& id)
    {
        return client().get(QStringLiteral("/v1/devices/%1").arg(id), access).json();
    }

    bool isNull(const QJsonObject& object, const char* key)
    {
        return object.contains(QLatin1String(key)) && object.value(QLatin1String(key)).isNull();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init()
    {
        QVERIFY(client().reset());
        m_owner = client().loginDemo(QStringLiteral("Owner's Laptop"), QStringLiteral("computer"));
        QVERIFY(!m_owner.access.isEmpty());
        QVERIFY(establish(client(), m_owner));
    }

    void cleanupTestCase()
    {
        const QStringList leaked = client().leakedSecrets(m_mockd.output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QCOMPARE(m_mockd.stop(), 0);
    }

    void newSessionIsRefused_data() { addActionRows(); }
    void newSessionIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        // With a step-up and without one: the guard answers first, either way.
        verifyTooNew(call({method, path, body}, fresh.access, client().passwordStepUp(fresh.access)));
        verifyTooNew(call({method, path, body}, fresh.access, {}));
        // Nothing happened: the TV is still signed in.
        QVERIFY(deviceOf(m_owner.access, QStringLiteral("dev_demo_living_tv")).contains(QStringLiteral("id")));
    }

    void establishedSessionIsNotLimited_data() { addActionRows(); }
    void establishedSessionIsNotLimited()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        const ServiceReply reply = call({method, path, body}, m_owner.access, client().passwordStepUp(m_owner.access));
        QVERIFY2(reply.error() != QLatin1String("session_too_new") && reply.status < 500, reply.body.constData());
        // The routes that need nothing more than the step-up did what was asked.
        if (!path.contains(QLatin1String("two-step/totp")) && !path.contains(QLatin1String("recovery-codes")))
            QVERIFY2(reply.status >= 200 && reply.status < 300, reply.body.constData());
    }

    void newSessionMaySignItselfOutAndRead()
    {
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        for (const QString& path : {QStringLiteral("/v1/devices"),
                                    QStringLiteral("/v1/me"),
                                    QStringLiteral("/v1/activity"),
                                    QStringLiteral("/v1/profiles"),
                                    QStringLiteral("/v1/account/settings"),
                                    QStringLiteral("/v1/account/two-step")})
            QVERIFY2(client().get(path, fresh.access).status == 200, qPrintable(path));
        const ServiceReply own = call(
            {"POST", QStringLiteral("/v1/devices/sign-out"), {{QStringLiteral("ids"), QJsonArray{fresh.deviceId}}}},
            fresh.access,
            client().passwordStepUp(fresh.access));
        QVERIFY2(own.status == 200, own.body.constData());
        QCOMPARE(client().get(QStringLiteral("/v1/devices"), fresh.access).error(), QStringLiteral("session_revoked"));

        const auto again = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const ServiceReply current = call({"POST", QStringLiteral("/v1/devices/%1/sign-out").arg(again.deviceId), {}},
                                          again.access,
                                          client().passwordStepUp(again.access));
        QVERIFY2(current.status == 200, current.body.constData());
    }

    void devicesAndMeShowNewUntil()
    {
        const qint64 signedIn = client().serverTimeSeconds();
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const QJsonObject device = deviceOf(m_owner.access, fresh.deviceId);
        const QDateTime until =
            QDateTime::fromString(device.value(QStringLiteral("new_until")).toString(), Qt::ISODate);
        QVERIFY2(until.isValid(), QJsonDocument(device).toJson().constData());
        QVERIFY(qAbs(until.toSecsSinceEpoch() - (signedIn + 24 * 3600)) <= 5);
        // Seeded devices signed in days ago, and the confirmed owner, are established.
        QVERIFY(isNull(deviceOf(m_owner.access, QStringLiteral("dev_demo_living_tv")), "new_until"));
        QVERIFY(isNull(deviceOf(m_owner.access, m_owner.deviceId), "new_until"));
        const QJsonObject me = client().get(QStringLiteral("/v1/me"), fresh.access).json();
        QCOMPARE(me.value(QStringLiteral("session")).toObject().value(QStringLiteral("new_until")).toString(),
                 device.value(QStringLiteral("new_until")).toString());
        QVERIFY(isNull(
            client().get(QStringLiteral("/v1/me"), m_owner.access).json().value(QStringLiteral("session")).toObject(),
            "new_until"));
    }

    void windowEndsAfter24HoursByTheServiceClock()
    {
        auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const Action signOutTv{"POST", QStringLiteral("/v1/devices/dev_demo_living_tv/sign-out"), {}};
        QVERIFY(client().advanceClock(23 * 3600 + 59 * 60));
        QVERIFY(client().refreshTokens(fresh.access, fresh.refresh));
        verifyTooNew(call(signOutTv, fresh.access, client().passwordStepUp(fresh.access)));
        QVERIFY(client().advanceClock(60));
        QVERIFY(client().refreshTokens(fresh.access, fresh.refresh));
        const ServiceReply done = call(signOutTv, fresh.access, client().passwordStepUp(fresh.access));
        QVERIFY2(done.status == 200, done.body.constData());
    }

    void theListFollowsTheClock()
    {
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const auto newUntilInList = [this, &fresh] {
            const QJsonArray devices = client()
                                           .get(QStringLiteral("/v1/devices"), m_owner.access)
                                           .json()
                                           .value(QStringLiteral("devices"))
                                           .toArray();
            for (const QJsonValue& device : devices) {
                if (device.toObject().value(QStringLiteral("id")).toString() == fresh.deviceId)
                    return device.toObject().value(QStringLiteral("new_until"));
            }
            return QJsonValue(QJsonValue::Undefined);
        };
        QVERIFY(newUntilInList().isString());
        // Nothing about the device changes when its day is over, yet the list must say so.
        QVERIFY(client().advanceClock(24 * 3600));
        QVERIFY(client().refreshTokens(m_owner.access, m_owner.refresh));
        QVERIFY(newUntilInList().isNull());
    }

    void confirmFromAnEstablishedDevice()
    {
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const Action confirm{"POST", QStringLiteral("/v1/devices/%1/confirm").arg(fresh.deviceId), {}};
        // A new session can confirm neither itself nor another.
        verifyTooNew(call(confirm, fresh.access, client().passwordStepUp(fresh.access)));
        verifyTooNew(call({"POST", QStringLiteral("/v1/devices/current/confirm"), {}},
                          fresh.access,
                          client().passwordStepUp(fresh.access)));
        // The owner needs a step-up, as for a sign-out.
        const ServiceReply without = call(confirm, m_owner.access, {});
        QCOMPARE(without.status, 403);
        QCOMPARE(without.error(), QStringLiteral("step_up_required"));
        QVERIFY(!isNull(deviceOf(m_owner.access, fresh.deviceId), "new_until"));

        const ServiceReply confirmed = call(confirm, m_owner.access, client().passwordStepUp(m_owner.access));
        QVERIFY2(confirmed.status == 200, confirmed.body.constData());
        QCOMPARE(confirmed.json().value(QStringLiteral("id")).toString(), fresh.deviceId);
        QVERIFY(isNull(confirmed.json(), "new_until"));
        // Again: already established, same answer.
        QCOMPARE(call(confirm, m_owner.access, client().passwordStepUp(m_owner.access)).status, 200);
        // Now it may do what an established device does.
        const ServiceReply signedOut = call({"POST", QStringLiteral("/v1/devices/dev_demo_living_tv/sign-out"), {}},
                                            fresh.access,
                                            client().passwordStepUp(fresh.access));
        QVERIFY2(signedOut.status == 200, signedOut.body.constData());
        // Unknown devices are 404.
        QCOMPARE(call({"POST", QStringLiteral("/v1/devices/dev_nope/confirm"), {}},
                      m_owner.access,
                      client().passwordStepUp(m_owner.access))
                     .status,
                 404);
    }

    void adminAgesAndConfirms()
    {
        auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const QString age = QStringLiteral("/__admin/devices/%1/age").arg(fresh.deviceId);
        const Action signOutTv{"POST", QStringLiteral("/v1/devices/dev_demo_living_tv/sign-out"), {}};

        // 23 h 59 min old: still new, for about a minute.
        ServiceReply aged = client().admin("POST", age, {{QStringLiteral("hours"), 23.0 + 59.0 / 60.0}});
        QVERIFY2(aged.status == 200, aged.body.constData());
        const QDateTime until =
            QDateTime::fromString(aged.json().value(QStringLiteral("new_until")).toString(), Qt::ISODate);
        QVERIFY(until.isValid());
        QVERIFY(qAbs(until.toSecsSinceEpoch() - (client().serverTimeSeconds() + 60)) <= 5);
        verifyTooNew(call(signOutTv, fresh.access, client().passwordStepUp(fresh.access)));
        // A minute more: established.
        aged = client().admin("POST", age, {{QStringLiteral("hours"), 1.0 / 60.0}});
        QVERIFY(isNull(aged.json(), "new_until"));
        QCOMPARE(call(signOutTv, fresh.access, client().passwordStepUp(fresh.access)).status, 200);

        const auto other = client().loginDemo(QStringLiteral("Firefox on Linux"), QStringLiteral("browser"));
        const ServiceReply confirmed =
            client().admin("POST", QStringLiteral("/__admin/devices/%1/confirm").arg(other.deviceId));
        QVERIFY2(confirmed.status == 200, confirmed.body.constData());
        QVERIFY(isNull(confirmed.json(), "new_until"));
        QVERIFY(isNull(deviceOf(other.access, other.deviceId), "new_until"));

        QCOMPARE(client().admin("POST", QStringLiteral("/__admin/devices/dev_nope/confirm")).status, 404);
        QCOMPARE(client().admin("POST", age, {{QStringLiteral("hours"), -1}}).status, 422);
        QCOMPARE(client().admin("POST", age, {{QStringLiteral("hours"), QStringLiteral("24")}}).status, 422);
        // Without the admin key: refused.
        QCOMPARE(client().postJson(age, {{QStringLiteral("hours"), 24}}, m_owner.access).status, 403);
    }

    void theScenariosComputerIsEstablished()
    {
        // The household scenario's established computer (vigil --demo sends its cookie).
        const QJsonObject device{{QStringLiteral("name"), QStringLiteral("Vigil on the demo computer")},
                                 {QStringLiteral("type"), QStringLiteral("computer")}};
        QJsonObject body{
            {QStringLiteral("email"), QString::fromLatin1(ServiceClient::demoEmail)},
            {QStringLiteral("password"), QString::fromLatin1(ServiceClient::demoPassword)},
            {QStringLiteral("device"), device},
            {QStringLiteral("device_cookie"), QStringLiteral("vdc_demo-household-computer-established-0000000")}};
        const ServiceReply first = client().postJson(QStringLiteral("/v1/auth/login"), body);
        QVERIFY2(first.status == 200, first.body.constData());
        const auto tokens = client().tokensFrom(first);
        QVERIFY(isNull(
            client().get(QStringLiteral("/v1/me"), tokens.access).json().value(QStringLiteral("session")).toObject(),
            "new_until"));
        const ServiceReply signedOut = call({"POST", QStringLiteral("/v1/devices/dev_demo_living_tv/sign-out"), {}},
                                            tokens.access,
                                            client().passwordStepUp(tokens.access));
        QVERIFY2(signedOut.status == 200, signedOut.body.constData());
        // The cookie it got in exchange keeps the computer established at its next sign-in.
        const QString next = first.json().value(QStringLiteral("device_cookie")).toString();
        client().rememberSecret(next);
        body.insert(QStringLiteral("device_cookie"), next);
        const auto again = client().tokensFrom(client().postJson(QStringLiteral("/v1/auth/login"), body));
        QVERIFY(isNull(
            client().get(QStringLiteral("/v1/me"), again.access).json().value(QStringLiteral("session")).toObject(),
            "new_until"));
        // An ordinary cookie proves a computer signed in before, not that it is established.
        const ServiceReply stranger = client().loginReply(QString::fromLatin1(ServiceClient::demoEmail),
                                                          QString::fromLatin1(ServiceClient::demoPassword));
        const QString ordinary = stranger.json().value(QStringLiteral("device_cookie")).toString();
        client().rememberSecret(ordinary);
        body.insert(QStringLiteral("device_cookie"), ordinary);
        const auto plain = client().tokensFrom(client().postJson(QStringLiteral("/v1/auth/login"), body));
        QVERIFY(!isNull(
            client().get(QStringLiteral("/v1/me"), plain.access).json().value(QStringLiteral("session")).toObject(),
            "new_until"));
    }

    void adminListsTheAccountsDevices()
    {
        const auto fresh = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const ServiceReply list = client().admin("GET", QStringLiteral("/__admin/devices?account=demo%40vigil.test"));
        QVERIFY2(list.status == 200, list.body.constData());
        int newOnes = 0;
        for (const QJsonValue& value : list.json().value(QStringLiteral("devices")).toArray()) {
            const QJsonObject device = value.toObject();
            if (!device.value(QStringLiteral("new_until")).isNull()) {
                ++newOnes;
                QCOMPARE(device.value(QStringLiteral("id")).toString(), fresh.deviceId);
                QCOMPARE(device.value(QStringLiteral("name")).toString(), QStringLiteral("Chrome on Windows"));
            }
        }
        QCOMPARE(newOnes, 1);
        QCOMPARE(client().admin("GET", QStringLiteral("/__admin/devices?account=nobody%40vigil.test")).status, 404);
    }

    void windowIsASetting()
    {
        MockdProcess shortWindow;
        QVERIFY2(shortWindow.start({QStringLiteral("--new-session-hours"), QStringLiteral("1")}),
                 qPrintable(shortWindow.errorString()));
        ServiceClient other(shortWindow.baseUrl());
        const qint64 signedIn = other.serverTimeSeconds();
        const auto fresh = other.loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const QJsonObject me = other.get(QStringLiteral("/v1/me"), fresh.access).json();
        const QDateTime until = QDateTime::fromString(
            me.value(QStringLiteral("session")).toObject().value(QStringLiteral("new_until")).toString(), Qt::ISODate);
        QVERIFY(until.isValid());
        QVERIFY(qAbs(until.toSecsSinceEpoch() - (signedIn + 3600)) <= 5);
        QCOMPARE(shortWindow.stop(), 0);

        MockdProcess refused;
        QVERIFY(!refused.start({QStringLiteral("--new-session-hours"), QStringLiteral("0")}, 5000));
    }

    void intruderScenario()
    {
        const ServiceReply loaded = client().admin(
            "POST", QStringLiteral("/__admin/scenario"), {{QStringLiteral("name"), QStringLiteral("intruder")}});
        QVERIFY2(loaded.status == 200, loaded.body.constData());
        // Whoever has only the password signs in, and is new.
        const auto thief = client().loginDemo(QStringLiteral("Chrome on Windows"), QStringLiteral("browser"));
        const QJsonObject intruder = deviceOf(thief.access, QStringLiteral("dev_intruder_chrome"));
        QCOMPARE(intruder.value(QStringLiteral("location")).toObject().value(QStringLiteral("country_code")).toString(),
                 QStringLiteral("NG"));
        const QDateTime until =
            QDateTime::fromString(intruder.value(QStringLiteral("new_until")).toString(), Qt::ISODate);
        QVERIFY(until.isValid());
        // Signed in ten minutes ago: new for another 23 h 50 min.
        QVERIFY(qAbs(until.toSecsSinceEpoch() - (client().serverTimeSeconds() + 23 * 3600 + 50 * 60)) <= 5);
        const QJsonObject owner = deviceOf(thief.access, QStringLiteral("dev_owner_macbook"));
        QCOMPARE(owner.value(QStringLiteral("location")).toObject().value(QStringLiteral("country_code")).toString(),
                 QStringLiteral("GB"));
        QVERIFY(isNull(owner, "new_until"));
        verifyTooNew(call({"POST", QStringLiteral("/v1/devices/dev_owner_macbook/sign-out"), {}},
                          thief.access,
                          client().passwordStepUp(thief.access)));
        // Back to the default scenario for the other tests.
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/scenario"),
                            {{QStringLiteral("name"), QStringLiteral("household")}})
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestServiceYoungSessions)
#include "mockd_service_young_sessions.moc"
