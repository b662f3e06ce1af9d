#pragma once

#include <functional>
#include <memory>

namespace mockd {

class AdminGuard;
class Clock;
class CodeLookupRoutes;
class DecisionRoutes;
class DeviceGrantRoutes;
class DeviceService;
class EventHub;
class GuestExpiry;
class GuestRoutes;
class Router;
class SessionIssuer;
class StepUp;
class Store;

// Signing a TV in from Vigil (RFC 8628 device authorization) and the guest access it can grant:
// the TV's routes, the holder's lookup and decision, guest changes, and the expiry of guests.
struct TvSignIn
{
    struct Needs
    {
        Store& store;
        const Clock& clock;
        SessionIssuer& issuer;
        StepUp& stepUp;
        const AdminGuard& admin;
        DeviceService& devices;
        std::function<EventHub*()> events;
    };

    explicit TvSignIn(const Needs& needs);
    ~TvSignIn();
    TvSignIn(const TvSignIn&) = delete;
    TvSignIn& operator=(const TvSignIn&) = delete;

    void registerRoutes(Router& router);
    // After a reset: the guests' ends are gone with their sessions.
    void reset();

    std::unique_ptr<GuestExpiry> expiry;
    std::unique_ptr<DeviceGrantRoutes> grantRoutes;
    std::unique_ptr<CodeLookupRoutes> lookupRoutes;
    std::unique_ptr<DecisionRoutes> decisionRoutes;
    std::unique_ptr<GuestRoutes> guestRoutes;
};

} // namespace mockd
