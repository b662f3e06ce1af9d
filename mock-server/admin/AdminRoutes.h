#pragma once

#include "base/Expected.h"

#include <QObject>
#include <functional>

namespace mockd {

class Clock;
class Router;
struct RequestContext;

// QA controls: POST /__admin/reset, GET/POST /__admin/clock. The admin gate in HttpServer has
// already checked the key and the peer.
class AdminRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminRoutes)

public:
    using ResetFunction = std::function<Expected<Ok, QString>()>;

    AdminRoutes(Clock& clock, ResetFunction reset, QObject* parent = nullptr);
    ~AdminRoutes() override;

    void registerRoutes(Router& router);

private:
    void reset(const RequestContext& context);
    void getClock(const RequestContext& context);
    void setClock(const RequestContext& context);
    void respondClock(const RequestContext& context);

    Clock& m_clock;
    ResetFunction m_reset;
};

} // namespace mockd
