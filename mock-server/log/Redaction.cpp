#include "log/Redaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace mockd::Redaction {

const QList<QLatin1StringView>& tokenPrefixes()
{
    // The contract's x-secret-prefixes (api/openapi.yaml); tests/unit/mockd_redaction.cpp checks
    // that every prefix listed there is caught here.
    static const QList<QLatin1StringView> prefixes{QLatin1StringView("vat_"),
                                                   QLatin1StringView("vrt_"),
                                                   QLatin1StringView("vmt_"),
                                                   QLatin1StringView("vst_"),
                                                   QLatin1StringView("vsc_"),
                                                   QLatin1StringView("vdc_"),
                                                   QLatin1StringView("vdg_")};
    return prefixes;
}

namespace {

constexpr int minimumTokenBody = 8;

bool isTokenChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
}

bool isWordChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

// Length of a token starting at `pos` (a prefix of tokenPrefixes() and its body), or 0 when there
// is none.
qsizetype tokenAt(QStringView text, qsizetype pos)
{
    if (pos + 4 > text.size() || text[pos] != QLatin1Char('v') || text[pos + 3] != QLatin1Char('_'))
        return 0;
    const QStringView prefix = text.mid(pos, 4);
    const auto& prefixes = tokenPrefixes();
    if (std::none_of(prefixes.begin(), prefixes.end(), [prefix](QLatin1StringView p) { return prefix == p; }))
        return 0;
    if (pos > 0 && isWordChar(text[pos - 1]))
        return 0;
    qsizetype end = pos + 4;
    while (end < text.size() && isTokenChar(text[end]))
        ++end;
    return end - pos >= 4 + minimumTokenBody ? end - pos : 0;
}

QString tag(QStringView token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("<token:") + QString::fromLatin1(digest.left(4).toHex()) + QLatin1Char('>');
}

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x2028 || c.unicode() == 0x2029;
}

} // namespace

QString redactTokens(QStringView text)
{
    if (!text.contains(QLatin1Char('_')))
        return text.toString();
    QString out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = tokenAt(text, i);
        if (length == 0)
            continue;
        out += text.mid(copied, i - copied);
        out += tag(text.mid(i, length));
        i += length - 1;
        copied = i + 1;
    }
    if (copied == 0)
        return text.toString();
    out += text.mid(copied);
    return out;
}

QString escapeControl(QStringView text)
{
    if (std::none_of(text.begin(), text.end(), isControl))
        return text.toString();
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (!isControl(c)) {
            out += c;
        } else if (c == QLatin1Char('\n')) {
            out += QLatin1String("\\n");
        } else if (c == QLatin1Char('\r')) {
            out += QLatin1String("\\r");
        } else if (c == QLatin1Char('\t')) {
            out += QLatin1String("\\t");
        } else {
            out += QStringLiteral("\\x{%1}").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QString redactCodes(QStringView text)
{
    QString out = text.toString();
    if (text.contains(QLatin1Char(':')) || text.contains(QLatin1Char('='))) {
        // key: value, key=value, "key": "value" or "key": [...]; the value goes when the key is secret.
        static const QRegularExpression pair(QStringLiteral(
            R"re((?<![A-Za-z0-9_-])("?)([A-Za-z][A-Za-z0-9_-]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^\s"&,;}\]]+))re"));
        QString replaced;
        qsizetype copied = 0;
        auto it = pair.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!isSensitiveKey(m.capturedView(2)) || m.capturedView(4) == redacted)
                continue;
            replaced += QStringView(out).mid(copied, m.capturedStart(4) - copied);
            replaced += m.capturedView(4).startsWith(u'"') ? QLatin1Char('"') + QString(redacted) + QLatin1Char('"')
                                                           : QString(redacted);
            copied = m.capturedEnd(4);
        }
        if (copied > 0)
            out = replaced + QStringView(out).mid(copied);
    }
    if (out.contains(QLatin1Char('-'))) {
        // Recovery codes ("abcd-efgh-jk12") and support codes as shown ("7KQ2-M9XF"), standing alone.
        static const QRegularExpression codes(QStringLiteral("(?<![A-Za-z0-9-])(?:[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}|["
                                                             "2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})(?![A-Za-z0-9-])"));
        out.replace(codes, QString(redacted));
    }
    return out;
}

