#include "auth/AuthPolicy.h"
#include "auth/StepUp.h"
#include "auth/StepUpRoutes.h"
#include "base/Clock.h"
#include "store/Store.h"

#include <QRegularExpression>
#include <QTest>

// The step-up state of vigil-mockd without sockets (over an in-memory database): codes, their hashing, the send limit
// and the session binding of step-up tokens.
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

    void masksThePhone()
    {
        using mockd::StepUpRoutes;
        QCOMPARE(StepUpRoutes::maskPhone(QStringLiteral("+447700900312")), QStringLiteral("+44 •••• ••12"));
        QCOMPARE(StepUpRoutes::maskPhone(QStringLiteral("+44 7700 900312")), QStringLiteral("+44 •••• ••12"));
        QCOMPARE(StepUpRoutes::maskPhone(QStringLiteral("+12025550147")), QStringLiteral("+1 •••• ••47"));
        QCOMPARE(StepUpRoutes::maskPhone(QStringLiteral("+351912345678")), QStringLiteral("+351 •••• ••78"));
        QVERIFY(!StepUpRoutes::maskPhone(QStringLiteral("nonsense")).contains(QLatin1String("non")));
    }

    void normalizesPhonesToE164()
    {
        using mockd::StepUp;
        QCOMPARE(StepUp::normalizePhone(u" +44 (7700) 900-312 "), QStringLiteral("+447700900312"));
        QCOMPARE(StepUp::normalizePhone(u"+447700900312"), QStringLiteral("+447700900312"));
        QVERIFY(StepUp::normalizePhone(u"07700900312").isEmpty()); // no country code
        QVERIFY(StepUp::normalizePhone(u"+0447700900312").isEmpty());
        QVERIFY(StepUp::normalizePhone(u"+44770090031299999").isEmpty()); // over 15 digits
        QVERIFY(StepUp::normalizePhone(u"+44 77OO 900312").isEmpty());
        QVERIFY(StepUp::normalizePhone(u"").isEmpty());
    }

    void recoveryCodesIgnoreCaseAndDashes()
    {
        using mockd::StepUp;
        QCOMPARE(StepUp::normalizeRecoveryCode(u"abcd-efgh-jk12"), QStringLiteral("abcdefghjk12"));
        QCOMPARE(StepUp::normalizeRecoveryCode(u" ABCD EFGH-JK12 "), QStringLiteral("abcdefghjk12"));
        QVERIFY(StepUp::normalizeRecoveryCode(u"abcd").isEmpty());
        QVERIFY(StepUp::normalizeRecoveryCode(u"abcd_efgh_jk12").isEmpty());
        QVERIFY(StepUp::normalizeRecoveryCode(u"äbcd-efgh-jk12").isEmpty());

        const QByteArray salt = StepUp::newRecoverySalt();
        const QByteArray hash = StepUp::recoveryCodeHash(salt, QStringLiteral("abcdefghjk12"));
        QCOMPARE(hash.size(), 32);
        QVERIFY(!hash.contains("abcdefghjk12"));
        QCOMPARE(StepUp::recoveryCodeHash(salt, QStringLiteral("abcdefghjk12")), hash);
        QVERIFY(StepUp::recoveryCodeHash(StepUp::newRecoverySalt(), QStringLiteral("abcdefghjk12")) != hash);
        const QByteArray other = StepUp::recoveryCodeHash(salt, QStringLiteral("abcdefghjk13"));
        QCOMPARE(StepUp::matchingHash({other, hash}, hash), hash);
        QVERIFY(StepUp::matchingHash({other}, hash).isEmpty());
        QVERIFY(StepUp::matchingHash({other}, QByteArray()).isEmpty());
    }

    void codesAreSixDigitsAndKeptHashed()
    {
        mockd::Clock clock;
        auto store = mockd::Store::open(QStringLiteral(":memory:"));
        QVERIFY(store);
        mockd::StepUp stepUp((*store)->database(), clock);
        mockd::StepUpChallenge challenge;
        challenge.method = QStringLiteral("email");
        const QString handle = stepUp.create(challenge);
        QVERIFY(handle.startsWith(QLatin1String("vsc_")));
        auto stored = stepUp.find(handle);
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
        auto store = mockd::Store::open(QStringLiteral(":memory:"));
        QVERIFY(store);
        mockd::StepUp stepUp((*store)->database(), clock);
        const QString account = QStringLiteral("acc_a");
        for (int i = 0; i < mockd::AuthPolicy::stepUpMaxSendsPerHour; ++i) {
            QCOMPARE(stepUp.sendWait(account), 0);
            stepUp.recordSend({.to = QStringLiteral("a@b.c"),
                               .channel = QStringLiteral("email"),
                               .code = QStringLiteral("000000"),
                               .purpose = QStringLiteral("step_up"),
                               .subject = {},
                               .text = {},
                               .sentAtMs = clock.nowMs()},
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
        auto store = mockd::Store::open(QStringLiteral(":memory:"));
        QVERIFY(store);
        mockd::StepUp stepUp((*store)->database(), clock);
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
