#include "account/AutoSignOutSweep.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "events/EventHub.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

namespace mockd {

AutoSignOutSweep::AutoSignOutSweep(
    Store& store, const Clock& clock, DeviceService& devices, EventHubSource events, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_devices(devices), m_events(std::move(events))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { sweep(); });
    m_timer.start();
    connect(&clock, &Clock::changed, this, [this] { sweep(); });
}

AutoSignOutSweep::~AutoSignOutSweep() = default;

int AutoSignOutSweep::sweep()
{
    int count = 0;
    QStringList accounts;
    for (const Account* account : m_store.accounts().all()) {
        if (account->autoSignOutDays > 0)
            accounts.append(account->id);
    }
    for (const QString& accountId : std::as_const(accounts))
        count += sweepAccount(accountId);
    return count;
}

int AutoSignOutSweep::sweepAccount(const QString& accountId)
{
    EventHub* events = m_events ? m_events() : nullptr;
    const Account* account = m_store.accounts().byId(accountId);
    if (!events || !account || account->autoSignOutDays <= 0)
        return 0;
    const int days = account->autoSignOutDays;
    const qint64 now = m_clock.nowMs();

    struct Stale
    {
        QString id;
        QString name;
        qint64 lastActiveMs = 0;
    };
    QList<Stale> stale;
    for (const Device* device : m_devices.listed(accountId)) {
        const qint64 at = m_devices.autoSignOutAtMs(*device);
        if (at > 0 && at <= now && !events->isDeviceConnected(device->id))
            stale.append({device->id, device->name, qMax(device->lastActiveMs, device->firstSignInMs)});
    }
    if (stale.isEmpty())
        return 0;

    QHash<QString, QStringList> sessionsByDevice;
    for (const Stale& device : std::as_const(stale))
        sessionsByDevice.insert(device.id, {});
    QStringList sessionIds;
    for (const Session* session : m_store.sessions().forAccount(accountId)) {
        const auto it = sessionsByDevice.find(session->deviceId);
        if (it != sessionsByDevice.end() && !session->isRevoked() && session->expiresAtMs > now) {
            it->append(session->id);
            sessionIds.append(session->id);
        }
    }

    {
        Transaction transaction(m_store.database());
        bool ok = true;
        for (const QString& sessionId : std::as_const(sessionIds)) {
            if (auto revoked = m_store.sessions().revoke(sessionId, now, QStringLiteral("auto_signed_out")); !revoked) {
                qCCritical(lcAuth) << "auto sign-out: cannot revoke a session:" << revoked.error();
                ok = false;
                break;
            }
        }
        for (const Stale& device : std::as_const(stale)) {
            if (!ok)
                break;
            AuditEntry entry;
            entry.accountId = accountId;
            entry.deviceId = device.id;
            entry.atMs = now;
            entry.type = QStringLiteral("auto_signed_out");
            entry.actor = QStringLiteral("system");
            entry.details = {{QStringLiteral("device_name"), device.name},
                             {QStringLiteral("days"), days},
                             {QStringLiteral("last_active"), TimeFormat::toRfc3339(device.lastActiveMs)}};
            if (auto audited = m_store.audit().append(entry); !audited) {
                qCWarning(lcAuth) << "auto sign-out: cannot write an audit entry:" << audited.error();
                ok = false;
            }
        }
        if (!ok || !transaction.commit()) {
            (void)m_store.reload();
            return 0;
        }
    }
    qCInfo(lcAuth) << "auto sign-out:" << stale.size() << "device(s) unused for" << days << "days signed out";

    // As a sign-out by the holder: the sockets hear it, then the lists move on.
    events->revokeSessions(sessionIds, QStringLiteral("signed_out"));
    for (const Stale& device : std::as_const(stale))
        m_devices.notify(accountId, device.id, DeviceService::Change::Removed);
    return int(stale.size());
}

} // namespace mockd