QString redactText(QStringView text)
{
    return escapeControl(redactCodes(redactTokens(text)));
}

bool isSensitiveKey(QStringView key)
{
    static const QLatin1StringView exact[] = {
        QLatin1StringView("password"),
        QLatin1StringView("current"),
        QLatin1StringView("new"),
        QLatin1StringView("code"),
        QLatin1StringView("token"),
        QLatin1StringView("secret"),
        QLatin1StringView("authorization"),
        QLatin1StringView("otp"),
        QLatin1StringView("pin"),
        QLatin1StringView("key"),
        QLatin1StringView("cookie"),
        QLatin1StringView("set-cookie"),
        QLatin1StringView("challenge"),
    };
    for (const auto& name : exact) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    static const QLatin1StringView suffixes[] = {
        QLatin1StringView("_token"),
        QLatin1StringView("-token"),
        QLatin1StringView("_code"),
        QLatin1StringView("_codes"),
        QLatin1StringView("-code"),
        QLatin1StringView("_secret"),
        QLatin1StringView("-key"),
        QLatin1StringView("_key"),
        QLatin1StringView("-step-up"),
        QLatin1StringView("_cookie"),
    };
    // Codes that are data, not secrets.
    static const QLatin1StringView harmless[] = {
        QLatin1StringView("country_code"),
        QLatin1StringView("region_code"),
        QLatin1StringView("status_code"),
        QLatin1StringView("error_code"),
        QLatin1StringView("postal_code"),
        QLatin1StringView("language_code"),
    };
    for (const auto& name : harmless) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return false;
    }
    for (const auto& suffix : suffixes) {
        if (key.endsWith(suffix, Qt::CaseInsensitive))
            return true;
    }
    return key.contains(QLatin1StringView("password"), Qt::CaseInsensitive) ||
           key.contains(QLatin1StringView("secret"), Qt::CaseInsensitive);
}

QString redactTarget(QStringView path, QStringView query)
{
    QString out = redactText(path);
    if (query.isEmpty())
        return out;
    out += QLatin1Char('?');
    const auto pairs = query.split(QLatin1Char('&'));
    bool first = true;
    for (const QStringView pair : pairs) {
        if (!first)
            out += QLatin1Char('&');
        first = false;
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QStringView name = eq < 0 ? pair : pair.left(eq);
        const QString decodedName = QUrl::fromPercentEncoding(name.toUtf8());
        out += redactText(name);
        if (eq < 0)
            continue;
        out += QLatin1Char('=');
        out += isSensitiveKey(decodedName) ? QString(redacted) : redactText(pair.mid(eq + 1));
    }
    return out;
}

QJsonValue redactJson(const QJsonValue& value)
{
    if (value.isString())
        return redactTokens(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const auto& item : in)
            out.append(redactJson(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const bool hide = isSensitiveKey(it.key()) && !it.value().isNull() && !it.value().isObject();
            out.insert(it.key(), hide ? QJsonValue(QString(redacted)) : redactJson(it.value()));
        }
        return out;
    }
    return value;
}

QList<QPair<QByteArray, QByteArray>> redactHeaders(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QList<QPair<QByteArray, QByteArray>> out;
    out.reserve(headers.size());
    for (const auto& [name, value] : headers) {
        const QString key = QString::fromLatin1(name);
        if (isSensitiveKey(key) || key.compare(QLatin1String("proxy-authorization"), Qt::CaseInsensitive) == 0)
            out.append({name, QByteArray(redacted.data(), redacted.size())});
        else
            out.append({name, redactText(QString::fromUtf8(value)).toUtf8()});
    }
    return out;
}

} // namespace mockd::Redaction
