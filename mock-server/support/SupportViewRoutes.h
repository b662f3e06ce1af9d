#pragma once

#include "support/SupportDesk.h"

#include <QObject>
#include <optional>

namespace mockd {

class Clock;
class Router;
class Store;
struct RequestContext;

// What support sees of a customer: devices, sign-in history and activity. Each is the holder's
// own route run for the customer's account (InnerRequest), its answer masked on the way out, so
// support sees exactly what the customer sees, minus what support must not see.
class SupportViewRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportViewRoutes)

public:
    SupportViewRoutes(Store& store, const Clock& clock, const Router& router, QObject* parent = nullptr);
    ~SupportViewRoutes() override;

    void registerRoutes(Router& router);

    static constexpr int defaultHistoryLimit = 50;
    static constexpr int maxHistoryLimit = 100;

private:
    void devices(const RequestContext& context);
    void history(const RequestContext& context);
    void activity(const RequestContext& context);
    // Checks the reason and the customer and audits the view; the customer's id, or nothing after
    // failing the request.
    std::optional<QString> begin(const RequestContext& context, const QString& viewed);
    // The history of every device of the customer, newest first (no cursor).
    void accountHistory(const RequestContext& context, const QString& customerId);

    Store& m_store;
    const Router& m_router;
    SupportDesk m_desk;
};

} // namespace mockd
