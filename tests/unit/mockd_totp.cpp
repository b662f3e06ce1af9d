#include "auth/Base32.h"
#include "auth/Totp.h"

#include <QObject>
#include <QTest>

namespace Totp = mockd::Totp;
namespace Base32 = mockd::Base32;

class TestTotp final : public QObject
{
    Q_OBJECT

private:
    // RFC 6238 Appendix B, SHA-1 key.
    const QByteArray m_rfcKey = QByteArrayLiteral("12345678901234567890");

private Q_SLOTS:
    void rfc6238Sha1Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000LL) << QStringLiteral("65353130");
    }

    void rfc6238Sha1Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, expected);
        QCOMPARE(Totp::code(m_rfcKey, Totp::stepAt(time), 8), expected);
        // Six digits are the same truncation modulo 10^6.
        QCOMPARE(Totp::code(m_rfcKey, Totp::stepAt(time)), expected.right(6));
    }

    void acceptsOneStepOfDriftEitherSide()
    {
        const qint64 now = 1111111111;
        const qint64 step = Totp::stepAt(now);
        for (int delta : {-1, 0, 1}) {
            const QString code = Totp::code(m_rfcKey, step + delta);
            QCOMPARE(Totp::verify(m_rfcKey, code, now, -1), std::optional<qint64>(step + delta));
        }
        for (int delta : {-3, -2, 2, 3})
            QVERIFY(!Totp::verify(m_rfcKey, Totp::code(m_rfcKey, step + delta), now, -1));
    }

    void eachStepIsAcceptedOnce()
    {
        const qint64 now = 1234567890;
        const qint64 step = Totp::stepAt(now);
        const QString code = Totp::code(m_rfcKey, step);
        const auto first = Totp::verify(m_rfcKey, code, now, -1);
        QCOMPARE(first, std::optional<qint64>(step));
        QVERIFY(!Totp::verify(m_rfcKey, code, now, *first));
        // An older step is refused once a newer one was used.
        QVERIFY(!Totp::verify(m_rfcKey, Totp::code(m_rfcKey, step - 1), now, step));
        QVERIFY(Totp::verify(m_rfcKey, Totp::code(m_rfcKey, step + 1), now, step));
    }

    void malformedCodesFail()
    {
        const qint64 now = 59;
        QVERIFY(!Totp::verify(m_rfcKey, QStringLiteral("94287082"), now, -1)); // 8 digits where 6 are expected
        QVERIFY(!Totp::verify(m_rfcKey, QStringLiteral("28708"), now, -1));
        QVERIFY(!Totp::verify(m_rfcKey, QStringLiteral("abcdef"), now, -1));
        QVERIFY(!Totp::verify(QByteArray(), Totp::code(m_rfcKey, 1), now, -1));
    }

    void base32DecodesTheDemoSecret()
    {
        const auto key = Base32::decode(QStringLiteral("JBSWY3DPEHPK3PXP"));
        QVERIFY(key.has_value());
        QCOMPARE(*key, QByteArray("Hello!\xDE\xAD\xBE\xEF"));
        QCOMPARE(Base32::decode(QStringLiteral("jbsw y3dp ehpk 3pxp")), key);
        QCOMPARE(Base32::encode(*key), QStringLiteral("JBSWY3DPEHPK3PXP"));
        QVERIFY(!Base32::decode(QStringLiteral("JBSWY3DP1HPK3PXP")).has_value()); // '1' is not base32
    }

    void rfcKeyRoundTripsThroughBase32()
    {
        const QString encoded = Base32::encode(m_rfcKey);
        QCOMPARE(encoded, QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(Base32::decode(encoded), std::optional<QByteArray>(m_rfcKey));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "mockd_totp.moc"
