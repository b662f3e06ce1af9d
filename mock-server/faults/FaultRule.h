#pragma once

#include "base/Expected.h"
#include "http/ApiError.h"
#include "http/HttpRequest.h"

#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace mockd {

// One fault rule as QA posts it to /__admin/faults:
//   {"match": {"method"?, "path" (glob), "account"? (email)},
//    "action": {"type": "latency"|"status"|"drop"|"empty"|"garbage"|"truncated", …},
//    "times"?: N, "probability"?: 0..1, "seed"?: integer}
// fromJson() checks everything (unknown fields included) and names the first bad field
// ("action.min_ms") in a 422.
struct FaultRule
{
    enum class Action
    {
        Latency,
        Status,
        Drop,
        Empty,
        Garbage,
        Truncated
    };

    QString id;
    QByteArray method; // upper case; empty: any
    QString path;      // a PathGlob pattern
    QString account;   // normalized email; empty: any
    Action action = Action::Status;
    int minMs = 0; // latency: a fixed delay has minMs == maxMs
    int maxMs = 0;
    int status = 200; // status, empty
    QByteArray body;  // status
    QByteArray contentType;
    HeaderList headers;   // status
    int garbageBytes = 0; // garbage
    bool closeEarly = false;
    bool dropAfterRoute = false; // drop: the route runs, its answer is lost on the wire
    std::optional<qint64> times; // how many applications were asked for; nothing: no limit
    double probability = 1.0;
    std::optional<qint64> seed;
    qint64 createdAtMs = 0;

    static Expected<FaultRule, ApiError> fromJson(const QJsonObject& json);
    static QString actionName(Action action);
    // The rule as listed by GET /__admin/faults (without the counters the injector adds).
    QJsonObject toJson() const;
    // Method and path only; the account is resolved by the injector, and only when needed.
    bool matchesRoute(const HttpRequest& request) const;
};

} // namespace mockd
