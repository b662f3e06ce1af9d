#pragma once

// Several vigil-mockd on one PostgreSQL database, for the benches of the shared QA server
// (docs/qa-shared-server.md): a throw-away PostgreSQL started by tools/test-postgres (a Unix socket
// in a short folder under /tmp, as `nobody` under root) and one fresh database per topology.

#include "MockdChild.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace signoutbench {

class BenchPostgres final
{
public:
    BenchPostgres() = default;
    ~BenchPostgres();
    BenchPostgres(const BenchPostgres&) = delete;
    BenchPostgres& operator=(const BenchPostgres&) = delete;

    bool start();
    // A new empty database; its postgresql:// address (user vigil, no password), empty on failure.
    QString createDatabase();
    QString error() const { return m_error; }

private:
    QString m_dir;
    QString m_error;
};

// `count` instances on one new database of `postgres`, started one after the other (the first
// migrates and seeds). Stopped when destroyed.
class SharedInstances final
{
public:
    bool start(BenchPostgres& postgres, int count, const QStringList& extraArgs = {});
    MockdChild& at(int index) { return *m_children.at(size_t(index)); }
    int count() const { return int(m_children.size()); }
    QString error() const { return m_error; }

private:
    std::vector<std::unique_ptr<MockdChild>> m_children;
    QString m_error;
};

} // namespace signoutbench
