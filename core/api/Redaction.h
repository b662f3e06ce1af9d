#pragma once

#include <QByteArray>
#include <QString>
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
    // Free text (a server message, an error string) with anything that looks like a Vigil token
    // (vat_…, vrt_…) cut to its prefix.
    static QString text(const QString& text);

    static bool isSecretKey(QStringView key);

    static constexpr QLatin1String mask{"[redacted]"};
};

} // namespace vigil
