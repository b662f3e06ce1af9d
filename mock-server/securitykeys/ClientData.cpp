#include "securitykeys/ClientData.h"

#include "securitykeys/Base64Url.h"
#include "securitykeys/SecurityKeyPolicy.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <sodium.h>

namespace mockd::ClientData {

bool matches(const QByteArray& json, QStringView type, const QString& challenge, QStringView origin)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject data = document.object();
    const QJsonValue typeValue = data.value(QLatin1StringView("type"));
    const QJsonValue challengeValue = data.value(QLatin1StringView("challenge"));
    const QJsonValue originValue = data.value(QLatin1StringView("origin"));
    if (!typeValue.isString() || !challengeValue.isString() || !originValue.isString())
        return false;
    const QByteArray given = challengeValue.toString().toLatin1();
    const QByteArray expected = challenge.toLatin1();
    const bool sameChallenge = !expected.isEmpty() && given.size() == expected.size() &&
                               sodium_memcmp(given.constData(), expected.constData(), size_t(given.size())) == 0;
    return sameChallenge && typeValue.toString() == type && originValue.toString() == origin;
}

QString newChallenge()
{
    QByteArray bytes(SecurityKeyPolicy::challengeBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return Base64Url::encode(bytes);
}

QByteArray hash(const QByteArray& json)
{
    return QCryptographicHash::hash(json, QCryptographicHash::Sha256);
}

} // namespace mockd::ClientData
