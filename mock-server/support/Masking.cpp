#include "support/Masking.h"

#include "auth/StepUp.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <functional>

namespace mockd {

namespace {

// ITU-T E.164 country codes of one and two digits; all others have three.
qsizetype countryCodeLength(QStringView digits)
{
    if (digits.startsWith(u'1') || digits.startsWith(u'7'))
        return 1;
    static const QStringList twoDigits = QStringLiteral("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 "
                                                        "53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 "
                                                        "93 94 95 98")
                                             .split(QLatin1Char(' '));
    return twoDigits.contains(digits.left(2).toString()) ? 2 : 3;
}

// Fields whose values are machine words, times or ids: never personal, and scanning them would
// only mangle them ("1.2.3.4" is an app version as often as an address).
bool isPlainField(const QString& key)
{
    static const QStringList plain{QStringLiteral("id"),
                                   QStringLiteral("device_id"),
                                   QStringLiteral("request_id"),
                                   QStringLiteral("time"),
                                   QStringLiteral("first_sign_in"),
                                   QStringLiteral("last_active"),
                                   QStringLiteral("created_at"),
                                   QStringLiteral("expires_at"),
                                   QStringLiteral("auto_signout_at"),
                                   QStringLiteral("new_until"),
                                   QStringLiteral("next_cursor"),
                                   QStringLiteral("os_version"),
                                   QStringLiteral("app_version"),
                                   QStringLiteral("type"),
                                   QStringLiteral("status"),
                                   QStringLiteral("method"),
                                   QStringLiteral("result"),
                                   QStringLiteral("viewed"),
                                   QStringLiteral("country_code")};
    return plain.contains(key);
}

// Replaces every match of `pattern` in `text` with what `mask` makes of it.
QString replaceAll(const QString& text,
                   const QRegularExpression& pattern,
                   const std::function<QString(const QRegularExpressionMatch&)>& mask)
{
    QString out;
    qsizetype last = 0;
    auto matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += mask(match);
        last = match.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString Masking::email(const QString& email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return QStringLiteral("***");
    return email.left(1) + QStringLiteral("***") + email.mid(at);
}

QString Masking::ip(const QString& address)
{
    QHostAddress parsed;
    if (!parsed.setAddress(address.trimmed()))
        return QStringLiteral("x");
    bool isV4 = false;
    const quint32 v4 = parsed.toIPv4Address(&isV4); // also an IPv4-mapped IPv6 address
    if (isV4)
        return QStringLiteral("%1.%2.%3.x").arg(v4 >> 24).arg((v4 >> 16) & 0xff).arg((v4 >> 8) & 0xff);
    const Q_IPV6ADDR v6 = parsed.toIPv6Address();
    QStringList groups;
    for (int i = 0; i < 3; ++i)
        groups.append(QString::number((quint32(v6[2 * i]) << 8) | quint32(v6[2 * i + 1]), 16));
    return groups.join(QLatin1Char(':')) + QStringLiteral(":x");
}

QString Masking::phone(const QString& phone)
{
    const QString e164 = StepUp::normalizePhone(phone);
    if (e164.isEmpty())
        return QStringLiteral("\u2022\u2022\u2022\u2022");
    const QStringView digits = QStringView(e164).mid(1);
    // A fixed number of dots, so the mask does not tell the length of the number either.
    return QLatin1Char('+') + digits.left(countryCodeLength(digits)) + QLatin1Char(' ') + QString(4, QChar(0x2022)) +
           QLatin1Char(' ') + QString(2, QChar(0x2022)) + digits.right(2);
}

QString Masking::text(const QString& text)
{
    static const QRegularExpression emails(QStringLiteral("[A-Za-z0-9._%+\\-]+@(?:[A-Za-z0-9\\-]+\\.)+[A-Za-z]{2,}"));
    static const QRegularExpression phones(QStringLiteral("\\+\\d[\\d \\-()]{6,}\\d"));
    static const QRegularExpression ipv4s(
        QStringLiteral("(?<![\\d.])\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?!\\d)(?!\\.\\d)"));
    static const QRegularExpression ipv6s(
        QStringLiteral("(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])"));
    QString out = replaceAll(text, emails, [](const QRegularExpressionMatch& m) { return email(m.captured()); });
    out = replaceAll(out, phones, [](const QRegularExpressionMatch& m) { return phone(m.captured()); });
    out = replaceAll(out, ipv4s, [](const QRegularExpressionMatch& m) { return ip(m.captured()); });
    out = replaceAll(out, ipv6s, [](const QRegularExpressionMatch& m) {
        // Times ("18:10:00") look alike: only what really is an IPv6 address is masked.
        const QString candidate = m.captured();
        QHostAddress parsed;
        const bool isAddress = (candidate.contains(QLatin1String("::")) || candidate.count(QLatin1Char(':')) == 7) &&
                               parsed.setAddress(candidate) && parsed.protocol() == QAbstractSocket::IPv6Protocol;
        return isAddress ? ip(candidate) : candidate;
    });
    return out;
}

bool Masking::isSecretField(const QString& name)
{
    const QString key = name.toLower();
    // Words that look like secrets but are not: a country's ISO code is part of a device's place.
    if (key == QLatin1String("country_code"))
        return false;
    for (const char* word : {"token", "hash", "secret", "password", "recovery", "session", "salt"}) {
        if (key.contains(QLatin1StringView(word)))
            return true;
    }
    return key == QLatin1String("code") || key == QLatin1String("codes") || key.endsWith(QLatin1String("_code")) ||
           key.endsWith(QLatin1String("_codes"));
}

QJsonValue Masking::value(const QJsonValue& value, const QString& key)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isSecretField(it.key()))
                out.insert(it.key(), Masking::value(it.value(), it.key()));
        }
        return out;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        QJsonArray out;
        for (const QJsonValue item : array)
            out.append(Masking::value(item, key));
        return out;
    }
    if (!value.isString())
        return value;
    const QString string = value.toString();
    if (key == QLatin1String("email"))
        return email(string);
    if (key == QLatin1String("ip"))
        return ip(string);
    if (key == QLatin1String("phone"))
        return phone(string);
    return isPlainField(key) ? string : text(string);
}

QByteArray Masking::json(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isArray())
        return QJsonDocument(value(document.array()).toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value(document.object()).toObject()).toJson(QJsonDocument::Compact);
}

} // namespace mockd
