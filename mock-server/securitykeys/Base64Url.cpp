#include "securitykeys/Base64Url.h"

namespace mockd::Base64Url {

QString encode(const QByteArray& data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> decode(QStringView text)
{
    // A lone character left over cannot encode a byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // Only the canonical encoding: unused trailing bits must be zero, so one value has one spelling.
    if (encode(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace mockd::Base64Url
