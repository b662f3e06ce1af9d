#include "account/HouseholdRoutes.h"

#include "account/ActivityRoutes.h"
#include "account/ProfileRoutes.h"

namespace mockd::HouseholdRoutes {

void install(Store& store, const DeviceService& devices, Router& router, QObject* owner)
{
    (new ProfileRoutes(store, owner))->registerRoutes(router);
    (new ActivityRoutes(store, devices, owner))->registerRoutes(router);
}

} // namespace mockd::HouseholdRoutes
