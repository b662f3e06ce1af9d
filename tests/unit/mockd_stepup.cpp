#include "auth/AuthPolicy.h"
#include "auth/StepUp.h"
#include "auth/StepUpRoutes.h"
#include "base/Clock.h"

#include <QRegularExpression>
#include <QTest>

// The step-up state of vigil-mockd without sockets: codes, their hashing, the send limit and the
// session binding of step-up tokens.
class TestMockdStepUp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksTheEmail()
    {
        QCOMPARE(mockd::StepUpRoutes::maskEmail(QStringLiteral("demo@vigil.test")), QStringLiteral("d***@vigil.test"));
        QCOMPARE(mockd::StepUpRoutes::maskEmail(QStringLiteral("x@y.z")), QStringLiteral("x***@y.z"));
        QCOMPARE(mockd::StepUpRoutes::maskEmail(QStringLiteral("nonsense")), QStringLiteral("***"));
    }

    void codesAreSixDigitsAndKeptHashed()
    {
        mockd::Clock clock;
        mockd::StepUp stepUp(clock);
        mockd::StepUpChallenge challenge;
        challenge.method = QStringLiteral("email");
        const QString handle = stepUp.create(challenge);
        QVERIFY(handle.startsWith(QLatin1String("vsc_")));
        mockd::StepUpChallenge* stored = stepUp.find(handle);
        QVERIFY(stored);
        const QString code = stepUp.newCode(*stored);
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$")).match(code).hasMatch());
        QVERIFY(!stored->codeHash.contains(code.toLatin1()));
        QVERIFY(mockd::StepUp::codeMatches(*stored, code));
        QVERIFY(!mockd::StepUp::codeMatches(
            *stored, code == QLatin1String("123456") ? QStringLiteral("654321") : QStringLiteral("123456")));
        QVERIFY(!mockd::StepUp::codeMatches(*stored, QString()));
        // A new code replaces the old one.
        const QString next = stepUp.newCode(*stored);
        if (next != code)
            QVERIFY(!mockd::StepUp::codeMatches(*stored, code));
        QVERIFY(!stepUp.find(QStringLiteral("vsc_nope")));
    }

    void atMostFiveSendsAnHour()
    {
        mockd::Clock clock;
        mockd::StepUp stepUp(clock);
        const QString account = QStringLiteral("acc_a");
        for (int i = 0; i < mockd::AuthPolicy::stepUpMaxSendsPerHour; ++i) {
            QCOMPARE(stepUp.sendWait(account), 0);
            stepUp.recordSend({QStringLiteral("a@b.c"),
                               QStringLiteral("email"),
                               QStringLiteral("000000"),
                               QStringLiteral("step_up"),
                               clock.nowMs()},
                              account);
            clock.advance(60 * 1000);
        }
        const qint64 wait = stepUp.sendWait(account);
        QVERIFY(wait > 0 && wait <= 3600 - 5 * 60 + 1);
        QCOMPARE(stepUp.sendWait(QStringLiteral("acc_other")), 0);
        clock.advance(wait * 1000);
        QCOMPARE(stepUp.sendWait(account), 0);
        QCOMPARE(stepUp.outbox(QStringLiteral("A@B.C")).size(), 5);
        QCOMPARE(stepUp.outbox(QStringLiteral("x@y.z")).size(), 0);
    }

    void tokensBelongToTheirSessionAndExpire()
    {
        mockd::Clock clock;
        mockd::StepUp stepUp(clock);
        const QString token = stepUp.grant({QStringLiteral("acc_a"),
                                            QStringLiteral("ses_1"),
                                            QStringLiteral("password"),
                                            clock.nowMs() + mockd::AuthPolicy::stepUpTokenSeconds * 1000});
        QVERIFY(token.startsWith(QLatin1String("vst_")));
        QVERIFY(stepUp.check(token, QStringLiteral("ses_1")));
        QVERIFY(!stepUp.check(token, QStringLiteral("ses_2")));
        QVERIFY(!stepUp.check(QStringLiteral("vst_x"), QStringLiteral("ses_1")));
        clock.advance(mockd::AuthPolicy::stepUpTokenSeconds * 1000);
        QVERIFY(!stepUp.check(token, QStringLiteral("ses_1")));
    }
};

QTEST_GUILESS_MAIN(TestMockdStepUp)
#include "mockd_stepup.moc"
