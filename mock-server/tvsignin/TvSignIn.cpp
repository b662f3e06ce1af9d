#include "tvsignin/TvSignIn.h"

#include "tvsignin/CodeLookupRoutes.h"
#include "tvsignin/DecisionRoutes.h"
#include "tvsignin/DeviceGrantRoutes.h"
#include "tvsignin/GuestExpiry.h"
#include "tvsignin/GuestRoutes.h"

namespace mockd {

TvSignIn::TvSignIn(const Needs& needs)
    : expiry(std::make_unique<GuestExpiry>(needs.store, needs.clock, needs.devices, needs.events)),
      grantRoutes(std::make_unique<DeviceGrantRoutes>(needs.store, needs.clock, needs.issuer, needs.admin)),
      lookupRoutes(std::make_unique<CodeLookupRoutes>(needs.store, needs.clock, needs.devices))
{
    const auto guestsChanged = [expiry = expiry.get()] { expiry->sweep(); };
    decisionRoutes = std::make_unique<DecisionRoutes>(
        needs.store, needs.clock, needs.issuer, needs.stepUp, needs.devices, guestsChanged);
    guestRoutes = std::make_unique<GuestRoutes>(needs.store, needs.clock, needs.stepUp, needs.devices, guestsChanged);
}

TvSignIn::~TvSignIn() = default;

void TvSignIn::registerRoutes(Router& router)
{
    grantRoutes->registerRoutes(router);
    lookupRoutes->registerRoutes(router);
    decisionRoutes->registerRoutes(router);
    guestRoutes->registerRoutes(router);
}

void TvSignIn::reset()
{
    expiry->sweep();
}

} // namespace mockd
