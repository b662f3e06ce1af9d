#include "ui/security/QrCode.h"

#include <QTest>

using namespace vigil;

// The libqrencode wrapper: a square symbol of a valid version, the same for the same text, and an
// image with every module where the matrix says.
class TestQrCode final : public QObject
{
    Q_OBJECT

private:
    static QString uri()
    {
        return QStringLiteral("otpauth://totp/Vigil:demo@vigil.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                              "&issuer=Vigil&algorithm=SHA1&digits=6&period=30");
    }

private Q_SLOTS:
    void encodesASquareSymbol()
    {
        const QrCode code = QrCode::encode(uri());
        QVERIFY(!code.isNull());
        QVERIFY(code.version() >= 1);
        QVERIFY(code.version() <= 40);
        // ISO/IEC 18004: 17 + 4 × version modules per side.
        QCOMPARE(code.size(), 17 + 4 * code.version());
    }

    void hasFinderPatterns()
    {
        const QrCode code = QrCode::encode(uri());
        QVERIFY(!code.isNull());
        const int last = code.size() - 1;
        // The three 7×7 finder patterns: dark corners, and a light ring inside each.
        for (const auto& [x, y] : {std::pair{0, 0}, std::pair{last - 6, 0}, std::pair{0, last - 6}}) {
            QVERIFY(code.isDark(x, y));
            QVERIFY(code.isDark(x + 6, y + 6));
            QVERIFY(!code.isDark(x + 1, y + 1));
            QVERIFY(code.isDark(x + 3, y + 3));
        }
    }

    void isDeterministic()
    {
        QVERIFY(QrCode::encode(uri()) == QrCode::encode(uri()));
        QVERIFY(!(QrCode::encode(uri()) == QrCode::encode(uri() + QLatin1Char('x'))));
    }

    void imageMatchesTheMatrix()
    {
        const QrCode code = QrCode::encode(uri());
        const int scale = 3;
        const int margin = 4;
        const QImage image = code.toImage(scale, margin);
        QCOMPARE(image.width(), (code.size() + 2 * margin) * scale);
        QCOMPARE(image.height(), image.width());
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
        for (int y = 0; y < code.size(); ++y) {
            for (int x = 0; x < code.size(); ++x) {
                const QColor pixel = image.pixelColor((x + margin) * scale + 1, (y + margin) * scale + 1);
                QCOMPARE(pixel, code.isDark(x, y) ? QColor(Qt::black) : QColor(Qt::white));
            }
        }
    }

    void emptyCodeHasNoImage()
    {
        const QrCode none;
        QVERIFY(none.isNull());
        QVERIFY(none.toImage(4).isNull());
    }
};

QTEST_MAIN(TestQrCode)
#include "TestQrCode.moc"
