#pragma once

#include <QObject>
#include <functional>
#include <optional>

namespace mockd {

class Clock;
class DeviceService;
class Router;
class SessionIssuer;
class StepUp;
class Store;
struct DeviceGrant;
struct RequestContext;

// The holder's decision on a TV it looked up: POST /v1/device-authorizations/{id}/approve signs
// the TV in (a normal session, until signed out or as a guest until a time), behind the step-up
// and young-session guard of a sign-out; .../deny refuses it. Only the account that looked the
// code up can decide. Each decision is a conditional pending → approved/denied change, so two at once
// (through two instances) cannot both take effect.
class DecisionRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionRoutes)

public:
    DecisionRoutes(Store& store,
                   const Clock& clock,
                   SessionIssuer& issuer,
                   StepUp& stepUp,
                   DeviceService& devices,
                   std::function<void()> guestsChanged,
                   QObject* parent = nullptr);
    ~DecisionRoutes() override;

    void registerRoutes(Router& router);

private:
    void approve(const RequestContext& context);
    void deny(const RequestContext& context);
    // The caller's undecided grant named by {id}; answers 404/410 itself when there is none.
    std::optional<DeviceGrant> decidable(const RequestContext& context) const;

    Store& m_store;
    const Clock& m_clock;
    SessionIssuer& m_issuer;
    StepUp& m_stepUp;
    DeviceService& m_devices;
    std::function<void()> m_guestsChanged;
};

} // namespace mockd
