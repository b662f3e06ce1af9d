#pragma once

class QObject;

namespace mockd {

class Clock;
class DeviceService;
class Router;
class SignOutRoutes;
class StepUp;
class Store;

// The support console (issue 8): the holder's support codes and every /v1/support route. One
// call for the service to make, so its wiring stays one line; the route objects are children of
// `owner`. The support views reuse routes registered on `router` (looked up per request).
namespace SupportService {
void install(Store& store,
             const Clock& clock,
             StepUp& stepUp,
             const DeviceService& devices,
             SignOutRoutes& signOut,
             Router& router,
             QObject* owner);
}

} // namespace mockd
