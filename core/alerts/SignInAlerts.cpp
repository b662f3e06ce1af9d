#include "SignInAlerts.h"

#include <QLocale>

namespace vigil {

SignInAlerts::SignInAlerts(TextProvider thisDevice, Clock clock, QObject* parent)
    : QObject(parent), m_thisDevice(std::move(thisDevice)), m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(defaultCoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, &SignInAlerts::flush);
}

SignInAlerts::~SignInAlerts() = default;

void SignInAlerts::applyEvent(const QString& type, const QJsonObject& frame)
{
    if (type != QLatin1String("device.signed_in") || !isEnabled())
        return;
    const auto device = Device::fromJson(frame.value(QStringLiteral("device")).toObject());
    if (!device || device->id.isEmpty())
        return;
    const QString thisDevice = m_thisDevice ? m_thisDevice() : QString();
    if (!thisDevice.isEmpty() && device->id == thisDevice)
        return;
    // The frame has no time of its own: a device that just signed in was active just now.
    const QDateTime when = device->lastActive.isValid() ? device->lastActive : device->firstSignIn;
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    if (!when.isValid() || when.secsTo(now) > maxAgeSeconds)
        return;
    for (qsizetype i = 0; i < m_waiting.size(); ++i) {
        if (m_waiting.at(i).id == device->id) {
            m_waiting[i] = *device;
            m_waitingTimes[i] = when;
            return;
        }
    }
    m_waiting.append(*device);
    m_waitingTimes.append(when);
    if (!m_timer.isActive())
        m_timer.start();
}

void SignInAlerts::flush()
{
    m_timer.stop();
    if (m_waiting.isEmpty())
        return;
    const QList<Device> devices = std::exchange(m_waiting, {});
    const QList<QDateTime> times = std::exchange(m_waitingTimes, {});
    if (!isEnabled())
        return;
    SignInAlert out;
    for (const Device& device : devices)
        out.deviceIds.append(device.id);
    out.thisDeviceIsNew = m_thisDeviceNew && m_thisDeviceNew();
    if (devices.size() == 1) {
        out.title = singleTitle(out.thisDeviceIsNew);
        out.body = singleBody(devices.constFirst(), times.constFirst(), out.thisDeviceIsNew);
    } else {
        out.title = burstTitle(int(devices.size()));
        out.body = burstBody(devices);
    }
    Q_EMIT alert(out);
}

void SignInAlerts::clear()
{
    m_timer.stop();
    m_waiting.clear();
    m_waitingTimes.clear();
}

QString SignInAlerts::singleTitle(bool thisDeviceIsNew)
{
    return thisDeviceIsNew ? tr("New sign-in to your account") : tr("Was this you?");
}

QString SignInAlerts::singleBody(const Device& device, const QDateTime& when, bool thisDeviceIsNew)
{
    const QString time = QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
    if (thisDeviceIsNew)
        return tr("%1 signed in from %2 at %3. To confirm it or sign it out, use a device you've signed in on "
                  "before.")
            .arg(device.displayName(), device.locationText(), time);
    return tr("%1 signed in from %2 at %3.").arg(device.displayName(), device.locationText(), time);
}

QString SignInAlerts::burstTitle(int count)
{
    return tr("%n new device(s) signed in", nullptr, count);
}

QString SignInAlerts::burstBody(const QList<Device>& devices)
{
    QStringList names;
    for (qsizetype i = 0; i < devices.size() && i < namesShown; ++i)
        names.append(tr("%1 (%2)").arg(devices.at(i).displayName(), devices.at(i).placeText()));
    QString text = QLocale().createSeparatedList(names);
    if (devices.size() > namesShown)
        text = tr("%1 and %n more", nullptr, int(devices.size() - namesShown)).arg(names.join(QStringLiteral(", ")));
    return tr("%1. Review your devices if you don't recognize them.").arg(text);
}

} // namespace vigil
