#include "http/RequestContext.h"

namespace mockd {

QString RequestContext::param(QStringView name) const
{
    for (const auto& [key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

void RequestContext::fail(const ApiError& error) const
{
    responder.respond(HttpResponse::fromError(error));
}

} // namespace mockd
