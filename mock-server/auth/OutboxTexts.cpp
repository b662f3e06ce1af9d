#include "auth/OutboxTexts.h"

#include "store/Records.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace mockd::OutboxTexts {

namespace {

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("d MMM yyyy, HH:mm 'UTC'"));
}

QString placeOf(const Device& device)
{
    QStringList parts;
    for (const QString& part : {device.city, device.region, device.country}) {
        if (!part.isEmpty() && !parts.contains(part))
            parts.append(part);
    }
    QString place = parts.isEmpty() ? QStringLiteral("an unknown place") : parts.join(QStringLiteral(", "));
    if (!device.ip.isEmpty())
        place += QStringLiteral(" (IP address %1)").arg(device.ip);
    return place;
}

} // namespace

Text stepUp(const QString& code, bool sms)
{
    const QString text = QStringLiteral("Your Vigil verification code is %1. It works for 10 minutes. Vigil will never "
                                        "ask you to read it out to anyone.")
                             .arg(code);
    return {sms ? QString() : QStringLiteral("Your Vigil verification code"), text};
}

Text shortenWait(const QString& code, const Device& device, qint64 askedAtMs, qint64 windowHours)
{
    const QString deviceName = device.name.isEmpty() ? QStringLiteral("An unnamed device") : device.name;
    QString text;
    text += QStringLiteral("Someone asked to shorten the new-device wait on your Vigil account.\n\n");
    text += QStringLiteral("If this code is entered, the device below can sign out your other devices and change your "
                           "security settings one hour later, instead of %1 hours after it signed in.\n\n")
                .arg(windowHours);
    text += QStringLiteral("Device: %1 (%2)\n").arg(deviceName, device.type);
    text += QStringLiteral("Place: %1\n").arg(placeOf(device));
    text += QStringLiteral("Asked at: %1\n\n").arg(utcText(askedAtMs));
    text += QStringLiteral("Your code: %1\n").arg(code);
    text += QStringLiteral("It works for 10 minutes, only on that device. Vigil will never ask you to read it out to "
                           "anyone.\n\n");
    text += QStringLiteral("Not you? Then someone has your Vigil password. Do not enter or share this code: without it "
                           "that device waits the full %1 hours. Change your email password now, then sign in to "
                           "Vigil on your own device, sign that device out once yours can, and change your Vigil "
                           "password.")
                .arg(windowHours);
    return {QStringLiteral("Someone asked to shorten the new-device wait on your Vigil account"), text};
}

} // namespace mockd::OutboxTexts
