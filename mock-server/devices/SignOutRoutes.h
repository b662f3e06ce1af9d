#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace mockd {

class Clock;
class DeviceService;
class EventHub;
class Router;
class StepUp;
struct Device;
class Store;
struct RequestContext;

// POST /v1/devices/sign-out ({"ids"} | {"scope":"others"|"all"}) and POST /v1/devices/{id}/sign-out,
// behind a step-up token (X-Step-Up). The revocation is committed before the answer; a device with
// an open event socket is told at once (signed_out), any other one is "pending" until it next
// shows up with its token, which the initiator's account then hears as signout.progress.
class SignOutRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutRoutes)

public:
    SignOutRoutes(Store& store,
                  const Clock& clock,
                  DeviceService& devices,
                  StepUp& stepUp,
                  EventHub& events,
                  QObject* parent = nullptr);
    ~SignOutRoutes() override;

    void registerRoutes(Router& router);
    // A revoked session presented its token (a request or a socket): a pending sign-out is done.
    void revokedSessionSeen(const QString& sessionId);
    // The sign-out of `scope` ("others" | "all"), or of `ids` when the scope is empty, for a caller
    // whose verification was already checked (a password change, a support code): revokes, audits
    // and answers the request with the per-device results.
    void signOutVerified(const RequestContext& context,
                         const QString& scope,
                         const QString& verification,
                         const QStringList& ids = {});
    void clear()
    {
        m_pending.clear();
        m_pendingDevices.clear();
    }

private:
    struct Pending
    {
        QString requestId;
        QString accountId;
        QString deviceId;
    };

    void signOutMany(const RequestContext& context);
    void signOutOne(const RequestContext& context);
    void signOut(const RequestContext& context, const QStringList& ids, const QString& scope);
    void
    revoke(const RequestContext& context, const QStringList& ids, const QString& scope, const QString& verification);
    // The account's devices with a live session, in list order, without walking its sessions.
    QList<const Device*> devicesForAll(const QString& accountId, qint64 now) const;
    void publishProgress(const Pending& pending);

    Store& m_store;
    const Clock& m_clock;
    DeviceService& m_devices;
    StepUp& m_stepUp;
    EventHub& m_events;
    QHash<QString, Pending> m_pending;        // by session id
    QHash<QString, Pending> m_pendingDevices; // by device id, from "all" (no per-session entries)
};

} // namespace mockd
