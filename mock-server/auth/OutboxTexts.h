#pragma once

#include <QString>

namespace mockd {

struct Device;

// What the service's messages say (the outbox keeps them as sent). A message that can change what
// a device may do names that device, so an owner who did not ask knows what to stop.
namespace OutboxTexts {

struct Text
{
    QString subject; // empty for a text message
    QString text;
};

Text stepUp(const QString& code, bool sms);
// The code that cuts a new sign-in's wait (`windowHours`) to one hour: who asked (device, place,
// time) and what to do if it was not the owner.
Text shortenWait(const QString& code, const Device& device, qint64 askedAtMs, qint64 windowHours);

} // namespace OutboxTexts
} // namespace mockd
