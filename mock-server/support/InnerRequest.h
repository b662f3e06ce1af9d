#pragma once

#include "http/Access.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"

#include <QByteArray>
#include <QString>
#include <functional>

namespace mockd {

class Router;
struct RequestContext;

// Runs another route's handler for a request the service makes up (the customer's account as the
// caller), and hands its answer to `done` instead of the client. Support views reuse the holder's
// routes this way, so a device or activity entry is written by one piece of code only; the access
// rule of the reused route is not consulted (the support route has its own).
namespace InnerRequest {
void run(const Router& router,
         const RequestContext& outer,
         const QByteArray& method,
         const QString& path,
         const QString& query,
         const Principal& principal,
         std::function<void(const HttpResponse&)> done);
// A responder whose answer goes to `done` (once) instead of a client.
Responder capture(std::function<void(const HttpResponse&)> done);
} // namespace InnerRequest

} // namespace mockd
