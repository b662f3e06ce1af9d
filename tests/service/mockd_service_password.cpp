#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <memory>

// Changing the password (POST /v1/account/password) against a real vigil-mockd: step-up, the
// current password, the rules for the new one (length, blocklist, not the same), then the old
// password is refused, the new one works, and the chosen devices are signed out; profiles stay.
class TestServicePassword final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;

    ServiceReply change(const QString& current, const QString& next, const QString& signOut, bool withStepUp = true)
    {
        RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_me.access.toLatin1()}};
        if (withStepUp)
            headers.append({"X-Step-Up", client().passwordStepUp(m_me.access).toLatin1()});
        client().rememberSecret(next);
        const QJsonObject body{
            {QStringLiteral("current"), current}, {QStringLiteral("new"), next}, {QStringLiteral("sign_out"), signOut}};
        return client().send("POST",
                             QStringLiteral("/v1/account/password"),
                             QJsonDocument(body).toJson(QJsonDocument::Compact),
                             headers);
    }

    int profilesCount(const QString& access)
    {
        return client().get(QStringLiteral("/v1/me"), access).json().value(QStringLiteral("profiles_count")).toInt(-1);
    }

    bool alive(const QString& access) { return client().get(QStringLiteral("/v1/me"), access).status == 200; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(resetAndSignInEstablished(m_me)); }

    void needsStepUp()
    {
        const ServiceReply reply =
            change(demoPassword(), QStringLiteral("a brand new passphrase"), QStringLiteral("none"), false);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("step_up_required"));
    }

    void wrongCurrentIsRefused()
    {
        const ServiceReply reply = change(
            QStringLiteral("not-the-password"), QStringLiteral("a brand new passphrase"), QStringLiteral("none"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_credentials"));
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 200);
    }

    void newPasswordRules_data()
    {
        QTest::addColumn<QString>("next");
        QTest::addColumn<QString>("error");
        QTest::newRow("too short") << QStringLiteral("short12") << QStringLiteral("invalid_field");
        QTest::newRow("too long") << QString(129, QLatin1Char('x')) << QStringLiteral("invalid_field");
        QTest::newRow("blocked") << QStringLiteral("password123") << QStringLiteral("password_blocked");
        QTest::newRow("blocked any case") << QStringLiteral("IloveYou2026") << QStringLiteral("password_blocked");
        QTest::newRow("same as current") << demoPassword() << QStringLiteral("invalid_field");
    }

    void newPasswordRules()
    {
        QFETCH(QString, next);
        QFETCH(QString, error);
        const ServiceReply reply = change(demoPassword(), next, QStringLiteral("none"));
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), error);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("new"));
        QVERIFY(!reply.json().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 200);
    }

    void exactly128IsAccepted()
    {
        const ServiceReply reply = change(demoPassword(), QString(128, QLatin1Char('q')), QStringLiteral("none"));
        QCOMPARE(reply.status, 200);
    }

    void changeAndSignOut_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<bool>("thisSurvives");
        QTest::addColumn<bool>("otherSurvives");
        QTest::newRow("none") << QStringLiteral("none") << true << true;
        QTest::newRow("others") << QStringLiteral("others") << true << false;
        QTest::newRow("all") << QStringLiteral("all") << false << false;
    }

    void changeAndSignOut()
    {
        QFETCH(QString, scope);
        QFETCH(bool, thisSurvives);
        QFETCH(bool, otherSurvives);
        const ServiceClient::Tokens other = client().loginDemo(QStringLiteral("Living Room TV"), QStringLiteral("tv"));
        QVERIFY(!other.access.isEmpty());
        const int profiles = profilesCount(m_me.access);
        QVERIFY(profiles > 0);

        const QString next = QStringLiteral("correct horse battery staple");
        const ServiceReply reply = change(demoPassword(), next, scope);
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().value(QStringLiteral("request_id")).toString().isEmpty());
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.isEmpty(), scope == QLatin1String("none"));
        bool otherListed = false;
        for (const QJsonValue& result : results)
            otherListed = otherListed || result.toObject().value(QStringLiteral("device_id")) == other.deviceId;
        QCOMPARE(otherListed, !otherSurvives);

        QCOMPARE(alive(m_me.access), thisSurvives);
        QCOMPARE(alive(other.access), otherSurvives);
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 401);
        const ServiceClient::Tokens again = client().login(demoEmail(), next);
        QVERIFY(!again.access.isEmpty());
        QCOMPARE(profilesCount(again.access), profiles);
    }
};

QTEST_GUILESS_MAIN(TestServicePassword)
#include "mockd_service_password.moc"
