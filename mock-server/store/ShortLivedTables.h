#pragma once

#include <QStringList>

namespace mockd::ShortLivedTables {

// The schema step for the state that lives minutes and decides security: step-up challenges,
// grants and their rate-limit logs, the QA outbox, pending 2-step sign-ins and enrolments,
// security-key registrations, refresh retries and TV token hand-offs. Kept in the database (never
// in one process's memory) so that several vigil-mockd on one database agree on it. Codes and
// tokens only as hashes (or sealed with a key the database does not hold); the outbox is the QA
// mailbox and holds its codes in clear by design.
QStringList migration();

// Every table of the step, children first (Store::wipe empties them; snapshots leave them out).
const QList<const char*>& tables();

} // namespace mockd::ShortLivedTables
