#include "Establish.h"
#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

// Two vigil-mockd on one database (a SQLite file here; one PostgreSQL database under the label
// "postgres"): a step-up, a 2-step sign-in or enrolment, a refresh retry started on one instance
// finishes on the other, and their limits hold across both (behind a round-robin load balancer
// every second request goes to the other instance). Nothing restarts in between: what the first
// instance writes, the second reads from the database or hears of through the change feed.
class TestServiceSharedStepUp final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MockdProcess m_first;
    MockdProcess m_second;
    std::unique_ptr<ServiceClient> m_a;
    std::unique_ptr<ServiceClient> m_b;
    ServiceClient::Tokens m_tokens;

    QStringList database() const { return {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("shared.sqlite"))}; }

    static QString demoEmail() { return QString::fromLatin1(ServiceClient::demoEmail); }
    static QString demoPassword() { return QString::fromLatin1(ServiceClient::demoPassword); }

    ServiceReply startStepUp(ServiceClient& client, const QString& method)
    {
        return client.postJson(QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), method}}, m_tokens.access);
    }

    static QStringList outboxCodes(ServiceClient& client)
    {
        const ServiceReply reply = client.admin("GET", QStringLiteral("/__admin/outbox?to=demo%40vigil.test"));
        QStringList codes;
        for (const QJsonValue& message : reply.json().value(QStringLiteral("messages")).toArray())
            codes.append(message.toObject().value(QStringLiteral("code")).toString());
        return codes;
    }

    static QString otherThan(const QString& code)
    {
        return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    }

    ServiceReply call(ServiceClient& client,
                      const QByteArray& method,
                      const QString& path,
                      const QString& stepUp,
                      const QJsonObject& body = {})
    {
        RawHeaders headers{{"Content-Type", "application/json"},
                           {"Authorization", "Bearer " + m_tokens.access.toLatin1()}};
        if (!stepUp.isEmpty())
            headers.append({"X-Step-Up", stepUp.toLatin1()});
        return client.send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_first.start(database()), qPrintable(m_first.errorString()));
        m_a = std::make_unique<ServiceClient>(m_first.baseUrl());
        QVERIFY2(m_second.start(database()), qPrintable(m_second.errorString()));
        m_b = std::make_unique<ServiceClient>(m_second.baseUrl());
    }

    void init()
    {
        QVERIFY(m_a->reset());
        m_tokens = m_a->login(demoEmail(), demoPassword());
        QVERIFY(!m_tokens.access.isEmpty());
    }

    // Started on A with an e-mail code, the code read from either outbox, verified on B.
    void stepUpStartedOnOneInstanceVerifiesOnTheOther()
    {
        const ServiceReply started = startStepUp(*m_a, QStringLiteral("email"));
        QCOMPARE(started.status, 200);
        const QStringList fromA = outboxCodes(*m_a);
        QCOMPARE(fromA.size(), 1);
        QCOMPARE(outboxCodes(*m_b), fromA);
        const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
        const ServiceReply verified = m_b->stepUpVerify(challenge, fromA.first(), m_tokens.access);
        QCOMPARE(verified.status, 200);
        QVERIFY(verified.json().value(QStringLiteral("step_up_token")).toString().startsWith(QLatin1String("vst_")));
        // Single use on both.
        QCOMPARE(m_a->stepUpVerify(challenge, fromA.first(), m_tokens.access).status, 410);
    }

    // B follows a reset of A late (here: stopped until A has reset and a step-up was started): the
    // challenge and its e-mail, started after the reset, must survive B's following. B used to empty
    // the shared step-up tables again as it followed.
#ifdef Q_OS_UNIX // stopping a process with SIGSTOP
    void aLateFollowedResetKeepsWhatWasStartedSince()
    {
        const qint64 b = m_second.process().processId();
        QCOMPARE(::kill(pid_t(b), SIGSTOP), 0);
        const bool reset = m_a->reset();
        m_tokens = m_a->login(demoEmail(), demoPassword());
        const ServiceReply started = startStepUp(*m_a, QStringLiteral("email"));
        QCOMPARE(::kill(pid_t(b), SIGCONT), 0);
        QVERIFY(reset);
        QCOMPARE(started.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_second.output().contains("another instance reset the service"), 15000);
        const QStringList codes = outboxCodes(*m_b);
        QCOMPARE(codes.size(), 1);
        const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
        QCOMPARE(m_b->stepUpVerify(challenge, codes.first(), m_tokens.access).status, 200);
    }
