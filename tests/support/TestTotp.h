#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QString>
#include <QtEndian>

// What an authenticator app computes (RFC 6238: SHA-1, 30-second steps, 6 digits), written for the
// tests independently of the service's own implementation (mock-server/auth/Totp), so a shared
// mistake cannot hide.
namespace TestTotp {

// RFC 4648 base32 as authenticator apps read it: case and anything outside the alphabet (spaces,
// dashes, padding) ignored.
inline QByteArray base32Decode(const QString& text)
{
    static const QByteArray alphabet = QByteArrayLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const int value = int(alphabet.indexOf(char(c.toUpper().toLatin1())));
        if (value < 0)
            continue;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

// The code for a raw key at a Unix time.
inline QString code(const QByteArray& key, qint64 unixSeconds)
{
    QByteArray counter(8, '\0');
    qToBigEndian<quint64>(quint64(unixSeconds / 30), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, key, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 value = qFromBigEndian<quint32>(mac.constData() + offset) & 0x7fffffff;
    return QString::number(value % 1000000).rightJustified(6, QLatin1Char('0'));
}

// The code for a base32 secret (as scenarios and enrolment answers give it) at a Unix time.
inline QString codeForSecret(const QString& base32Secret, qint64 unixSeconds)
{
    return code(base32Decode(base32Secret), unixSeconds);
}

} // namespace TestTotp
