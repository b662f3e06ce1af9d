#pragma once

#include <functional>

namespace mockd {

class Clock;
class FaultInjector;
class RequestJournal;
class Router;
class Store;
struct RequestContext;
struct Scenario;

// POST /__admin/snapshot: the whole state as one scenario document (SnapshotWriter), for a problem
// report that a developer restores with `vigil-mockd --scenario FILE` or POST /__admin/scenario.
class SnapshotRoutes final
{
public:
    using CurrentFunction = std::function<const Scenario&()>;

    SnapshotRoutes(Store& store,
                   const Clock& clock,
                   const FaultInjector& faults,
                   const RequestJournal& journal,
                   CurrentFunction current);
    SnapshotRoutes(const SnapshotRoutes&) = delete;
    SnapshotRoutes& operator=(const SnapshotRoutes&) = delete;

    void registerRoutes(Router& router);

private:
    void snapshot(const RequestContext& context);

    Store& m_store;
    const Clock& m_clock;
    const FaultInjector& m_faults;
    const RequestJournal& m_journal;
    CurrentFunction m_current;
};

} // namespace mockd
