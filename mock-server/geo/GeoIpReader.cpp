#include "geo/GeoIpReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QtEndian>
#include <cstring>
#include <maxminddb.h>
#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace mockd {

struct GeoIpReader::Db
{
    MMDB_s mmdb{};
};

GeoIpReader::GeoIpReader() = default;

GeoIpReader::~GeoIpReader()
{
    if (m_db)
        MMDB_close(&m_db->mmdb);
}

std::optional<QString> GeoIpReader::open(const QString& path)
{
    if (m_db) {
        MMDB_close(&m_db->mmdb);
        m_db.reset();
    }
    auto db = std::make_unique<Db>();
    const QByteArray file = QFile::encodeName(path);
    const int status = MMDB_open(file.constData(), MMDB_MODE_MMAP, &db->mmdb);
    if (status != MMDB_SUCCESS)
        return QStringLiteral("cannot open GeoIP database %1: %2").arg(path, QString::fromUtf8(MMDB_strerror(status)));
    m_db = std::move(db);
    return std::nullopt;
}

bool GeoIpReader::isOpen() const
{
    return bool(m_db);
}

QString GeoIpReader::databaseType() const
{
    return m_db ? QString::fromUtf8(m_db->mmdb.metadata.database_type) : QString();
}

namespace {

QString stringAt(MMDB_entry_s* entry, const char* const* path)
{
    MMDB_entry_data_s data{};
    if (MMDB_aget_value(entry, &data, path) != MMDB_SUCCESS || !data.has_data ||
        data.type != MMDB_DATA_TYPE_UTF8_STRING)
        return {};
    return QString::fromUtf8(data.utf8_string, int(data.data_size));
}

std::optional<double> doubleAt(MMDB_entry_s* entry, const char* const* path)
{
    MMDB_entry_data_s data{};
    if (MMDB_aget_value(entry, &data, path) != MMDB_SUCCESS || !data.has_data)
        return std::nullopt;
    if (data.type == MMDB_DATA_TYPE_DOUBLE)
        return data.double_value;
    if (data.type == MMDB_DATA_TYPE_FLOAT)
        return double(data.float_value);
    return std::nullopt;
}

} // namespace

GeoLocation GeoIpReader::lookup(const QString& address) const
{
    return lookup(QHostAddress(address));
}

GeoLocation GeoIpReader::lookup(const QHostAddress& address) const
{
    GeoLocation location;
    if (!m_db || address.isNull())
        return location;

    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    sockaddr_storage storage{};
    if (isV4) {
        auto* in = reinterpret_cast<sockaddr_in*>(&storage);
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = qToBigEndian(v4);
    } else {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(in6->sin6_addr.s6_addr, v6.c, sizeof v6.c);
    }
    int mmdbError = MMDB_SUCCESS;
    MMDB_lookup_result_s result =
        MMDB_lookup_sockaddr(&m_db->mmdb, reinterpret_cast<const sockaddr*>(&storage), &mmdbError);
    if (mmdbError != MMDB_SUCCESS || !result.found_entry)
        return location;

    static const char* const city[] = {"city", "names", "en", nullptr};
    static const char* const region[] = {"subdivisions", "0", "names", "en", nullptr};
    static const char* const country[] = {"country", "names", "en", nullptr};
    static const char* const isoCode[] = {"country", "iso_code", nullptr};
    static const char* const latitude[] = {"location", "latitude", nullptr};
    static const char* const longitude[] = {"location", "longitude", nullptr};
    location.city = stringAt(&result.entry, city);
    location.region = stringAt(&result.entry, region);
    location.country = stringAt(&result.entry, country);
    location.countryCode = stringAt(&result.entry, isoCode);
    location.latitude = doubleAt(&result.entry, latitude);
    location.longitude = doubleAt(&result.entry, longitude);
    return location;
}

QString GeoIpReader::defaultDatabasePath()
{
    const QString name = QStringLiteral("vigil-geoip-demo.mmdb");
    const QDir bin(QCoreApplication::applicationDirPath());
    const QStringList candidates{bin.filePath(name), bin.filePath(QStringLiteral("../share/vigil-mockd/") + name)};
    for (const QString& candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace mockd
