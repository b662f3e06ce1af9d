#pragma once

namespace mockd {

class FaultInjector;
class Router;
struct RequestContext;

// POST/GET/DELETE /__admin/faults and DELETE /__admin/faults/{id}. The admin gate in HttpServer
// has already checked the key and the peer.
class FaultRoutes final
{
public:
    explicit FaultRoutes(FaultInjector& faults);
    FaultRoutes(const FaultRoutes&) = delete;
    FaultRoutes& operator=(const FaultRoutes&) = delete;

    void registerRoutes(Router& router);

private:
    void add(const RequestContext& context);
    void list(const RequestContext& context);
    void remove(const RequestContext& context);
    void clear(const RequestContext& context);

    FaultInjector& m_faults;
};

} // namespace mockd
