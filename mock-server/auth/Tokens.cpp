#include "auth/Tokens.h"

#include <sodium.h>

namespace mockd::Tokens {

namespace {

constexpr int randomBytes = 32;
constexpr qsizetype encodedLength = 43; // base64url of 32 bytes, unpadded

bool isBase64Url(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
}

} // namespace

QLatin1StringView prefix(Kind kind)
{
    switch (kind) {
    case Kind::Access:
        return QLatin1StringView("vat_");
    case Kind::Refresh:
        return QLatin1StringView("vrt_");
    case Kind::Mfa:
        return QLatin1StringView("vmt_");
    case Kind::StepUp:
        return QLatin1StringView("vst_");
    case Kind::StepUpChallenge:
        return QLatin1StringView("vsc_");
    case Kind::DeviceCookie:
        return QLatin1StringView("vdc_");
    case Kind::DeviceGrant:
        return QLatin1StringView("vdg_");
    }
    return QLatin1StringView("vxt_");
}

QString generate(Kind kind)
{
    QByteArray bytes(randomBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    const QByteArray encoded = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    return prefix(kind) + QString::fromLatin1(encoded);
}

bool hasShape(Kind kind, QStringView token)
{
    const QLatin1StringView p = prefix(kind);
    if (token.size() != p.size() + encodedLength || !token.startsWith(p))
        return false;
    return std::all_of(token.begin() + p.size(), token.end(), isBase64Url);
}

QByteArray hash(QStringView token)
{
    const QByteArray bytes = token.toLatin1();
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(bytes.constData()),
                       quint64(bytes.size()));
    return digest;
}

bool sameHash(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace mockd::Tokens
