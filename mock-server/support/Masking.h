#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace mockd {

// What support may see of a customer: every support answer leaves through here. Known fields are
// masked by name (email, ip, phone); any other text is scanned for addresses and numbers that
// slipped in (a reason, a device name); fields that could hold a secret are dropped whatever their
// value.
class Masking final
{
public:
    // "jane@example.com" → "j***@example.com"; no "@": "***".
    static QString email(const QString& email);
    // "203.0.113.45" → "203.0.113.x"; IPv6: the first three groups, then ":x"; anything else "x".
    static QString ip(const QString& address);
    // "+447700900312" → "+44 •••• ••12": the country code and the last two digits of an E.164
    // number; anything else "••••".
    static QString phone(const QString& phone);
    // Free text with every email address, IP address and phone number in it masked.
    static QString text(const QString& text);
    // True for field names that may hold a secret (token, hash, secret, password, code, session).
    static bool isSecretField(const QString& name);

    // A JSON answer, masked throughout (not JSON: an empty object).
    static QByteArray json(const QByteArray& body);
    static QJsonValue value(const QJsonValue& value, const QString& key = {});
};

} // namespace mockd
