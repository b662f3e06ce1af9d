#include "RefreshFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QTest>
#include <memory>

// Signing in, 2-step, refresh rotation and reuse detection, sign-out, token errors and throttling,
// against a real vigil-mockd process. Every test starts from the seeded scenario.
class TestServiceAuth final : public RefreshFixture
{
    Q_OBJECT

private:
    // Signs in to the 2-step account up to the code step; returns the mfa_token.
    QString startTwoStep()
    {
        const ServiceReply reply = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        if (reply.status != 403 || reply.error() != QLatin1String("mfa_required"))
            qWarning() << "unexpected answer" << reply.status << reply.body;
        return reply.json().value(QStringLiteral("mfa_token")).toString();
    }

    ServiceReply sendCode(const QString& mfaToken, const QString& code)
    {
        client().rememberCode(code);
        return client().postJson(QStringLiteral("/v1/auth/mfa"),
                                 {{QStringLiteral("mfa_token"), mfaToken},
                                  {QStringLiteral("method"), QStringLiteral("totp")},
                                  {QStringLiteral("code"), code}});
    }

    QString currentCode(qint64 offsetSeconds = 0)
    {
        const qint64 now = client().serverTimeSeconds();
        return ServiceClient::totp(ServiceClient::twoStepSecret, now + offsetSeconds);
    }

    static RawHeaders withoutDate(RawHeaders headers)
    {
        headers.removeIf([](const auto& header) { return header.first.compare("Date", Qt::CaseInsensitive) == 0; });
        return headers;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        QCOMPARE(m_mockd.baseUrl().host(), QStringLiteral("127.0.0.1"));
    }

    void init() { QVERIFY(client().reset()); }

    void loginReturnsATokenPair()
    {
        const ServiceReply reply = client().loginReply(demoEmail(), demoPassword());
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        const QString access = json.value(QStringLiteral("access_token")).toString();
        const QString refreshToken = json.value(QStringLiteral("refresh_token")).toString();
        QVERIFY2(access.startsWith(QLatin1String("vat_")) && access.size() == 47, qPrintable(access));
        QVERIFY2(refreshToken.startsWith(QLatin1String("vrt_")) && refreshToken.size() == 47, qPrintable(refreshToken));
        QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value(QStringLiteral("expires_in")).toInt(), 300);
        QCOMPARE(json.value(QStringLiteral("refresh_expires_in")).toInt(), 30 * 24 * 3600);
        QVERIFY(json.value(QStringLiteral("session_id")).toString().startsWith(QLatin1String("ses_")));
        QVERIFY(json.value(QStringLiteral("device_id")).toString().startsWith(QLatin1String("dev_")));
        const QJsonObject account = json.value(QStringLiteral("account")).toObject();
        QCOMPARE(account.value(QStringLiteral("email")).toString(), demoEmail());
        QCOMPARE(account.value(QStringLiteral("display_name")).toString(), QStringLiteral("Demo Household"));
        QCOMPARE(account.value(QStringLiteral("role")).toString(), QStringLiteral("holder"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
    }

    void emailIsCaseInsensitive()
    {
        QVERIFY(!client().login(QStringLiteral("  DEMO@vigil.test"), demoPassword()).access.isEmpty());
    }

    void meShowsTheAccountAtAGlance()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!tokens.access.isEmpty());
        const ServiceReply me = client().get(QStringLiteral("/v1/me"), tokens.access);
        QCOMPARE(me.status, 200);
        const QJsonObject json = me.json();
        QCOMPARE(json.value(QStringLiteral("profiles_count")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("devices_count")).toInt(), 13); // 12 seeded + this one
        const QJsonObject session = json.value(QStringLiteral("session")).toObject();
        QCOMPARE(session.value(QStringLiteral("id")).toString(), tokens.sessionId);
        QCOMPARE(session.value(QStringLiteral("device_id")).toString(), tokens.deviceId);
        QVERIFY(session.value(QStringLiteral("signed_in_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(json.value(QStringLiteral("account"))
                     .toObject()
                     .value(QStringLiteral("two_step"))
                     .toObject()
                     .value(QStringLiteral("totp"))
                     .toBool(),
                 false);
    }

    void signingInAgainReusesTheDevice()
    {
        const QJsonObject device{{QStringLiteral("name"), QStringLiteral("Test Laptop")},
                                 {QStringLiteral("type"), QStringLiteral("computer")},
                                 {QStringLiteral("os"), QStringLiteral("Debian")},
                                 {QStringLiteral("os_version"), QStringLiteral("12")},
                                 {QStringLiteral("app"), QStringLiteral("Vigil")},
                                 {QStringLiteral("app_version"), QStringLiteral("0.1.0")}};
        const auto first = client().login(demoEmail(), demoPassword(), device);
        const auto second = client().login(demoEmail(), demoPassword(), device);
        QVERIFY(!first.deviceId.isEmpty());
        QCOMPARE(second.deviceId, first.deviceId);
        QVERIFY(second.sessionId != first.sessionId);
        QJsonObject byId{{QStringLiteral("id"), first.deviceId}, {QStringLiteral("name"), QStringLiteral("Renamed")}};
        QCOMPARE(client().login(demoEmail(), demoPassword(), byId).deviceId, first.deviceId);
        // Another account cannot attach to that device by naming its id.
        ServiceReply twoStep = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                   QString::fromLatin1(ServiceClient::twoStepPassword),
                                                   byId);
        QCOMPARE(twoStep.status, 403);
        const ServiceReply done = sendCode(twoStep.json().value(QStringLiteral("mfa_token")).toString(), currentCode());
        QCOMPARE(done.status, 200);
        QVERIFY(client().tokensFrom(done).deviceId != first.deviceId);
        const ServiceReply me = client().get(QStringLiteral("/v1/me"), second.access);
        QCOMPARE(me.json().value(QStringLiteral("devices_count")).toInt(), 13);
    }

