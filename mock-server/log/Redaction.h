#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

// Everything that reaches a log (or, later, the request journal) passes through here. Secrets never
// appear: tokens become a short irreversible tag, sensitive fields, query values and headers become
// "<redacted>", and control characters are escaped so one entry is one line.
namespace mockd::Redaction {

inline constexpr QLatin1StringView redacted{"<redacted>"};

// The secret shapes this side knows, in one place: tokens by their prefix (below), secret fields by
// name (isSensitiveKey), and codes by their form (redactCodes).
//
// Every token prefix the service issues ("vat_", "vrt_", "vmt_", "vst_", "vsc_").
const QList<QLatin1StringView>& tokenPrefixes();
// Every token-shaped secret (a prefix above and at least 8 token characters) becomes
// "<token:1a2b3c4d>", the first four bytes of its SHA-256: enough to correlate two log lines,
// useless to an attacker.
QString redactTokens(QStringView text);
// Free text with the values of secret fields ("code": "123456", password=…, otp: …) replaced, and
// recovery codes ("abcd-efgh-jk12") and support codes ("7KQ2-M9XF") standing alone.
QString redactCodes(QStringView text);
// Control characters become \n, \r, \t or \xNN.
QString escapeControl(QStringView text);
// All of the above: the treatment for any free text going to a log.
QString redactText(QStringView text);
// A request target for the log: the path, then the query with the values of sensitive keys replaced.
QString redactTarget(QStringView path, QStringView query);
// password, code, token, secret, challenge, … (case-insensitive; also *_token, *_code, *_secret,
// *password*).
bool isSensitiveKey(QStringView key);
// Objects: values of sensitive keys replaced; every string: tokens replaced.
QJsonValue redactJson(const QJsonValue& value);
// Authorization, X-Admin-Key, X-Step-Up, Cookie and friends keep their name, lose their value.
QList<QPair<QByteArray, QByteArray>> redactHeaders(const QList<QPair<QByteArray, QByteArray>>& headers);

} // namespace mockd::Redaction
