#pragma once

namespace mockd {

// How much password and code hashing the service takes on at once (command-line settings;
// documented in api/openapi.yaml and docs/security.md). Every argon2id run holds 19 MiB and a core
// for tens of milliseconds, so both the threads and the hashes waiting for one are bounded.
struct HashingLimits
{
    // One thread fewer than the machine has cores, at least one: the event loop keeps a core.
    static int defaultThreads();

    int threads = defaultThreads(); // --hash-threads
    int queue = 64;                 // --hash-queue: hashes waiting for a thread; one more is a 503
};

} // namespace mockd
