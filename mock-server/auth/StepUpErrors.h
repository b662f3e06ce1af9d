#pragma once

#include "http/ApiError.h"

namespace mockd {

// The answers for a step-up challenge that can no longer be verified: 410 (expired, unknown or
// another session's) and 423 (locked after too many wrong secrets).
ApiError challengeExpired();
ApiError challengeLocked();

} // namespace mockd
