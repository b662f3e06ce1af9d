#include "tvsignin/GuestExpiry.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "events/EventHub.h"
#include "http/JsonWriter.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

#include <limits>

namespace mockd {

GuestExpiry::GuestExpiry(
    Store& store, const Clock& clock, DeviceService& devices, EventHubSource events, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_events(std::move(events))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { sweep(); });
    connect(&clock, &Clock::changed, this, [this] { sweep(); });
    aim();
}

GuestExpiry::~GuestExpiry() = default;

void GuestExpiry::aim()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const GuestSession& guest : m_store.guests().all())
        next = qMin(next, guest.untilMs);
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qBound<qint64>(0, next - m_clock.nowMs(), maxWaitMs)));
}

int GuestExpiry::sweep()
{
    EventHub* events = m_events ? m_events() : nullptr;
    if (!events)
        return 0;
    const qint64 now = m_clock.nowMs();

    struct Ended
    {
        QString accountId;
        QString deviceId;
        QString name;
        QStringList sessionIds;
    };
    QHash<QString, Ended> ended; // by device
    QStringList gone;            // rows of sessions that ended another way (signed out, expired)
    for (const GuestSession& guest : m_store.guests().all()) {
        const Session* session = m_store.sessions().session(guest.sessionId);
        if (!session || session->isRevoked() || session->expiresAtMs <= now) {
            gone.append(guest.sessionId);
            continue;
        }
        if (guest.untilMs > now)
            continue;
        Ended& device = ended[guest.deviceId];
        device.accountId = guest.accountId;
        device.deviceId = guest.deviceId;
        const Device* known = m_store.devices().byId(guest.deviceId);
        device.name = known ? known->name : QString();
        device.sessionIds.append(guest.sessionId);
    }
    for (const QString& sessionId : std::as_const(gone)) {
        if (auto ok = m_store.guests().remove(sessionId); !ok)
            qCWarning(lcStore) << "cannot forget a guest session:" << ok.error();
    }
    if (ended.isEmpty()) {
        aim();
        return 0;
    }

    QStringList sessionIds;
    {
        Transaction transaction(m_store.database());
        bool ok = true;
        for (const Ended& device : std::as_const(ended)) {
            for (const QString& sessionId : device.sessionIds) {
                ok = ok && m_store.sessions().revoke(sessionId, now, QStringLiteral("guest_ended")) &&
                     m_store.guests().remove(sessionId);
                sessionIds.append(sessionId);
            }
            AuditEntry entry;
            entry.accountId = device.accountId;
            entry.deviceId = device.deviceId;
            entry.atMs = now;
            entry.type = QStringLiteral("guest_ended");
            entry.actor = QStringLiteral("system");
            entry.details = {{QStringLiteral("device_name"), device.name}};
            ok = ok && m_store.audit().append(entry);
        }
        if (!ok || !transaction.commit()) {
            qCCritical(lcAuth) << "cannot end guest access; reloading the store";
            (void)m_store.reload();
            aim();
            return 0;
        }
    }
    qCInfo(lcAuth) << "guest access ended for" << ended.size() << "device(s)";

    // The account hears why before the device leaves its list; the TV hears it at once.
    for (const Ended& device : std::as_const(ended)) {
        events->publish(device.accountId, QLatin1StringView("device.guest_ended"), [&](JsonWriter& json) {
            json.field(QLatin1StringView("device_id"), device.deviceId)
                .field(QLatin1StringView("name"), device.name)
                .field(QLatin1StringView("ended_at"), TimeFormat::toRfc3339(now));
        });
    }
    events->revokeSessions(sessionIds, QStringLiteral("guest_ended"));
    for (const Ended& device : std::as_const(ended)) {
        const Device* known = m_devices.device(device.accountId, device.deviceId);
        m_devices.notify(device.accountId,
                         device.deviceId,
                         known && m_devices.isListed(*known) ? DeviceService::Change::Updated
                                                             : DeviceService::Change::Removed);
    }
    aim();
    return int(ended.size());
}

} // namespace mockd