#endif

    // Wrong codes on A and B draw on one budget: the fifth locks the challenge everywhere.
    void wrongCodesOnBothInstancesShareOneLock()
    {
        const ServiceReply started = startStepUp(*m_a, QStringLiteral("email"));
        QCOMPARE(started.status, 200);
        const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
        const QString code = outboxCodes(*m_a).value(0);
        QVERIFY(!code.isEmpty());
        for (int left = 4; left >= 0; --left) {
            ServiceClient& client = left % 2 ? *m_a : *m_b;
            const ServiceReply wrong = client.stepUpVerify(challenge, otherThan(code), m_tokens.access);
            QCOMPARE(wrong.status, 401);
            QCOMPARE(wrong.json().value(QStringLiteral("attempts_left")).toInt(), left);
        }
        for (ServiceClient* client : {m_a.get(), m_b.get()}) {
            const ServiceReply dead = client->stepUpVerify(challenge, code, m_tokens.access);
            QCOMPARE(dead.status, 423);
            QCOMPARE(dead.error(), QStringLiteral("challenge_locked"));
        }
    }

    // A step-up token earned on A opens a guarded action on B.
    void stepUpTokenEarnedOnOneInstanceWorksOnTheOther()
    {
        QVERIFY(establish(*m_a, m_tokens));
        const QString token = m_a->passwordStepUp(m_tokens.access);
        QVERIFY(!token.isEmpty());
        const ServiceReply started = call(*m_b, "POST", QStringLiteral("/v1/account/two-step/totp"), token);
        QCOMPARE(started.status, 201);
    }

    // 2-step enrolment started on A (the secret waits for its first code) is confirmed on B.
    void twoStepEnrolmentStartedOnOneInstanceConfirmsOnTheOther()
    {
        QVERIFY(establish(*m_a, m_tokens));
        const ServiceReply started =
            call(*m_a, "POST", QStringLiteral("/v1/account/two-step/totp"), m_a->passwordStepUp(m_tokens.access));
        QCOMPARE(started.status, 201);
        const QString secret = started.json().value(QStringLiteral("secret")).toString();
        const QString code = ServiceClient::totp(secret.toLatin1(), m_b->serverTimeSeconds());
        const ServiceReply confirmed =
            call(*m_b,
                 "POST",
                 QStringLiteral("/v1/account/two-step/totp/confirm"),
                 {},
                 {{QStringLiteral("enrolment"), started.json().value(QStringLiteral("enrolment"))},
                  {QStringLiteral("code"), code}});
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json().value(QStringLiteral("recovery_codes")).toArray().size(), 10);
    }

    // A 2-step sign-in that passed the password on A finishes with its code on B.
    void twoStepSignInStartedOnOneInstanceFinishesOnTheOther()
    {
        const ServiceReply password = m_a->loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                      QString::fromLatin1(ServiceClient::twoStepPassword));
        QCOMPARE(password.status, 403);
        QCOMPARE(password.error(), QStringLiteral("mfa_required"));
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, m_b->serverTimeSeconds());
        const ServiceReply done =
            m_b->postJson(QStringLiteral("/v1/auth/mfa"),
                          {{QStringLiteral("mfa_token"), password.json().value(QStringLiteral("mfa_token"))},
                           {QStringLiteral("method"), QStringLiteral("totp")},
                           {QStringLiteral("code"), code}});
        QCOMPARE(done.status, 200);
        QVERIFY(!done.json().value(QStringLiteral("access_token")).toString().isEmpty());
    }

    // A client whose refresh answer from A was lost retries on B within the grace: the same pair,
    // not a reuse that signs it out.
    void refreshRetryWithinTheGraceOnTheOtherInstance()
    {
        const QJsonObject body{{QStringLiteral("refresh_token"), m_tokens.refresh}};
        const ServiceReply first = m_a->postJson(QStringLiteral("/v1/auth/refresh"), body);
        QCOMPARE(first.status, 200);
        const ServiceReply retried = m_b->postJson(QStringLiteral("/v1/auth/refresh"), body);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(QStringLiteral("refresh_token")),
                 first.json().value(QStringLiteral("refresh_token")));
        QCOMPARE(retried.json().value(QStringLiteral("access_token")),
                 first.json().value(QStringLiteral("access_token")));
    }

    // Wrong passwords sent to both instances at once are each counted: the free ones used up, the
    // right password is refused next.
    void concurrentFailuresOnBothInstancesCountExactly()
    {
        QNetworkAccessManager network;
        QList<QNetworkReply*> replies;
        const QByteArray wrong = QJsonDocument(QJsonObject{{QStringLiteral("email"), demoEmail()},
                                                           {QStringLiteral("password"), QStringLiteral("guess")}})
                                     .toJson(QJsonDocument::Compact);
        for (int i = 0; i < 5; ++i) {
            QUrl url = (i % 2 ? m_first : m_second).baseUrl();
            url.setPath(QStringLiteral("/v1/auth/login"));
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            replies.append(network.post(request, wrong));
        }
        for (QNetworkReply* reply : std::as_const(replies)) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                QVERIFY(finished.wait(15000));
            }
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
            reply->deleteLater();
        }
        const ServiceReply blocked = m_b->loginReply(demoEmail(), demoPassword());
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.error(), QStringLiteral("too_many_attempts"));
    }

    void cleanupTestCase()
    {
        m_b.reset();
        QCOMPARE(m_second.stop(), 0);
        QCOMPARE(m_first.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceSharedStepUp)
#include "mockd_service_shared_stepup.moc"
