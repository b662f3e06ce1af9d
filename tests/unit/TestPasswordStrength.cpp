#include "core/security/PasswordStrength.h"

#include <QObject>
#include <QTest>

using vigil::PasswordStrength;

// The client's early warning: zxcvbn's score, the shipped blocklist and the length rules.
class TestPasswordStrength final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocklistIsShipped()
    {
        const PasswordStrength strength;
        QVERIFY(strength.blocklistSize() >= 3000); // docs/security.md: at least the 3,000 most common
        QVERIFY(strength.isBlocked(QStringLiteral("password123")));
        QVERIFY(strength.isBlocked(QStringLiteral("QWERTY123")));
        QVERIFY(strength.isBlocked(QStringLiteral("vigil2026")));
        QVERIFY(!strength.isBlocked(QStringLiteral("correct horse battery staple")));
        QVERIFY(!strength.isBlocked(
            QStringLiteral("# Vigil common-password blocklist: well-known weak passwords and their patterns,")));
    }

    void scoreThresholds()
    {
        QCOMPARE(PasswordStrength::scoreForEntropy(0), 0);
        QCOMPARE(PasswordStrength::scoreForEntropy(9), 0);
        QCOMPARE(PasswordStrength::scoreForEntropy(15), 1);
        QCOMPARE(PasswordStrength::scoreForEntropy(25), 2);
        QCOMPARE(PasswordStrength::scoreForEntropy(30), 3);
        QCOMPARE(PasswordStrength::scoreForEntropy(60), 4);
    }

    void assessments()
    {
        const PasswordStrength strength;
        const auto empty = strength.assess({});
        QVERIFY(empty.tooShort);
        QVERIFY(empty.feedback.isEmpty());

        const auto shortOne = strength.assess(QStringLiteral("xq7"));
        QVERIFY(shortOne.tooShort);
        QVERIFY(!shortOne.acceptable());
        QVERIFY(shortOne.feedback.contains(QLatin1String("8")));

        const auto blocked = strength.assess(QStringLiteral("iloveyou2026"));
        QVERIFY(blocked.blocked);
        QVERIFY(!blocked.acceptable());
        QCOMPARE(blocked.score, 0);
        QVERIFY(blocked.feedback.contains(QLatin1String("common")));

        const auto tooLong = strength.assess(QString(129, QLatin1Char('z')));
        QVERIFY(tooLong.tooLong);
        QVERIFY(!tooLong.acceptable());
        QVERIFY(strength.assess(QString(128, QLatin1Char('z'))).acceptable());

        const auto weak = strength.assess(QStringLiteral("aaaaaaaaa"));
        QVERIFY(weak.acceptable());
        QVERIFY(weak.score <= 1);
        const auto strong = strength.assess(QStringLiteral("quartz lantern orbit mellow 93"));
        QVERIFY(strong.acceptable());
        QCOMPARE(strong.score, 4);
        QVERIFY(strong.entropyBits > weak.entropyBits);
        QVERIFY(strong.label != weak.label);
        QVERIFY(weak.feedback != strong.feedback);
    }

    void userWordsWeaken()
    {
        const PasswordStrength strength;
        const QString password = QStringLiteral("householdzebra");
        const double plain = strength.assess(password).entropyBits;
        const double withWords = strength.assess(password, {QStringLiteral("householdzebra")}).entropyBits;
        QVERIFY2(withWords < plain, qPrintable(QStringLiteral("%1 vs %2").arg(withWords).arg(plain)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordStrength)
#include "TestPasswordStrength.moc"
