#include "base/TimeFormat.h"
#include "http/JsonWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

namespace TimeFormat = mockd::TimeFormat;
using mockd::JsonWriter;

class TestFormats final : public QObject
{
    Q_OBJECT

private:
    static QString reference(qint64 ms)
    {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
    }

private Q_SLOTS:
    void rfc3339MatchesQDateTime_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("before epoch") << qint64(-1);
        QTest::newRow("1969") << qint64(-86400001);
        QTest::newRow("leap day 2024") << qint64(1709164800123);
        QTest::newRow("2000-02-29") << qint64(951782400000);
        QTest::newRow("end of 2099") << qint64(4102444799999);
        QTest::newRow("year 9999") << qint64(253402300799000);
    }

    void rfc3339MatchesQDateTime()
    {
        QFETCH(qint64, ms);
        QCOMPARE(TimeFormat::toRfc3339Ms(ms), reference(ms));
        QCOMPARE(TimeFormat::toRfc3339(ms), reference(ms).left(19) + QLatin1Char('Z'));
    }

    void rfc3339MatchesQDateTimeOnRandomTimes()
    {
        QRandomGenerator random(20260101);
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = qint64(random.bounded(Q_INT64_C(8000000000000))) - Q_INT64_C(1000000000000);
            QCOMPARE(TimeFormat::toRfc3339Ms(ms), reference(ms));
        }
    }

    void parsingNeedsAZone()
    {
        QCOMPARE(TimeFormat::parseRfc3339(QStringLiteral("2030-01-02T03:04:05Z")),
                 std::optional<qint64>(1893553445000));
        QCOMPARE(TimeFormat::parseRfc3339(QStringLiteral("2030-01-02T05:04:05+02:00")),
                 std::optional<qint64>(1893553445000));
        QCOMPARE(TimeFormat::parseRfc3339(QStringLiteral("2030-01-02T03:04:05.250Z")),
                 std::optional<qint64>(1893553445250));
        QVERIFY(!TimeFormat::parseRfc3339(QStringLiteral("2030-01-02T03:04:05")));
        QVERIFY(!TimeFormat::parseRfc3339(QStringLiteral("2030-13-02T03:04:05Z")));
        QVERIFY(!TimeFormat::parseRfc3339(QStringLiteral("yesterday")));
    }

    void relativeTimes()
    {
        const qint64 now = 1'800'000'000'000;
        QCOMPARE(TimeFormat::parseRelativeOrAbsolute(QStringLiteral("-3d"), now),
                 std::optional<qint64>(now - 3 * 86400000));
        QCOMPARE(TimeFormat::parseRelativeOrAbsolute(QStringLiteral("+90s"), now), std::optional<qint64>(now + 90000));
        QCOMPARE(TimeFormat::parseRelativeOrAbsolute(QStringLiteral("-5m"), now), std::optional<qint64>(now - 300000));
        QVERIFY(!TimeFormat::parseRelativeOrAbsolute(QStringLiteral("3d"), now));
        QVERIFY(!TimeFormat::parseRelativeOrAbsolute(QStringLiteral("-3w"), now));
    }

    void jsonWriterOutputIsValidJson()
    {
        JsonWriter json;
        json.beginObject()
            .field(QLatin1StringView("name"), QStringLiteral("Sam's \"TV\"\n\\ \u00e9\U0001F4FA"))
            .field(QLatin1StringView("latin"), QLatin1StringView("caf\xe9"))
            .field(QLatin1StringView("count"), qint64(-42))
            .field(QLatin1StringView("ratio"), 0.25)
            .field(QLatin1StringView("on"), true)
            .key(QLatin1StringView("none"))
            .null()
            .key(QLatin1StringView("list"))
            .beginArray()
            .value(qint64(1))
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .value(QStringLiteral("x"))
            .endArray()
            .endObject();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.data(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject object = document.object();
        QCOMPARE(object.value(QStringLiteral("name")).toString(), QStringLiteral("Sam's \"TV\"\n\\ \u00e9\U0001F4FA"));
        QCOMPARE(object.value(QStringLiteral("latin")).toString(), QStringLiteral("caf\u00e9"));
        QCOMPARE(object.value(QStringLiteral("count")).toInteger(), -42);
        QCOMPARE(object.value(QStringLiteral("ratio")).toDouble(), 0.25);
        QCOMPARE(object.value(QStringLiteral("on")).toBool(), true);
        QVERIFY(object.value(QStringLiteral("none")).isNull());
        QCOMPARE(object.value(QStringLiteral("list")).toArray().size(), 4);
        QVERIFY(!json.data().contains('\n'));
    }

    void controlCharactersAreEscaped()
    {
        QByteArray out;
        JsonWriter::appendString(out, QString::fromUtf8("a\x01z\t"));
        QCOMPARE(out, QByteArray(R"("a\u0001z\u0009")"));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "mockd_formats.moc"
