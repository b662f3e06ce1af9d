#pragma once

#include "auth/StepUpBudget.h"
#include "auth/ThrottledAudit.h"
#include "geo/GeoLocation.h"

#include <QObject>
#include <optional>

namespace mockd {

class Clock;
class DeviceService;
class Router;
class Store;
struct DeviceGrant;
struct RequestContext;

// POST /v1/device-authorizations/lookup: the holder types the code a TV shows and sees what asks
// (device, address, place, how far from the holder). Codes are 8 characters of a 31-letter
// alphabet, so guessing is the attack: every wrong code counts against the account's and the
// session's budget (the step-up budget's rules, its own counters), which no new code resets, and is
// audited; a waiting caller is refused without the code being looked at.
class CodeLookupRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeLookupRoutes)

public:
    CodeLookupRoutes(Store& store, const Clock& clock, const DeviceService& devices, QObject* parent = nullptr);
    ~CodeLookupRoutes() override;

    void registerRoutes(Router& router);

    static StepUpBudget::Keys budgetKeys(const QString& accountId, const QString& sessionId);

private:
    void lookup(const RequestContext& context);
    // Counts and audits a wrong code; answers 404 user_code_invalid, or 429 once the budget is spent.
    void wrongCode(const RequestContext& context, const StepUpBudget::Keys& keys);
    void audit(const RequestContext& context, const QString& type, const QJsonObject& details);
    int attemptsLeft(const StepUpBudget::Keys& keys) const;
    GeoLocation householdPlace(const QString& accountId) const;
    QByteArray pendingJson(const DeviceGrant& grant, const QString& callerDeviceId, const QString& userCode) const;

    Store& m_store;
    const Clock& m_clock;
    const DeviceService& m_devices;
    StepUpBudget m_budget;
    ThrottledAudit m_throttledAudit;
};

} // namespace mockd
