#include "admin/SnapshotRoutes.h"

#include "base/Clock.h"
#include "faults/FaultInjector.h"
#include "http/Router.h"
#include "journal/RequestJournal.h"
#include "log/LogCategories.h"
#include "scenarios/Scenario.h"
#include "scenarios/SnapshotWriter.h"

namespace mockd {

SnapshotRoutes::SnapshotRoutes(Store& store,
                               const Clock& clock,
                               const FaultInjector& faults,
                               const RequestJournal& journal,
                               CurrentFunction current)
    : m_store(store), m_clock(clock), m_faults(faults), m_journal(journal), m_current(std::move(current))
{}

void SnapshotRoutes::registerRoutes(Router& router)
{
    router.add("POST", QStringLiteral("/__admin/snapshot"), {Access::admin(), false}, [this](const RequestContext& c) {
        snapshot(c);
    });
}

void SnapshotRoutes::snapshot(const RequestContext& context)
{
    RequestJournal::Filter everything;
    everything.limit = RequestJournal::defaultCapacity;
    SnapshotWriter::Moment moment;
    moment.nowMs = m_clock.nowMs();
    moment.moved = m_clock.offsetMs() != 0;
    moment.scenario = m_current().name;
    moment.faults = m_faults.list();
    moment.journal = m_journal.entries(everything);
    auto written = SnapshotWriter::write(m_store, moment);
    if (!written) {
        qCCritical(lcAdmin) << "snapshot failed:" << written.error();
        return context.fail(ApiError::internal());
    }
    qCInfo(lcAdmin) << "snapshot taken";
    context.respond(HttpResponse::json(*written));
}

} // namespace mockd
