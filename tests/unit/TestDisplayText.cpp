#include "core/util/DisplayText.h"

#include <QTest>

using namespace vigil;

// The characters a hostile name could use to reorder or hide the text around it are gone; every
// visible character, in any script, stays.
class TestDisplayText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesInvisibleControls_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("Living Room TV") << QStringLiteral("Living Room TV");
        QTest::newRow("override") << QStringLiteral("TV\u202Evt.exe") << QStringLiteral("TVvt.exe");
        QTest::newRow("embedding and pop") << QStringLiteral("\u202Ba\u202Cb") << QStringLiteral("ab");
        QTest::newRow("isolates") << QStringLiteral("\u2066a\u2067b\u2068c\u2069") << QStringLiteral("abc");
        QTest::newRow("marks") << QStringLiteral("\u200Ea\u200F\u061C") << QStringLiteral("a");
        QTest::newRow("zero width") << QStringLiteral("Ana\u200B's\u2060 Phone\uFEFF") << QStringLiteral("Ana's Phone");
        QTest::newRow("line breaks") << QStringLiteral("a\nb\tc\u2028d") << QStringLiteral("a b c d");
        QTest::newRow("controls") << QStringLiteral("a\u0007b\u0085c") << QStringLiteral("abc");
        QTest::newRow("scripts stay") << QStringLiteral("שלום 👨‍👩‍👧 كمبيوتر")
                                      << QStringLiteral("שלום 👨‍👩‍👧 كمبيوتر");
        QTest::newRow("markup stays") << QStringLiteral("<b>x</b>") << QStringLiteral("<b>x</b>");
    }

    void removesInvisibleControls()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        QCOMPARE(DisplayText::withoutControls(input), shown);
    }

    void cleanTextIsNotCopied()
    {
        const QString name = QStringLiteral("Living Room TV");
        QCOMPARE(DisplayText::withoutControls(name).constData(), name.constData());
    }
};

QTEST_APPLESS_MAIN(TestDisplayText)
#include "TestDisplayText.moc"
