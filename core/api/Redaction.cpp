#include "Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace vigil {
namespace {

QJsonValue redactValue(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Redaction::isSecretKey(it.key()))
                it.value() = QJsonValue(QString(Redaction::mask));
            else
                it.value() = redactValue(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (QJsonValueRef item : array)
            item = redactValue(item);
        return array;
    }
    if (value.isString())
        return Redaction::text(value.toString());
    return value;
}

} // namespace

bool Redaction::isSecretKey(QStringView key)
{
    static const QStringList secretParts{QStringLiteral("password"),
                                         QStringLiteral("token"),
                                         QStringLiteral("secret"),
                                         QStringLiteral("code"),
                                         QStringLiteral("otp"),
                                         QStringLiteral("challenge"),
                                         QStringLiteral("authorization"),
                                         QStringLiteral("key"),
                                         QStringLiteral("current"),
                                         QStringLiteral("new")};
    for (const auto& part : secretParts) {
        if (key.contains(part, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString Redaction::url(const QUrl& url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems();
        for (auto& item : items)
            item.second = QString(mask);
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toString(QUrl::DecodeReserved);
}

QString Redaction::header(const QByteArray& name, const QByteArray& value)
{
    const QString key = QString::fromLatin1(name);
    if (isSecretKey(key) || key.compare(QLatin1String("Cookie"), Qt::CaseInsensitive) == 0 ||
        key.compare(QLatin1String("Set-Cookie"), Qt::CaseInsensitive) == 0 ||
        key.startsWith(QLatin1String("X-"), Qt::CaseInsensitive)) {
        return key + QLatin1String(": ") + QString(mask);
    }
    return key + QLatin1String(": ") + text(QString::fromLatin1(value));
}

QString Redaction::jsonBody(const QByteArray& body)
{
    if (body.isEmpty())
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("<%1 bytes, not JSON>").arg(body.size());
    const QJsonValue redacted = redactValue(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    const QJsonDocument out =
        redacted.isObject() ? QJsonDocument(redacted.toObject()) : QJsonDocument(redacted.toArray());
    return QString::fromUtf8(out.toJson(QJsonDocument::Compact));
}

QString Redaction::text(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("\\b(vat|vrt)_[A-Za-z0-9_\\-]+"));
    QString out = text;
    out.replace(token, QStringLiteral("\\1_") + QString(mask));
    return out;
}

} // namespace vigil
