#pragma once

class QObject;

namespace mockd {

class DeviceService;
class Router;
class Store;

// The holder's household pages: GET /v1/profiles and GET /v1/activity. One call for the service to
// make, so its wiring stays one line; the route objects are children of `owner`.
namespace HouseholdRoutes {
void install(Store& store, const DeviceService& devices, Router& router, QObject* owner);
}

} // namespace mockd
