#include "support/SupportService.h"

#include "support/SupportCodeRoutes.h"
#include "support/SupportRoutes.h"
#include "support/SupportViewRoutes.h"

namespace mockd::SupportService {

void install(Store& store,
             const Clock& clock,
             StepUp& stepUp,
             const DeviceService& devices,
             SignOutRoutes& signOut,
             Router& router,
             QObject* owner)
{
    (new SupportCodeRoutes(store, clock, stepUp, owner))->registerRoutes(router);
    (new SupportRoutes(store, clock, devices, signOut, owner))->registerRoutes(router);
    (new SupportViewRoutes(store, clock, router, owner))->registerRoutes(router);
}

} // namespace mockd::SupportService
