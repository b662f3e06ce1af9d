#pragma once

#include <QObject>

namespace mockd {

class Clock;
class Router;
class StepUp;
class Store;
struct RequestContext;

// POST /v1/account/support-codes: the holder gives support a one-time code (behind step-up). The
// code is answered once and kept only as a hash; a new one replaces any earlier one.
class SupportCodeRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportCodeRoutes)

public:
    SupportCodeRoutes(Store& store, const Clock& clock, StepUp& stepUp, QObject* parent = nullptr);
    ~SupportCodeRoutes() override;

    void registerRoutes(Router& router);

private:
    void create(const RequestContext& context);

    Store& m_store;
    const Clock& m_clock;
    StepUp& m_stepUp;
};

} // namespace mockd
