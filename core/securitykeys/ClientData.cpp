#include "core/securitykeys/ClientData.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace vigil {

ClientData ClientData::make(Type type, const QString& challenge)
{
    // Written by hand to keep the order WebAuthn uses (QJsonObject sorts its keys); each value is
    // escaped by QJsonDocument.
    const auto quoted = [](const QString& value) {
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    };
    const QString typeName = type == Type::Create ? QStringLiteral("webauthn.create") : QStringLiteral("webauthn.get");
    ClientData data;
    data.json = "{\"type\":" + quoted(typeName) + ",\"challenge\":" + quoted(challenge) +
                ",\"origin\":" + quoted(origin()) + '}';
    data.hash = QCryptographicHash::hash(data.json, QCryptographicHash::Sha256);
    return data;
}

QString ClientData::origin()
{
    return QStringLiteral("https://vigil.test");
}

QString ClientData::relyingPartyId()
{
    return QStringLiteral("vigil.test");
}

QString toBase64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray fromBase64Url(const QString& text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

} // namespace vigil
