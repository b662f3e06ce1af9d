#include "RefreshFixture.h"

#include <QJsonObject>
#include <QObject>
#include <QTest>

// The refresh retry grace, against a real vigil-mockd: a client whose refresh answer was lost may
// retry with the old token for a short while and gets the same pair; a copy from elsewhere, or a
// retry after the grace, is reuse and ends the session.
class TestServiceRefreshRetry final : public RefreshFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(client().reset()); }

    // A refresh the service carried out but whose answer never arrived: the client still holds the
    // old refresh token and tries again. That is no thief; the device must stay signed in.
    void aRetryAfterALostRefreshAnswerGetsTheSamePair()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!addFault({{QStringLiteral("match"),
                            QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                                        {QStringLiteral("path"), QStringLiteral("/v1/auth/refresh")}}},
                           {QStringLiteral("action"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("drop")},
                                        {QStringLiteral("after_route"), true}}},
                           {QStringLiteral("times"), 1}})
                     .isEmpty());
        ServiceReply reply;
        // By hand: Qt's network access would itself resend a request whose connection closed.
        QCOMPARE(lostRefresh(tokens.refresh).status, 0); // rotated, but the answer was lost

        QVERIFY(client().advanceClock(20));
        const QString next = refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 200);
        const auto pair = client().tokensFrom(reply);
        QCOMPARE(pair.sessionId, tokens.sessionId);
        QVERIFY(pair.refresh != tokens.refresh);
        // Asked again, the same pair: nothing new is issued for a stale token.
        QCOMPARE(refresh(tokens.refresh, &reply), next);
        QCOMPARE(client().tokensFrom(reply).access, pair.access);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), pair.access).status, 200);

        // Once the pair was used for a refresh of its own, the old token is stale again: reuse.
        const QString after = refresh(next, &reply);
        QCOMPARE(reply.status, 200);
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
        refresh(after, &reply);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
    }

    // Within the window, the old token from somewhere else is a copy, not a retry: the family ends.
    void aRotatedTokenFromAnotherAddressIsReuse()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        ServiceReply reply;
        const QString next = refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 200);
        const QString access = client().tokensFrom(reply).access;
        const ServiceReply stolen = client().postJsonFrom(QHostAddress(QStringLiteral("127.0.0.2")),
                                                          QStringLiteral("/v1/auth/refresh"),
                                                          {{QStringLiteral("refresh_token"), tokens.refresh}});
        QCOMPARE(stolen.status, 401);
        QCOMPARE(stolen.error(), QStringLiteral("session_revoked"));
        QVERIFY(stolen.json().value(QStringLiteral("refresh_token")).isUndefined());
        refresh(next, &reply);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), access).error(), QStringLiteral("session_revoked"));
    }

    // Past the window even the same client's retry is reuse, as a thief's copy would be.
    void aRetryAfterTheWindowIsReuse()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!addFault({{QStringLiteral("match"),
                            QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/auth/refresh")}}},
                           {QStringLiteral("action"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("drop")},
                                        {QStringLiteral("after_route"), true}}},
                           {QStringLiteral("times"), 1}})
                     .isEmpty());
        ServiceReply reply;
        QCOMPARE(lostRefresh(tokens.refresh).status, 0);
        QVERIFY(client().advanceClock(31));
        refresh(tokens.refresh, &reply);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.error(), QStringLiteral("session_revoked"));
    }
};

QTEST_GUILESS_MAIN(TestServiceRefreshRetry)
#include "mockd_service_refresh_retry.moc"
