#pragma once

#include "account/PendingEnrolments.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace mockd {

class Clock;
class HashingPool;
class Router;
class StepUp;
class Store;
struct RequestContext;

// Authenticator-app enrolment, recovery codes and the fallback methods (/v1/account/two-step/*). A new secret stays
// pending (PendingEnrolments) until a code from it is confirmed; only then is it stored and switched on.
class TwoStepRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoStepRoutes)

public:
    TwoStepRoutes(Store& store, const Clock& clock, StepUp& stepUp, HashingPool& hashing, QObject* parent = nullptr);
    ~TwoStepRoutes() override;

    void registerRoutes(Router& router);

private:
    void status(const RequestContext& context);
    void enrol(const RequestContext& context);
    void confirm(const RequestContext& context);
    void disable(const RequestContext& context);
    void regenerate(const RequestContext& context);
    void setFallbacks(const RequestContext& context);

    bool hasStepUp(const RequestContext& context) const;
    // The new recovery codes in clear: the only time anyone sees them.
    static void respondCodes(const RequestContext& context, const QStringList& codes);
    void audit(const RequestContext& context, const QString& type);

    Store& m_store;
    const Clock& m_clock;
    StepUp& m_stepUp;
    PendingEnrolments m_pending;
    HashingPool& m_hashing; // makes recovery codes off the event loop
};

} // namespace mockd
