#pragma once

#include "store/PendingSignOutStore.h"

#include <QList>
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
struct Principal;
struct RequestContext;

// POST /v1/devices/sign-out ({"ids"} | {"scope":"others"|"all"}) and POST /v1/devices/{id}/sign-out,
// behind a step-up token (X-Step-Up). The revocation is committed before the answer; a device with
// an open event socket on this instance is told at once (signed_out), any other one is "pending"
// until it is told: by its socket on another instance on the same database (at once), or when it
// next shows up with its token, on any instance. The pending ones are rows of the database
// (PendingSignOutStore), so whichever instance tells the device takes the row and the initiator's
// account hears signout.progress exactly once, even after a restart.
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
    // Sockets here were told of a revocation another instance announced: the sign-outs that instance
    // answered "pending" for them are done.
    void toldHere(const QList<Principal>& told);
    // The sign-out of `scope` ("others" | "all"), or of `ids` when the scope is empty, for a caller
    // whose verification was already checked (a password change, a support code): revokes, audits
    // and answers the request with the per-device results.
    void signOutVerified(const RequestContext& context,
                         const QString& scope,
                         const QString& verification,
                         const QStringList& ids = {});

private:
    void signOutMany(const RequestContext& context);
    void signOutOne(const RequestContext& context);
    void signOut(const RequestContext& context, const QStringList& ids, const QString& scope);
    void
    revoke(const RequestContext& context, const QStringList& ids, const QString& scope, const QString& verification);
    // The account's devices with a live session, in list order, without walking its sessions.
    QList<const Device*> devicesForAll(const QString& accountId, qint64 now) const;
    // When the device's last session expires (a pending row lives until its tokens are long gone).
    qint64 latestExpiry(const QString& deviceId) const;
    void publishProgress(const QList<PendingSignOut>& done);

    Store& m_store;
    const Clock& m_clock;
    DeviceService& m_devices;
    StepUp& m_stepUp;
    EventHub& m_events;
    PendingSignOutStore m_pending;
};

} // namespace mockd
