#include "Establish.h"
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <memory>

// Authenticator-app enrolment, recovery codes and switching off (/v1/account/two-step/*), against
// a real vigil-mockd. TOTP codes are computed here from the issued secret at the server's time.
class TestServiceTwoStep final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_access;

    RawHeaders headers(const QString& stepUp = {}) const
    {
        RawHeaders list{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_access.toLatin1()}};
        if (!stepUp.isEmpty())
            list.append({"X-Step-Up", stepUp.toLatin1()});
        return list;
    }

    ServiceReply
    call(const QByteArray& method, const QString& path, const QString& stepUp, const QJsonObject& body = {})
    {
        const QByteArray payload =
            method == "DELETE" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        return client().send(method, path, payload, headers(stepUp));
    }

    QString stepUp() { return client().passwordStepUp(m_access); }

    QJsonObject status()
    {
        const ServiceReply reply = client().get(QStringLiteral("/v1/account/two-step"), m_access);
        return reply.status == 200 ? reply.json() : QJsonObject();
    }

    bool meHasTotp()
    {
        return client()
            .get(QStringLiteral("/v1/me"), m_access)
            .json()
            .value(QStringLiteral("account"))
            .toObject()
            .value(QStringLiteral("two_step"))
            .toObject()
            .value(QStringLiteral("totp"))
            .toBool();
    }

    // A step-up with a one-time secret (totp or recovery): the status of /verify.
    int stepUpWith(const QString& method, const QString& secret)
    {
        const ServiceReply started =
            client().postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), method}}, m_access);
        if (started.status != 200 && started.status != 201)
            return -started.status;
        return client()
            .stepUpVerify(started.json().value(QStringLiteral("challenge")).toString(), secret, m_access)
            .status;
    }

    struct Enrolled
    {
        QString secret;
        QString code;
        QStringList recoveryCodes;
    };

    // Enrol and confirm; empty secret when something failed (the test checks the parts itself).
    Enrolled enrol()
    {
        Enrolled out;
        const ServiceReply started = call("POST", QStringLiteral("/v1/account/two-step/totp"), stepUp());
        if (started.status != 201)
            return out;
        const QString secret = started.json().value(QStringLiteral("secret")).toString();
        client().rememberSecret(secret);
        out.code = ServiceClient::totp(secret.toLatin1(), client().serverTimeSeconds());
        const ServiceReply confirmed =
            call("POST",
                 QStringLiteral("/v1/account/two-step/totp/confirm"),
                 {},
                 {{QStringLiteral("enrolment"), started.json().value(QStringLiteral("enrolment"))},
                  {QStringLiteral("code"), out.code}});
        if (confirmed.status != 200)
            return out;
        for (const QJsonValue& code : confirmed.json().value(QStringLiteral("recovery_codes")).toArray())
            out.recoveryCodes.append(code.toString());
        out.secret = secret;
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init()
    {
        QVERIFY(client().reset());
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword));
        m_access = tokens.access;
        QVERIFY(!m_access.isEmpty());
        QVERIFY(establish(client(), tokens));
    }

    void statusStartsOff()
    {
        const QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("totp")).toBool(true), false);
        QCOMPARE(s.value(QStringLiteral("recovery_codes_left")).toInt(-1), 0);
        QVERIFY(!meHasTotp());
    }

    void changesNeedStepUp()
    {
        QCOMPARE(call("POST", QStringLiteral("/v1/account/two-step/totp"), {}).error(),
                 QStringLiteral("step_up_required"));
        QCOMPARE(call("DELETE", QStringLiteral("/v1/account/two-step/totp"), {}).error(),
                 QStringLiteral("step_up_required"));
        QCOMPARE(call("POST", QStringLiteral("/v1/account/two-step/recovery-codes"), {}).error(),
                 QStringLiteral("step_up_required"));
        QCOMPARE(call("POST", QStringLiteral("/v1/account/two-step/totp"), QStringLiteral("not-a-token")).status, 403);
    }

    void enrolmentIssuesASecretAndUri()
    {
        const ServiceReply started = call("POST", QStringLiteral("/v1/account/two-step/totp"), stepUp());
        QCOMPARE(started.status, 201);
        const QString secret = started.json().value(QStringLiteral("secret")).toString();
        client().rememberSecret(secret);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z2-7]{32}$")).match(secret).hasMatch()); // 20 bytes
        QCOMPARE(started.json().value(QStringLiteral("otpauth_uri")).toString(),
                 QStringLiteral("otpauth://totp/Vigil:demo@vigil.test?secret=") + secret +
                     QStringLiteral("&issuer=Vigil&algorithm=SHA1&digits=6&period=30"));
        QVERIFY(!started.json().value(QStringLiteral("enrolment")).toString().isEmpty());
        // Pending: nothing is on until a code confirms it.
        QCOMPARE(status().value(QStringLiteral("totp")).toBool(true), false);
    }

    void wrongCodeIsRefused()
    {
        const ServiceReply started = call("POST", QStringLiteral("/v1/account/two-step/totp"), stepUp());
        QCOMPARE(started.status, 201);
        const QString secret = started.json().value(QStringLiteral("secret")).toString();
        const QString right = ServiceClient::totp(secret.toLatin1(), client().serverTimeSeconds());
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        const ServiceReply reply =
            call("POST",
                 QStringLiteral("/v1/account/two-step/totp/confirm"),
                 {},
                 {{QStringLiteral("enrolment"), started.json().value(QStringLiteral("enrolment"))},
                  {QStringLiteral("code"), wrong}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("invalid_code"));
        QCOMPARE(reply.json().value(QStringLiteral("attempts_left")).toInt(), 4);
        QCOMPARE(status().value(QStringLiteral("totp")).toBool(true), false);
    }

    void confirmTurnsOnAndReturnsRecoveryCodesOnce()
    {
        const Enrolled enrolled = enrol();
        QVERIFY(!enrolled.secret.isEmpty());
        QCOMPARE(enrolled.recoveryCodes.size(), 10);
        for (const QString& code : enrolled.recoveryCodes)
            QVERIFY2(QRegularExpression(QStringLiteral("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$")).match(code).hasMatch(),
                     qPrintable(code));
        const QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("totp")).toBool(), true);
        QCOMPARE(s.value(QStringLiteral("recovery_codes_left")).toInt(), 10);
        QVERIFY(meHasTotp());
        // Neither the secret nor a code ever comes back.
        const QByteArray body = client().get(QStringLiteral("/v1/account/two-step"), m_access).body;
        QVERIFY(!body.contains(enrolled.secret.toLatin1()));
        QVERIFY(!body.contains("recovery_codes\""));
    }

    void confirmingCodeCannotBeReplayed()
    {
        const Enrolled enrolled = enrol();
        QVERIFY(!enrolled.secret.isEmpty());
        // The step that confirmed enrolment is spent: the same code cannot step up.
        QCOMPARE(stepUpWith(QStringLiteral("totp"), enrolled.code), 401);
    }

    void recoveryCodeWorksOnce()
    {
        const Enrolled enrolled = enrol();
        QCOMPARE(enrolled.recoveryCodes.size(), 10);
        const QString code = enrolled.recoveryCodes.first();
        QCOMPARE(stepUpWith(QStringLiteral("recovery"), code), 200);
        QCOMPARE(stepUpWith(QStringLiteral("recovery"), code), 401);
        QCOMPARE(status().value(QStringLiteral("recovery_codes_left")).toInt(), 9);
    }

    void regenerateKillsOldCodes()
    {
        const Enrolled enrolled = enrol();
        QCOMPARE(enrolled.recoveryCodes.size(), 10);
        const ServiceReply fresh = call("POST", QStringLiteral("/v1/account/two-step/recovery-codes"), stepUp());
        QCOMPARE(fresh.status, 200);
        const QJsonArray codes = fresh.json().value(QStringLiteral("recovery_codes")).toArray();
        QCOMPARE(codes.size(), 10);
        QVERIFY(!enrolled.recoveryCodes.contains(codes.first().toString()));
        QCOMPARE(status().value(QStringLiteral("recovery_codes_left")).toInt(), 10);
        QCOMPARE(stepUpWith(QStringLiteral("recovery"), enrolled.recoveryCodes.at(1)), 401);
        QCOMPARE(stepUpWith(QStringLiteral("recovery"), codes.at(1).toString()), 200);
    }

    // Ten argon2id hashes are slow on purpose; while they run, everyone else is still answered. The
    // regenerate goes out first on its own connection; three other requests, one after the other,
    // must all be answered before it is.
    void regenerateDoesNotHoldUpOtherRequests()
    {
        QVERIFY(!enrol().secret.isEmpty());
        const QString grant = stepUp();
        QVERIFY(!grant.isEmpty());
        QTcpSocket regenerate;
        regenerate.connectToHost(m_mockd.baseUrl().host(), m_mockd.port());
        QVERIFY(regenerate.waitForConnected(10000));
        regenerate.write("POST /v1/account/two-step/recovery-codes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Authorization: Bearer " +
                         m_access.toLatin1() + "\r\nX-Step-Up: " + grant.toLatin1() +
                         "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        QVERIFY(regenerate.waitForBytesWritten(10000));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(client().get(QStringLiteral("/v1/account/two-step"), m_access).status, 200);
            QVERIFY2(regenerate.bytesAvailable() == 0, qPrintable(QStringLiteral("answered after %1 others").arg(i)));
        }
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += regenerate.readAll()).contains("\r\n\r\n"), 60000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

    void disableTurnsOffAndDeletesCodes()
    {
        const Enrolled enrolled = enrol();
        QVERIFY(!enrolled.secret.isEmpty());
        QCOMPARE(call("DELETE", QStringLiteral("/v1/account/two-step/totp"), stepUp()).status, 204);
        const QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("totp")).toBool(true), false);
        QCOMPARE(s.value(QStringLiteral("recovery_codes_left")).toInt(-1), 0);
        QVERIFY(!meHasTotp());
        QVERIFY(stepUpWith(QStringLiteral("recovery"), enrolled.recoveryCodes.at(2)) != 200);
    }

    void everyChangeIsAudited()
    {
        const Enrolled enrolled = enrol();
        QVERIFY(!enrolled.secret.isEmpty());
        QCOMPARE(call("DELETE", QStringLiteral("/v1/account/two-step/totp"), stepUp()).status, 204);
        const ServiceReply activity = client().get(QStringLiteral("/v1/activity?type=two_step_changed"), m_access);
        QCOMPARE(activity.status, 200);
        QVERIFY2(activity.json().value(QStringLiteral("entries")).toArray().size() >= 3, activity.body.constData());
        QVERIFY(!activity.body.contains(enrolled.secret.toLatin1()));
    }

    void noSecretInTheLog()
    {
        QVERIFY(!enrol().secret.isEmpty());
        const QStringList leaked = client().leakedSecrets(m_mockd.output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestServiceTwoStep)
#include "mockd_service_two_step.moc"
