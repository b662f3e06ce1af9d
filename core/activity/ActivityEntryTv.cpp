// ActivityEntry, continued: the words for signing a TV in and for guest access.
#include "ActivityEntry.h"

#include <QLocale>

namespace vigil {
namespace {

QString endText(const QDateTime& end)
{
    // History: an exact local date and time, not "Sunday" (which Sunday, read a month later?).
    return QLocale().toString(end.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"));
}

} // namespace

QString ActivityEntry::tvTypeText(const QString& type)
{
    if (type == QLatin1String("device_approved"))
        return tr("TV signed in");
    if (type == QLatin1String("device_denied"))
        return tr("TV sign-in refused");
    if (type == QLatin1String("device_code_failed"))
        return tr("Wrong TV code");
    if (type == QLatin1String("guest_changed"))
        return tr("Guest access changed");
    if (type == QLatin1String("guest_ended"))
        return tr("Guest access ended");
    return {};
}

QString ActivityEntry::tvDescription() const
{
    const QString name = deviceName.isEmpty() ? tr("a device") : deviceName;
    if (type == QLatin1String("device_approved"))
        return guestUntil.isValid() ? tr("You signed in %1 as a guest until %2").arg(name, endText(guestUntil))
                                    : tr("You signed in %1 until you sign it out").arg(name);
    if (type == QLatin1String("device_denied"))
        return tr("You refused a TV sign-in from %1").arg(place());
    if (type == QLatin1String("device_code_failed"))
        return tr("Someone entered a TV code that did not match");
    if (type == QLatin1String("guest_changed"))
        return guestUntil.isValid() ? tr("You changed guest access for %1 to end %2").arg(name, endText(guestUntil))
                                    : tr("You changed guest access for %1").arg(name);
    if (type == QLatin1String("guest_ended"))
        return tr("Guest access for %1 ended").arg(name);
    return {};
}

} // namespace vigil
