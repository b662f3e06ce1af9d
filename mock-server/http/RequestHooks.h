#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QString>
#include <optional>

namespace mockd {

// What an injected fault does to one request. Decided by faults/ (FaultInjector), carried out by
// the pipeline (HttpServer) and, for what needs the socket, by the HttpServerAdapter.
struct FaultPlan
{
    enum class Kind
    {
        Delay,      // wait delayMs, then handle the request normally
        Respond,    // answer `response` instead of the route (the route never runs)
        Drop,       // close the connection without an answer (the route never runs)
        Truncate,   // run the route, then cut its body in half
        DropAnswer, // run the route, then close the connection instead of answering (an answer lost on the wire)
    };

    QString ruleId;
    QString type; // the rule's action type ("latency", "status", …), for the journal
    Kind kind = Kind::Respond;
    int delayMs = 0;
    HttpResponse response;
    bool closeEarly = false; // Truncate: announce the full length and close the connection early
};

// Asked once for every request outside /__admin/* before it is routed, and for every WebSocket
// upgrade; nothing means "no fault".
class FaultSource
{
public:
    virtual ~FaultSource() = default;
    virtual std::optional<FaultPlan> faultFor(const HttpRequest& request) = 0;
};

// Told once about every answered request outside /__admin/* (status 0: the connection was dropped).
class RequestObserver
{
public:
    virtual ~RequestObserver() = default;
    virtual void answered(const HttpRequest& request, int status, qint64 elapsedUs, const FaultPlan* fault) = 0;
};

} // namespace mockd
