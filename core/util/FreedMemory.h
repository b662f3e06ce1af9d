#pragma once

namespace vigil::FreedMemory {

// Hands memory the allocator keeps after a large burst of short-lived allocations back to the
// system. Parsing 10,000 devices' JSON leaves ~15 MiB of freed pages that glibc keeps around
// (the devices' own strings sit between them, so the heap cannot just shrink); this returns them.
// A few milliseconds: call it after a large load, not per event. No-op elsewhere than glibc.
void release();

} // namespace vigil::FreedMemory
