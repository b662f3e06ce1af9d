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
                                         QStringLiteral("cookie"),
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
    // A token can sit in the path too (/v1/…/vsc_…), not only in the query.
    return text(copy.toString(QUrl::DecodeReserved));
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

const QStringList& Redaction::tokenPrefixes()
{
    // The contract's x-secret-prefixes (api/openapi.yaml); tests/unit/TestRedaction.cpp checks that
    // every prefix listed there is caught here.
    static const QStringList prefixes{QStringLiteral("vat_"),
                                      QStringLiteral("vrt_"),
                                      QStringLiteral("vmt_"),
                                      QStringLiteral("vst_"),
                                      QStringLiteral("vsc_"),
                                      QStringLiteral("vdc_"),
                                      QStringLiteral("vdg_")};
    return prefixes;
}

QString Redaction::text(const QString& text)
{
    static const QRegularExpression token(
        QStringLiteral("\\b(%1)[A-Za-z0-9_\\-]+").arg(tokenPrefixes().join(QLatin1Char('|'))));
    QString out = text;
    out.replace(token, QStringLiteral("\\1") + QString(mask));
    if (out.contains(QLatin1Char(':')) || out.contains(QLatin1Char('=')))
        out = secretFields(out);
    if (out.contains(QLatin1Char('-'))) {
        // Recovery codes ("abcd-efgh-jk12") and support codes as shown ("7KQ2-M9XF"), standing alone.
        static const QRegularExpression codes(QStringLiteral("(?<![A-Za-z0-9-])(?:[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}|["
                                                             "2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})(?![A-Za-z0-9-])"));
        out.replace(codes, QString(mask));
    }
    return out;
}

QString Redaction::secretFields(const QString& text)
{
    // key: value, key=value, "key": "value" or "key": [...]; the value goes when the key is secret.
    static const QRegularExpression pair(QStringLiteral(
        R"re((?<![A-Za-z0-9_-])("?)([A-Za-z][A-Za-z0-9_-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s"&,;}\]]+))re"));
    QString out;
    qsizetype copied = 0;
    auto it = pair.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (!isSecretKey(m.capturedView(2)))
            continue;
        out += QStringView(text).mid(copied, m.capturedStart(4) - copied);
        out += m.capturedView(4).startsWith(u'"') ? QLatin1Char('"') + QString(mask) + QLatin1Char('"') : QString(mask);
        copied = m.capturedEnd(4);
    }
    if (copied == 0)
        return text;
    return out + QStringView(text).mid(copied);
}

} // namespace vigil
