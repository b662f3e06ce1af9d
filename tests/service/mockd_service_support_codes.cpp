#include "Establish.h"
#include "TestData.h"
#include "mockd_service_support_fixture.h"

#include <QJsonArray>
#include <QObject>
#include <QRegularExpression>
#include <QTest>

// Support codes and support sessions against a real vigil-mockd (tests/service/data/support-test.json):
// the holder's one-time code (step-up, single use, 10 minutes, this account only), the support
// sign-out it allows, what support can never do, and the short support sessions.
class TestServiceSupportCodes final : public QObject
{
    Q_OBJECT

private:
    SupportFixture m_fixture;
    ServiceClient::Tokens m_holder;
    ServiceClient::Tokens m_support;
    const QString m_reason = QStringLiteral("Customer asked to remove the TV they lost");

    ServiceClient& client() { return m_fixture.client(); }

    QStringList listedIds(const QString& access)
    {
        QStringList ids;
        const QJsonArray devices =
            client().get(QStringLiteral("/v1/devices"), access).json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices)
            ids.append(device.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    QJsonObject signOutBody(const QString& code, const QString& scope = QStringLiteral("devices"))
    {
        QJsonObject body{
            {QStringLiteral("code"), code}, {QStringLiteral("scope"), scope}, {QStringLiteral("reason"), m_reason}};
        if (scope == QLatin1String("devices"))
            body.insert(QStringLiteral("devices"), QJsonArray{QStringLiteral("dev_demo_living_tv")});
        return body;
    }

    void verifyCodeRefused(const ServiceReply& reply, const QString& messagePart)
    {
        QVERIFY2(reply.status == 403, reply.body.constData());
        QCOMPARE(reply.error(), QStringLiteral("support_code_invalid"));
        QVERIFY2(reply.json().value(QStringLiteral("message")).toString().contains(messagePart, Qt::CaseInsensitive),
                 reply.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fixture.start(testData(u"service/data/support-test.json")), qPrintable(m_fixture.errorString()));
    }

    void init()
    {
        QVERIFY(client().reset());
        m_holder = client().loginDemo(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QVERIFY(!m_holder.access.isEmpty());
        QVERIFY(establish(client(), m_holder));
        m_support = m_fixture.signInSupport();
        QVERIFY(!m_support.access.isEmpty());
    }

    void cleanupTestCase()
    {
        const QStringList leaked = client().leakedSecrets(m_fixture.mockd().output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QCOMPARE(m_fixture.mockd().stop(), 0);
    }

    void codeNeedsStepUp()
    {
        const ServiceReply without =
            m_fixture.call("POST", QStringLiteral("/v1/account/support-codes"), m_holder.access);
        QCOMPARE(without.status, 403);
        QCOMPARE(without.error(), QStringLiteral("step_up_required"));

        const QString stepUp = client().passwordStepUp(m_holder.access);
        const ServiceReply reply =
            m_fixture.call("POST", QStringLiteral("/v1/account/support-codes"), m_holder.access, {}, stepUp);
        QVERIFY2(reply.status == 201, reply.body.constData());
        const QString code = reply.json().value(QStringLiteral("code")).toString();
        client().rememberSecret(code);
        static const QRegularExpression shape(
            QStringLiteral("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$"));
        QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(reply.json().value(QStringLiteral("expires_in")).toInt(), 600);
        QVERIFY(!reply.json().value(QStringLiteral("expires_at")).toString().isEmpty());

        // The holder sees it in the activity, without the code.
        const ServiceReply activity =
            client().get(QStringLiteral("/v1/activity?type=support_code_created"), m_holder.access);
        QCOMPARE(activity.json().value(QStringLiteral("entries")).toArray().size(), 1);
        QVERIFY(!activity.body.contains(code.toLatin1()));
        QVERIFY(!activity.body.contains(QString(code).remove(QLatin1Char('-')).toLatin1()));
    }

    void codeSignsOutOnceAndLeavesProfiles()
    {
        const QByteArray profilesBefore = client().get(QStringLiteral("/v1/profiles"), m_holder.access).body;
        QVERIFY(listedIds(m_holder.access).contains(QStringLiteral("dev_demo_living_tv")));
        const QString code = m_fixture.createCode(m_holder.access);
        QVERIFY(!code.isEmpty());

        // Any case, without the dash, spaces ignored.
        const QString typed = QLatin1Char(' ') + code.toLower().remove(QLatin1Char('-')).insert(4, QLatin1Char(' '));
        const ServiceReply reply = m_fixture.supportSignOut(m_support.access, signOutBody(typed));
        QVERIFY2(reply.status == 200, reply.body.constData());
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toObject().value(QStringLiteral("device_id")).toString(),
                 QStringLiteral("dev_demo_living_tv"));
        QVERIFY(!reply.json().value(QStringLiteral("request_id")).toString().isEmpty());

        const QStringList after = listedIds(m_holder.access);
        QVERIFY2(!after.contains(QStringLiteral("dev_demo_living_tv")), qPrintable(after.join(u' ')));
        QVERIFY(after.contains(QStringLiteral("dev_demo_sam_iphone")));
        QCOMPARE(client().get(QStringLiteral("/v1/profiles"), m_holder.access).body, profilesBefore);

        const ServiceReply activity =
            client().get(QStringLiteral("/v1/activity?type=support_signed_out"), m_holder.access);
        const QJsonArray entries = activity.json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("reason")).toString(), m_reason);
        const QJsonObject details = entry.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("support_name")).toString(), QStringLiteral("Ada (Support)"));
        QCOMPARE(details.value(QStringLiteral("reason")).toString(), m_reason);
        QCOMPARE(details.value(QStringLiteral("devices")).toInt(), 1);
        QCOMPARE(details.value(QStringLiteral("code_used")).toBool(), true);
        // The device's own filter finds it; the revocation is not listed a second time.
        const ServiceReply ofDevice = client().get(
            QStringLiteral("/v1/activity?device=dev_demo_living_tv&type=support_signed_out,revoked"), m_holder.access);
        QCOMPARE(ofDevice.json().value(QStringLiteral("entries")).toArray().size(), 1);

        verifyCodeRefused(m_fixture.supportSignOut(m_support.access, signOutBody(code)), QStringLiteral("used"));
        QVERIFY(listedIds(m_holder.access).contains(QStringLiteral("dev_demo_sam_iphone")));
    }

    void scopeAllSignsEveryDeviceOut()
    {
        const QString code = m_fixture.createCode(m_holder.access);
        const ServiceReply reply = m_fixture.supportSignOut(m_support.access, signOutBody(code, QStringLiteral("all")));
        QVERIFY2(reply.status == 200, reply.body.constData());
        QCOMPARE(reply.json().value(QStringLiteral("results")).toArray().size(), 4); // three seeded + the laptop
        QCOMPARE(client().get(QStringLiteral("/v1/me"), m_holder.access).error(), QStringLiteral("session_revoked"));
    }

    void expiredCodeIsRefused()
    {
        const QString code = m_fixture.createCode(m_holder.access);
        QVERIFY(!code.isEmpty());
        QVERIFY(client().advanceClock(601));
        QVERIFY(client().refreshTokens(m_support.access, m_support.refresh));
        verifyCodeRefused(m_fixture.supportSignOut(m_support.access, signOutBody(code)), QStringLiteral("expired"));
    }

    void codeWorksUntilItsLastSecond()
    {
        const QString code = m_fixture.createCode(m_holder.access);
        QVERIFY(client().advanceClock(590));
        QVERIFY(client().refreshTokens(m_support.access, m_support.refresh));
        QCOMPARE(m_fixture.supportSignOut(m_support.access, signOutBody(code)).status, 200);
    }

    void codeOfAnotherAccountIsRefused()
    {
        const ServiceClient::Tokens other =
            client().login(QStringLiteral("other@vigil.test"), QStringLiteral("vigil-other-2026"));
        QVERIFY(!other.access.isEmpty());
        QVERIFY(establish(client(), other));
        const QString stepUp = client().passwordStepUp(other.access, QStringLiteral("vigil-other-2026"));
        const ServiceReply created =
            m_fixture.call("POST", QStringLiteral("/v1/account/support-codes"), other.access, {}, stepUp);
        QCOMPARE(created.status, 201);
        const QString code = created.json().value(QStringLiteral("code")).toString();
        client().rememberSecret(code);
        verifyCodeRefused(m_fixture.supportSignOut(m_support.access, signOutBody(code)),
                          QStringLiteral("not for this account"));
        QVERIFY(listedIds(m_holder.access).contains(QStringLiteral("dev_demo_living_tv")));
        // It still works where it belongs.
        const ServiceReply own =
            m_fixture.supportSignOut(m_support.access,
                                     {{QStringLiteral("code"), code},
                                      {QStringLiteral("scope"), QStringLiteral("devices")},
                                      {QStringLiteral("devices"), QJsonArray{QStringLiteral("dev_other_tv")}},
                                      {QStringLiteral("reason"), m_reason}},
                                     QStringLiteral("acc_other"));
        QVERIFY2(own.status == 200, own.body.constData());
    }

    // The attack: an account without a code of its own has nothing to count wrong tries against,
    // so support (or whoever holds a support token) could try another account's code there as
    // often as it liked. Every such try counts against the code's own account.
    void triesOnAnotherAccountCountAgainstTheCodesOwner()
    {
        const ServiceClient::Tokens other =
            client().login(QStringLiteral("other@vigil.test"), QStringLiteral("vigil-other-2026"));
        QVERIFY(!other.access.isEmpty());
        QVERIFY(establish(client(), other));
        const QString stepUp = client().passwordStepUp(other.access, QStringLiteral("vigil-other-2026"));
        const ServiceReply created =
            m_fixture.call("POST", QStringLiteral("/v1/account/support-codes"), other.access, {}, stepUp);
        QCOMPARE(created.status, 201);
        const QString code = created.json().value(QStringLiteral("code")).toString();
        client().rememberSecret(code);
        for (int attempt = 0; attempt < 5; ++attempt)
            verifyCodeRefused(m_fixture.supportSignOut(m_support.access, signOutBody(code)),
                              QStringLiteral("not for this account"));
        const ServiceReply own =
            m_fixture.supportSignOut(m_support.access,
                                     {{QStringLiteral("code"), code},
                                      {QStringLiteral("scope"), QStringLiteral("devices")},
                                      {QStringLiteral("devices"), QJsonArray{QStringLiteral("dev_other_tv")}},
                                      {QStringLiteral("reason"), m_reason}},
                                     QStringLiteral("acc_other"));
        QVERIFY2(own.status == 403, own.body.constData());
        QCOMPARE(own.error(), QStringLiteral("support_code_invalid"));
        QVERIFY(listedIds(other.access).contains(QStringLiteral("dev_other_tv")));
    }

    void wrongOrMissingCodeIsRefused()
    {
        QVERIFY(!m_fixture.createCode(m_holder.access).isEmpty());
        verifyCodeRefused(m_fixture.supportSignOut(m_support.access, signOutBody(QStringLiteral("2222-2222"))),
                          QStringLiteral("current"));
        const ServiceReply missing = m_fixture.supportSignOut(
            m_support.access, {{QStringLiteral("scope"), QStringLiteral("all")}, {QStringLiteral("reason"), m_reason}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.json().value(QStringLiteral("field")).toString(), QStringLiteral("code"));
        QVERIFY(listedIds(m_holder.access).contains(QStringLiteral("dev_demo_living_tv")));
    }

    void scopeOthersIsRefused()
    {
        const QString code = m_fixture.createCode(m_holder.access);
        const ServiceReply reply =
            m_fixture.supportSignOut(m_support.access, signOutBody(code, QStringLiteral("others")));
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("scope"));
        // Not consumed by a refused request.
        QCOMPARE(m_fixture.supportSignOut(m_support.access, signOutBody(code)).status, 200);
    }

    void ipv6AddressesAreMasked()
    {
        const ServiceReply reply = m_fixture.supportGet(
            QStringLiteral("/v1/support/accounts/acc_demo/devices?type=computer"), m_support.access, m_reason);
        QVERIFY2(reply.status == 200, reply.body.constData());
        QStringList ips;
        const QJsonArray devices = reply.json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices)
            ips.append(device.toObject().value(QStringLiteral("ip")).toString());
        QVERIFY2(ips.contains(QStringLiteral("2001:db8:85a3:x")), qPrintable(ips.join(u' ')));
        QVERIFY(!reply.body.contains("7334"));
    }

    void supportCannotChangePasswordOrTwoStep()
    {
        const ServiceReply password = m_fixture.call("POST",
                                                     QStringLiteral("/v1/account/password"),
                                                     m_support.access,
                                                     {{QStringLiteral("current"), QStringLiteral("vigil-support-2026")},
                                                      {QStringLiteral("new"), QStringLiteral("a-new-long-passphrase")},
                                                      {QStringLiteral("sign_out"), QStringLiteral("none")}});
        QCOMPARE(password.status, 403);
        QCOMPARE(password.error(), QStringLiteral("forbidden"));
        for (const QByteArray& method : {QByteArray("POST"), QByteArray("DELETE")}) {
            const ServiceReply totp =
                m_fixture.call(method, QStringLiteral("/v1/account/two-step/totp"), m_support.access);
            QCOMPARE(totp.status, 403);
            QCOMPARE(totp.error(), QStringLiteral("forbidden"));
        }
        // No support route reaches a customer's credentials either.
        for (const QString& path : {QStringLiteral("/v1/support/accounts/acc_demo/password"),
                                    QStringLiteral("/v1/support/accounts/acc_demo/two-step")}) {
            const ServiceReply reply = m_fixture.call("POST", path, m_support.access, {});
            QVERIFY2(reply.status == 404 || reply.status == 405, reply.body.constData());
        }
        // Both passwords still work.
        QCOMPARE(client().loginReply(QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026")).status, 200);
        QCOMPARE(
            client().loginReply(QStringLiteral("ada.support@vigil.test"), QStringLiteral("vigil-support-2026")).error(),
            QStringLiteral("mfa_required"));
    }

    void supportWithoutAuthenticatorCannotSignIn()
    {
        const ServiceReply reply =
            client().loginReply(QStringLiteral("cy.support@vigil.test"), QStringLiteral("vigil-support-2026"));
        QVERIFY2(reply.status == 403, reply.body.constData());
        QCOMPARE(reply.error(), QStringLiteral("mfa_setup_required"));
        QVERIFY(!reply.json().contains(QStringLiteral("access_token")));
        QVERIFY(!reply.json().contains(QStringLiteral("mfa_token")));
        // A wrong password says what it always says.
        QCOMPARE(client().loginReply(QStringLiteral("cy.support@vigil.test"), QStringLiteral("wrong-password")).error(),
                 QStringLiteral("invalid_credentials"));
    }

    void supportRefreshExpiresWhenIdle()
    {
        QVERIFY(client().advanceClock(29 * 60));
        QVERIFY(client().refreshTokens(m_support.access, m_support.refresh)); // each use moves the idle limit
        QVERIFY(client().advanceClock(29 * 60));
        QVERIFY(client().refreshTokens(m_support.access, m_support.refresh));
        const QString refresh = m_support.refresh;
        QVERIFY(client().advanceClock(31 * 60));
        const ServiceReply expired =
            client().postJson(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.error(), QStringLiteral("invalid_refresh"));
        // The holder's refresh token lives on.
        QVERIFY(client().refreshTokens(m_holder.access, m_holder.refresh));
    }

    void supportSessionEndsAfterEightHours()
    {
        // Refreshed every 25 minutes, the session still ends 8 hours after the sign-in.
        for (int i = 0; i < 19; ++i) {
            QVERIFY(client().advanceClock(25 * 60));
            QVERIFY2(client().refreshTokens(m_support.access, m_support.refresh), qPrintable(QString::number(i)));
        }
        QVERIFY(client().advanceClock(25 * 60)); // 8 h 20 min after the sign-in
        QVERIFY(!client().refreshTokens(m_support.access, m_support.refresh));
    }

    void supportSessionCanBeRevoked()
    {
        QCOMPARE(m_fixture.call("POST", QStringLiteral("/v1/auth/logout"), m_support.access).status, 204);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), m_support.access).error(), QStringLiteral("session_revoked"));
        QVERIFY(!client().refreshTokens(m_support.access, m_support.refresh));
    }
};

QTEST_GUILESS_MAIN(TestServiceSupportCodes)
#include "mockd_service_support_codes.moc"
