#include "geo/GeoIpReader.h"

#include <QHostAddress>
#include <QTest>

using mockd::GeoIpReader;

// Reads the demo database the build generates from mock-server/geo/demo-locations.csv.
class TestGeoIpReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = qEnvironmentVariable("VIGIL_GEOIP_DB");
        QVERIFY2(!path.isEmpty(), "VIGIL_GEOIP_DB is not set");
        const auto error = m_reader.open(path);
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        QCOMPARE(m_reader.databaseType(), QStringLiteral("Vigil-Demo-City"));
    }

    void knownAddresses_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("city");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("countryCode");
        QTest::newRow("lisbon home") << "203.0.113.7"
                                     << "Lisbon"
                                     << "Lisbon"
                                     << "PT";
        QTest::newRow("amsterdam") << "203.0.113.200"
                                   << "Amsterdam"
                                   << "North Holland"
                                   << "NL";
        QTest::newRow("sao paulo, non-ascii") << "198.51.100.130" << QStringLiteral("São Paulo") << "São Paulo"
                                              << "BR";
        QTest::newRow("edge of a /28") << "198.51.100.191"
                                       << "Moscow"
                                       << "Moscow"
                                       << "RU";
        QTest::newRow("ipv4-mapped ipv6") << "::ffff:198.51.100.33"
                                          << "London"
                                          << "England"
                                          << "GB";
    }

    void knownAddresses()
    {
        QFETCH(QString, ip);
        QFETCH(QString, city);
        QFETCH(QString, region);
        QFETCH(QString, countryCode);
        const auto location = m_reader.lookup(ip);
        QVERIFY(location.isKnown());
        QCOMPARE(location.city, city);
        QCOMPARE(location.region, region);
        QCOMPARE(location.countryCode, countryCode);
        QVERIFY(location.latitude.has_value());
        QVERIFY(location.longitude.has_value());
    }

    void unknownAddressesAreNotErrors_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::newRow("documentation range without entry") << "192.0.2.10";
        QTest::newRow("loopback") << "127.0.0.1";
        QTest::newRow("ipv6 loopback") << "::1";
        QTest::newRow("garbage") << "not-an-address";
        QTest::newRow("empty") << "";
    }

    void unknownAddressesAreNotErrors()
    {
        QFETCH(QString, ip);
        const auto location = m_reader.lookup(ip);
        QVERIFY(!location.isKnown());
        QVERIFY(!location.latitude.has_value());
    }

    void missingDatabaseIsAClearError()
    {
        GeoIpReader reader;
        const auto error = reader.open(QStringLiteral("/nonexistent/file.mmdb"));
        QVERIFY(error.has_value());
        QVERIFY(error->contains(QStringLiteral("/nonexistent/file.mmdb")));
        QVERIFY(!reader.isOpen());
        QVERIFY(!reader.lookup(QStringLiteral("203.0.113.7")).isKnown());
    }

private:
    GeoIpReader m_reader;
};

QTEST_GUILESS_MAIN(TestGeoIpReader)
#include "TestGeoIpReader.moc"
