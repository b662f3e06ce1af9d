#include "store/SqliteMemory.h"

#include <mutex>
#include <sqlite3.h>

namespace mockd {

void configureSqliteMemory()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // No memory of SQLite's own, no initial bulk per page cache (the third argument, N = 0).
        (void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
    });
}

} // namespace mockd
