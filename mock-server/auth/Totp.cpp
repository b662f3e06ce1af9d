#include "auth/Totp.h"

#include <QMessageAuthenticationCode>
#include <QtEndian>
#include <sodium.h>

namespace mockd::Totp {

qint64 stepAt(qint64 unixSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / stepSeconds : (unixSeconds - stepSeconds + 1) / stepSeconds;
}

QString code(const QByteArray& key, qint64 counter, int digits)
{
    QByteArray message(8, Qt::Uninitialized);
    qToBigEndian(quint64(counter), message.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) |
                           (quint32(quint8(mac.at(offset + 1))) << 16) | (quint32(quint8(mac.at(offset + 2))) << 8) |
                           quint32(quint8(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> verify(const QByteArray& key, QStringView given, qint64 unixSeconds, qint64 lastAcceptedStep)
{
    if (given.size() != defaultDigits || key.isEmpty())
        return std::nullopt;
    const QByteArray candidate = given.toLatin1();
    const qint64 now = stepAt(unixSeconds);
    std::optional<qint64> matched;
    // Every window step is computed and compared, whatever matches, so timing says nothing.
    for (qint64 step = now - driftSteps; step <= now + driftSteps; ++step) {
        const QByteArray expected = code(key, step).toLatin1();
        const bool same = sodium_memcmp(expected.constData(), candidate.constData(), size_t(expected.size())) == 0;
        if (same && step > lastAcceptedStep && !matched)
            matched = step;
    }
    return matched;
}

} // namespace mockd::Totp
