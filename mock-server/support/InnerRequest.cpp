#include "support/InnerRequest.h"

#include "http/ApiError.h"
#include "http/RequestContext.h"
#include "http/Router.h"

#include <memory>
#include <utility>

namespace mockd {

namespace {

class CapturingSlot final : public ResponseSlot
{
public:
    explicit CapturingSlot(std::function<void(const HttpResponse&)> done) : m_done(std::move(done)) {}

    void send(const HttpResponse& response) override
    {
        if (m_done)
            std::exchange(m_done, {})(response);
    }

private:
    std::function<void(const HttpResponse&)> m_done;
};

} // namespace

namespace InnerRequest {

void run(const Router& router,
         const RequestContext& outer,
         const QByteArray& method,
         const QString& path,
         const QString& query,
         const Principal& principal,
         std::function<void(const HttpResponse&)> done)
{
    const Router::Match match = router.match(method, path);
    if (match.kind != Router::Match::Kind::Found || !match.route->handler) {
        done(HttpResponse::fromError(ApiError::notFound()));
        return;
    }
    HttpRequest request = outer.request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body.clear();
    RequestContext inner{request, match.params, principal, {}, capture(std::move(done))};
    match.route->handler(inner);
}

Responder capture(std::function<void(const HttpResponse&)> done)
{
    return Responder(std::make_shared<CapturingSlot>(std::move(done)), Responder::Completion());
}

} // namespace InnerRequest

} // namespace mockd
