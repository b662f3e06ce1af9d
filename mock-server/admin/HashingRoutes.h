#pragma once

#include <QObject>

namespace mockd {

class HashingPool;
class Router;
struct RequestContext;

// GET /__admin/hashing (the hashing pool's threads, queue and refusals) and POST /__admin/hashing
// {held}: hold the pool so requests that hash wait in its queue, for tests and QA that need to see
// a hash in progress without timing anything.
class HashingRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HashingRoutes)

public:
    explicit HashingRoutes(HashingPool& pool, QObject* parent = nullptr);
    ~HashingRoutes() override;

    void registerRoutes(Router& router);

private:
    void respondStats(const RequestContext& context);
    void setHeld(const RequestContext& context);

    HashingPool& m_pool;
};

} // namespace mockd
