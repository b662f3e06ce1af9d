#include "auth/HashingPool.h"
#include "auth/PasswordHasher.h"

#include <QObject>
#include <QTest>
#include <QThread>

using mockd::HashingPool;
using mockd::PasswordHasher;

class TestPasswordHash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsArgon2idWithTheOwaspParameters()
    {
        const auto hash = PasswordHasher::hash(QStringLiteral("correct horse battery staple"));
        QVERIFY(hash.hasValue());
        QVERIFY2(hash->startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash->constData());
    }

    void rightPasswordVerifies()
    {
        const auto hash = PasswordHasher::hash(QStringLiteral("vigil-demo-2026"));
        QVERIFY(hash.hasValue());
        QVERIFY(PasswordHasher::verify(*hash, QStringLiteral("vigil-demo-2026")));
    }

    void wrongPasswordFails()
    {
        const auto hash = PasswordHasher::hash(QStringLiteral("vigil-demo-2026"));
        QVERIFY(hash.hasValue());
        QVERIFY(!PasswordHasher::verify(*hash, QStringLiteral("vigil-demo-2025")));
        QVERIFY(!PasswordHasher::verify(*hash, QStringLiteral("VIGIL-DEMO-2026"))); // never case-folded
        QVERIFY(!PasswordHasher::verify(*hash, QStringLiteral("vigil-demo-2026 ")));
        QVERIFY(!PasswordHasher::verify(*hash, QString()));
    }

    void everyHashHasItsOwnSalt()
    {
        const auto a = PasswordHasher::hash(QStringLiteral("same password"));
        const auto b = PasswordHasher::hash(QStringLiteral("same password"));
        QVERIFY(a.hasValue() && b.hasValue());
        QVERIFY(*a != *b);
        QVERIFY(PasswordHasher::verify(*a, QStringLiteral("same password")));
        QVERIFY(PasswordHasher::verify(*b, QStringLiteral("same password")));
    }

    void moreThan128CharactersAreRefusedBeforeHashing()
    {
        const QString longest(PasswordHasher::maxLength, QLatin1Char('x'));
        const QString tooLong = longest + QLatin1Char('x');
        QVERIFY(!PasswordHasher::isTooLong(longest));
        QVERIFY(PasswordHasher::isTooLong(tooLong));
        const auto refused = PasswordHasher::hash(tooLong);
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error(), PasswordHasher::Error::TooLong);
        // Not truncated: a 129-character password never matches the hash of its first 128.
        const auto hash = PasswordHasher::hash(longest);
        QVERIFY(hash.hasValue());
        QVERIFY(PasswordHasher::verify(*hash, longest));
        QVERIFY(!PasswordHasher::verify(*hash, tooLong));
    }

    void lengthCountsCharactersNotBytes()
    {
        QString emoji;
        for (int i = 0; i < PasswordHasher::maxLength; ++i)
            emoji += QString::fromUtf8("\xF0\x9F\x94\x92"); // one character, two UTF-16 units
        QVERIFY(!PasswordHasher::isTooLong(emoji));
        QVERIFY(PasswordHasher::isTooLong(emoji + QLatin1Char('a')));
    }

    void unicodeIsNormalized()
    {
        // NFKC: the "fi" ligature and the two letters are the same password (NIST 800-63B 5.1.1.2).
        const auto hash = PasswordHasher::hash(QString::fromUtf8("pro\xEF\xAC\x81le-2026"));
        QVERIFY(hash.hasValue());
        QVERIFY(PasswordHasher::verify(*hash, QStringLiteral("profile-2026")));
    }

    void emptyAndMalformedAreRefused()
    {
        QCOMPARE(PasswordHasher::hash(QString()).error(), PasswordHasher::Error::Empty);
        QVERIFY(!PasswordHasher::verify(QByteArray("not a hash"), QStringLiteral("anything")));
        QVERIFY(!PasswordHasher::verify(QByteArray(), QStringLiteral("anything")));
    }

    void asyncVerifyAnswersOnTheCallersThread()
    {
        HashingPool pool;
        PasswordHasher hasher(pool);
        QVERIFY(!hasher.dummyHash().isEmpty());
        const auto hash = PasswordHasher::hash(QStringLiteral("async-password"));
        QVERIFY(hash.hasValue());
        QObject context;
        std::optional<bool> right;
        std::optional<bool> wrong;
        QVERIFY(hasher.verifyAsync(*hash, QStringLiteral("async-password"), &context, [&](bool ok) {
            QCOMPARE(QThread::currentThread(), context.thread());
            right = ok;
        }));
        QVERIFY(hasher.verifyAsync(*hash, QStringLiteral("other"), &context, [&](bool ok) { wrong = ok; }));
        QTRY_VERIFY_WITH_TIMEOUT(right.has_value() && wrong.has_value(), 20000);
        QVERIFY(*right);
        QVERIFY(!*wrong);
    }

    void dummyHashMatchesNothingUsual()
    {
        HashingPool pool;
        PasswordHasher hasher(pool);
        QVERIFY(hasher.dummyHash().startsWith("$argon2id$"));
        QVERIFY(!PasswordHasher::verify(hasher.dummyHash(), QStringLiteral("vigil-demo-2026")));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "mockd_password_hash.moc"
