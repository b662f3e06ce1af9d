#pragma once

namespace mockd {

// SQLite gives every new page cache (each connection's, and each temporary b-tree a query builds
// for ORDER BY, IN or a temporary table) a bulk allocation of 20 pages (~87 KB) and writes a header
// into each page at once. Freed after the statement, that memory is resident and is what the next
// allocations reuse: thousands of event sockets connecting (a device saved and an event written
// per socket) put each socket's 48 KiB of Qt buffers on such pages, all resident, instead of on
// fresh pages resident only where written. Pages come one at a time instead. Must run before
// SQLite initialises (the first database opened); later it changes nothing.
void configureSqliteMemory();

} // namespace mockd
