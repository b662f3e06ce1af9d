#pragma once

#include "base/Expected.h"
#include "http/Access.h"
#include "http/ApiError.h"
#include "http/HttpRequest.h"

#include <optional>

namespace mockd {

// Checks the bearer token of a request (implemented by auth/, which owns tokens and sessions).
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    virtual Expected<Principal, ApiError> authenticate(const HttpRequest& request) = 0;
    // Why a session that authenticated earlier can no longer be used (`session_revoked`,
    // `session_expired`), or nothing while it is live. Long-lived connections ask this.
    virtual std::optional<ApiError> sessionEnded(const QString& sessionId) const
    {
        Q_UNUSED(sessionId);
        return std::nullopt;
    }
};

// Decides whether a request may use the admin API (implemented by admin/).
class AdminAuthorizer
{
public:
    virtual ~AdminAuthorizer() = default;
    // No value: allowed.
    virtual std::optional<ApiError> authorize(const HttpRequest& request) const = 0;
};

} // namespace mockd
