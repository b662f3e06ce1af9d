#pragma once

#include "http/ApiError.h"

namespace mockd::OAuthError {

// An RFC 6749 §5.2 error of the token endpoint (400, `error`, `error_description`) that is also
// the contract's one Error shape (`message` repeats the description).
ApiError make(const QString& code, const QString& description);

ApiError authorizationPending(int interval);
ApiError slowDown(int interval);
ApiError expiredToken();
ApiError accessDenied();
ApiError invalidGrant();
ApiError invalidRequest(const QString& description);
ApiError unsupportedGrantType();

} // namespace mockd::OAuthError