    void wrongPasswordAndUnknownEmailAnswerIdentically()
    {
        const ServiceReply wrong = client().loginReply(demoEmail(), QStringLiteral("not-the-password-1"));
        const ServiceReply unknown = client().loginReply(QStringLiteral("nobody@vigil.test"), QStringLiteral("x-1"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.error(), QStringLiteral("invalid_credentials"));
        QCOMPARE(unknown.status, wrong.status);
        QCOMPARE(unknown.body, wrong.body);
        // Every header the same, except the clock's: two answers a second apart differ in Date.
        QCOMPARE(withoutDate(unknown.headers), withoutDate(wrong.headers));
        QVERIFY(!unknown.header("Date").isEmpty());
    }

    void twoStepAccountsNeedACode()
    {
        const ServiceReply reply = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("mfa_required"));
        QCOMPARE(reply.json().value(QStringLiteral("methods")).toArray(), QJsonArray{QStringLiteral("totp")});
        const QString mfaToken = reply.json().value(QStringLiteral("mfa_token")).toString();
        QVERIFY(mfaToken.startsWith(QLatin1String("vmt_")));
        QVERIFY(reply.json().value(QStringLiteral("access_token")).isUndefined());

        const ServiceReply done = sendCode(mfaToken, currentCode());
        QCOMPARE(done.status, 200);
        const auto tokens = client().tokensFrom(done);
        const ServiceReply me = client().get(QStringLiteral("/v1/me"), tokens.access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("session")).toObject().value(QStringLiteral("auth_method")).toString(),
                 QStringLiteral("password+totp"));
        // The challenge is used up.
        QCOMPARE(sendCode(mfaToken, currentCode()).error(), QStringLiteral("invalid_mfa_token"));
    }

    void aCodeIsAcceptedOnlyOnce()
    {
        const QString code = currentCode();
        QCOMPARE(sendCode(startTwoStep(), code).status, 200);
        const QString second = startTwoStep();
        const ServiceReply replay = sendCode(second, code);
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.error(), QStringLiteral("invalid_code"));
        QCOMPARE(replay.json().value(QStringLiteral("attempts_left")).toInt(), 4);
        // The next step's code (one step of drift) still works for the same challenge.
        QCOMPARE(sendCode(second, currentCode(30)).status, 200);
    }

    void codesOutsideTheWindowAreRefused()
    {
        const QString mfaToken = startTwoStep();
        QCOMPARE(sendCode(mfaToken, currentCode(-90)).error(), QStringLiteral("invalid_code"));
        QCOMPARE(sendCode(mfaToken, currentCode(90)).error(), QStringLiteral("invalid_code"));
        QCOMPARE(sendCode(mfaToken, currentCode()).status, 200);
    }

    void fiveWrongCodesEndTheChallenge()
    {
        const QString mfaToken = startTwoStep();
        const QString right = currentCode();
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        int attemptsLeft = -1;
        for (int i = 0; i < 5; ++i) {
            ServiceReply reply = sendCode(mfaToken, wrong);
            if (reply.status == 429) { // the account's failure count also grows; wait it out
                QVERIFY(client().advanceClock(reply.json().value(QStringLiteral("retry_after")).toInt() + 1));
                reply = sendCode(mfaToken, wrong);
            }
            QCOMPARE(reply.error(), QStringLiteral("invalid_code"));
            attemptsLeft = reply.json().value(QStringLiteral("attempts_left")).toInt();
        }
        QCOMPARE(attemptsLeft, 0);
        const ServiceReply dead = sendCode(mfaToken, currentCode());
        QCOMPARE(dead.status, 401);
        QCOMPARE(dead.error(), QStringLiteral("invalid_mfa_token"));
    }

    void anExpiredChallengeIsRefused()
    {
        const QString mfaToken = startTwoStep();
        QVERIFY(client().advanceClock(301));
        QCOMPARE(sendCode(mfaToken, currentCode()).error(), QStringLiteral("invalid_mfa_token"));
    }

    void refreshRotatesThePair()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        ServiceReply reply;
        const QString next = refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 200);
        const auto rotated = client().tokensFrom(reply);
        QVERIFY(next.startsWith(QLatin1String("vrt_")));
        QVERIFY(rotated.refresh != tokens.refresh);
        QVERIFY(rotated.access != tokens.access);
        QCOMPARE(rotated.sessionId, tokens.sessionId);
        QCOMPARE(rotated.deviceId, tokens.deviceId);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), rotated.access).status, 200);
        QVERIFY(!refresh(rotated.refresh).isEmpty());
    }

    void reusingARotatedRefreshTokenRevokesTheSession()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        ServiceReply reply;
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 200);
        const auto rotated = client().tokensFrom(reply);

        // The stale copy, a thief's or a confused client's, later than a lost answer's retry would come.
        QVERIFY(client().advanceClock(31));
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));

        // The whole family is gone: the new pair and the old access token fail too.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), rotated.access).error(), QStringLiteral("session_revoked"));
        refresh(rotated.refresh, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).error(), QStringLiteral("session_revoked"));
        // Other sessions of the account are untouched.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), client().login(demoEmail(), demoPassword()).access).status,
                 200);
    }

    void unknownRefreshTokensAreInvalid()
    {
        ServiceReply reply;
        refresh(QStringLiteral("vrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_refresh"));
        refresh(QStringLiteral("not-a-token"), &reply);
        QCOMPARE(reply.error(), QStringLiteral("invalid_refresh"));
        const auto tokens = client().login(demoEmail(), demoPassword());
        refresh(tokens.access, &reply); // an access token is not a refresh token
        QCOMPARE(reply.error(), QStringLiteral("invalid_refresh"));
    }

    void refreshTokensExpireAfter30Days()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(client().advanceClock(30 * 24 * 3600 + 1));
        ServiceReply reply;
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_refresh"));
    }

    void rotationNeverExtendsTheSignIn()
    {
        const ServiceReply signedIn = client().loginReply(demoEmail(), demoPassword());
        QCOMPARE(signedIn.status, 200);
        const QString endText = signedIn.json().value(QStringLiteral("refresh_expires_at")).toString();
        const qint64 signedInAt = client().serverTimeSeconds();
        QString token = client().tokensFrom(signedIn).refresh;
        // Refreshed on day 20: the same end, 10 days on.
        QVERIFY(client().advanceClock(20 * 24 * 3600));
        ServiceReply reply;
        token = refresh(token, &reply);
        QVERIFY2(!token.isEmpty(), reply.body.constData());
        const qint64 left = reply.json().value(QStringLiteral("refresh_expires_in")).toInteger();
        QVERIFY2(left > 10 * 24 * 3600 - 60 && left <= 10 * 24 * 3600, qPrintable(QString::number(left)));
        QCOMPARE(reply.json().value(QStringLiteral("refresh_expires_at")).toString(), endText);
        // Day 40: the family died on day 30, however fresh the token.
        QVERIFY(client().advanceClock(20 * 24 * 3600));
        refresh(token, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_refresh"));
        // The answers said when: 30 days after the sign-in.
        const QDateTime end = QDateTime::fromString(endText, Qt::ISODate);
        QVERIFY2(end.isValid(), signedIn.body.constData());
        const qint64 lifetime = end.toSecsSinceEpoch() - signedInAt;
        QVERIFY2(lifetime > 30 * 24 * 3600 - 60 && lifetime <= 30 * 24 * 3600, qPrintable(QString::number(lifetime)));
    }

    void logoutEndsTheSession()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        const ServiceReply out = client().postJson(QStringLiteral("/v1/auth/logout"), {}, tokens.access);
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).error(), QStringLiteral("session_revoked"));
        ServiceReply reply;
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, tokens.access).status, 401);
    }

    void tokenProblemsHaveDistinctCodes()
    {
        ServiceReply reply = client().get(QStringLiteral("/v1/me"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("token_missing"));
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));

        for (const QByteArray& value : {QByteArray("Bearer garbage"),
                                        QByteArray("Basic ZGVtbzpkZW1v"),
                                        QByteArray("Bearer vat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                                        QByteArray("Bearer")}) {
            reply = client().send("GET", QStringLiteral("/v1/me"), QByteArray(), {{"Authorization", value}});
            QCOMPARE(reply.status, 401);
            QVERIFY2(reply.error() == QLatin1String("token_invalid") || reply.error() == QLatin1String("token_missing"),
                     value.constData());
        }
        reply = client().send("GET", QStringLiteral("/v1/me"), QByteArray(), {{"Authorization", "Bearer garbage"}});
        QCOMPARE(reply.error(), QStringLiteral("token_invalid"));

        const auto tokens = client().login(demoEmail(), demoPassword());
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        QVERIFY(client().advanceClock(301));
        reply = client().get(QStringLiteral("/v1/me"), tokens.access);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("token_expired"));
        // The expected recovery: refresh, then retry.
        const QString next = refresh(tokens.refresh, &reply);
        QVERIFY(!next.isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/me"), client().tokensFrom(reply).access).status, 200);

        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, client().tokensFrom(reply).access).status,
                 204);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), client().tokensFrom(reply).access).error(),
                 QStringLiteral("session_revoked"));
    }

    void secretsInAddressesNeverReachTheLog()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        // The API never takes a token from a URL: a client that puts one there gets nothing for it…
        QCOMPARE(client().get(QStringLiteral("/v1/me?access_token=") + tokens.access).error(),
                 QStringLiteral("token_missing"));
        // …and the log lines of such requests show no secret (theLogNeverShowsASecret checks).
        QCOMPARE(client().get(QStringLiteral("/v1/sessions/") + tokens.refresh).status, 404);
        QCOMPARE(client().get(QStringLiteral("/v1/me?password=") + demoPassword()).status, 401);
        QCOMPARE(client().get(QStringLiteral("/v1/me?code=123987&note=line%0Abreak")).status, 401);
        client().rememberCode(QStringLiteral("123987"));
    }

    void repeatedFailuresAreThrottledPerAccount()
    {
        for (int i = 0; i < 5; ++i) {
            const ServiceReply reply = client().loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i));
            QCOMPARE(reply.status, 401);
        }
        // Even the right password waits now…
        const ServiceReply blocked = client().loginReply(demoEmail(), demoPassword());
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.error(), QStringLiteral("too_many_attempts"));
        const int retryAfter = blocked.json().value(QStringLiteral("retry_after")).toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 30, qPrintable(QString::number(retryAfter)));
        QCOMPARE(blocked.header("Retry-After"), QByteArray::number(retryAfter));
        // …also from another address: the count belongs to the account.
        const ServiceReply elsewhere = client().postJsonFrom(
            QHostAddress(QStringLiteral("127.0.0.2")),
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("email"), demoEmail()}, {QStringLiteral("password"), demoPassword()}});
        QVERIFY2(elsewhere.networkError.isEmpty(), qPrintable(elsewhere.networkError));
        QCOMPARE(elsewhere.status, 429);
        // Another account from that other address is not affected.
        const ServiceReply other =
            client().postJsonFrom(QHostAddress(QStringLiteral("127.0.0.2")),
                                  QStringLiteral("/v1/auth/login"),
                                  {{QStringLiteral("email"), QString::fromLatin1(ServiceClient::twoStepEmail)},
                                   {QStringLiteral("password"), QString::fromLatin1(ServiceClient::twoStepPassword)}});
        QCOMPARE(other.status, 403);
        QVERIFY(client().advanceClock(retryAfter + 1));
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 200);
    }

    void theDelayGrows()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client().loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i)).status, 401);
        const int first =
            client().loginReply(demoEmail(), demoPassword()).json().value(QStringLiteral("retry_after")).toInt();
        QVERIFY(first > 0);
        QVERIFY(client().advanceClock(first + 1));
        QCOMPARE(client().loginReply(demoEmail(), QStringLiteral("guess-6")).status, 401);
        const ServiceReply again = client().loginReply(demoEmail(), demoPassword());
        QCOMPARE(again.status, 429);
        const int second = again.json().value(QStringLiteral("retry_after")).toInt();
        QVERIFY2(second > first, qPrintable(QStringLiteral("%1 then %2").arg(first).arg(second)));
    }

    void repeatedFailuresAreThrottledPerAddress()
    {
        // Five different (unknown) accounts from one address: the next attempt from there waits,
        // whatever the account…
        for (int i = 0; i < 5; ++i) {
            const ServiceReply reply =
                client().loginReply(QStringLiteral("user%1@vigil.test").arg(i), QStringLiteral("pw-%1").arg(i));
            QCOMPARE(reply.status, 401);
        }
        const ServiceReply blocked = client().loginReply(demoEmail(), demoPassword());
        QCOMPARE(blocked.status, 429);
        QVERIFY(!blocked.header("Retry-After").isEmpty());
        // …while another address signs in to that account normally.
        const ServiceReply elsewhere = client().postJsonFrom(
            QHostAddress(QStringLiteral("127.0.0.2")),
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("email"), demoEmail()}, {QStringLiteral("password"), demoPassword()}});
        QCOMPARE(elsewhere.status, 200);
        QVERIFY(client().advanceClock(blocked.json().value(QStringLiteral("retry_after")).toInt() + 1));
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 200);
    }

    void throttledAnswersDoNotRevealTheAccount()
    {
        for (int i = 0; i < 5; ++i)
            client().loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i));
        const ServiceReply known = client().loginReply(demoEmail(), QStringLiteral("guess-x"));
        const ServiceReply unknown = client().loginReply(QStringLiteral("ghost@vigil.test"), QStringLiteral("guess-x"));
        QCOMPARE(known.status, 429);
        QCOMPARE(unknown.status, 429);
        QCOMPARE(known.error(), unknown.error());
    }

    void theLogNeverShowsASecret()
    {
        QVERIFY(client().secretCount() >= 3);
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        // The log is really there: one line per request.
        QVERIFY2(log.contains(" POST /v1/auth/login 200 "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vat_") && !log.contains("vrt_") && !log.contains("vmt_"));
        QVERIFY(!log.contains(MockdProcess::adminKey));
    }
};

QTEST_GUILESS_MAIN(TestServiceAuth)
#include "mockd_service_auth.moc"
