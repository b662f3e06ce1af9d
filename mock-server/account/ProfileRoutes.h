#pragma once

#include <QObject>

namespace mockd {

class Router;
class Store;
struct RequestContext;

// GET /v1/profiles: the household profiles with their avatar, kids flag and last use.
class ProfileRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileRoutes)

public:
    explicit ProfileRoutes(Store& store, QObject* parent = nullptr);
    ~ProfileRoutes() override;

    void registerRoutes(Router& router);

private:
    void list(const RequestContext& context);

    Store& m_store;
};

} // namespace mockd
