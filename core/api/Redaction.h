#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace vigil {

// Every log line about a request passes through here, so no password, token, code or
// Authorization header reaches a log, whatever a caller hands in.
class Redaction final
{
public:
    Redaction() = delete;

    // The URL without user info and with the values of every query item replaced.
    static QString url(const QUrl& url);
    // A header as "Name: value" with the value hidden when the header can carry a secret.
    static QString header(const QByteArray& name, const QByteArray& value);
    // A JSON body with the values of secret-bearing keys replaced, at any depth. Non-JSON bodies
    // are not echoed at all, only their size.
    static QString jsonBody(const QByteArray& body);
    // Free text (a server message, an error string, the mock service's output) with every secret
    // shape this side knows hidden: anything that looks like a Vigil token (a prefix of
    // tokenPrefixes()) cut to its prefix, the values of secret fields ("code": "123456",
    // password=…), recovery codes ("abcd-efgh-jk12") and support codes ("7KQ2-M9XF").
    static QString text(const QString& text);

    // password, token, code, otp, challenge, … anywhere in the name (case-insensitive).
    static bool isSecretKey(QStringView key);
    // Every token prefix the service issues: the contract's x-secret-prefixes.
    static const QStringList& tokenPrefixes();

    static constexpr QLatin1String mask{"[redacted]"};

private:
    // The values of secret keys in key: value / key=value pairs of free text.
    static QString secretFields(const QString& text);
};

} // namespace vigil
