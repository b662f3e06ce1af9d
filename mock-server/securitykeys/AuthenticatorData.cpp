#include "securitykeys/AuthenticatorData.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QtEndian>

namespace mockd {

namespace {

constexpr qsizetype rpIdHashBytes = 32;
constexpr qsizetype headerBytes = rpIdHashBytes + 1 + 4;
constexpr qsizetype aaguidBytes = 16;

// One CBOR item starting at `offset`: its bytes, and `offset` moved past it; nothing when there is
// no well-formed item there.
std::optional<QByteArray> cborItem(const QByteArray& raw, qsizetype& offset)
{
    const QByteArray rest = raw.mid(offset);
    QCborStreamReader reader(rest);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError || value.isInvalid())
        return std::nullopt;
    const qsizetype length = qsizetype(reader.currentOffset());
    if (length <= 0 || length > rest.size())
        return std::nullopt;
    offset += length;
    return rest.first(length);
}

} // namespace

std::optional<AuthenticatorData> AuthenticatorData::parse(const QByteArray& raw)
{
    if (raw.size() < headerBytes)
        return std::nullopt;
    AuthenticatorData data;
    data.rpIdHash = raw.first(rpIdHashBytes);
    data.flags = quint8(raw.at(rpIdHashBytes));
    data.signCount = qFromBigEndian<quint32>(raw.constData() + rpIdHashBytes + 1);
    qsizetype offset = headerBytes;
    if (data.hasAttestedData()) {
        if (raw.size() < offset + aaguidBytes + 2)
            return std::nullopt;
        offset += aaguidBytes;
        const qsizetype idLength = qFromBigEndian<quint16>(raw.constData() + offset);
        offset += 2;
        if (idLength == 0 || idLength > maxCredentialIdBytes || raw.size() < offset + idLength)
            return std::nullopt;
        data.credentialId = raw.mid(offset, idLength);
        offset += idLength;
        const auto key = cborItem(raw, offset);
        if (!key)
            return std::nullopt;
        data.publicKey = *key;
    }
    if ((data.flags & extensionsFlag) != 0) {
        const auto extensions = cborItem(raw, offset);
        if (!extensions || !QCborValue::fromCbor(*extensions).isMap())
            return std::nullopt;
    }
    if (offset != raw.size())
        return std::nullopt;
    return data;
}

} // namespace mockd
