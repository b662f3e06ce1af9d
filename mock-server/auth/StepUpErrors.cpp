#include "auth/StepUpErrors.h"

namespace mockd {

ApiError challengeExpired()
{
    return ApiError::make(410,
                          QStringLiteral("challenge_expired"),
                          QStringLiteral("This verification has expired. Start again to get a new code."));
}

ApiError challengeLocked()
{
    return ApiError::make(423,
                          QStringLiteral("challenge_locked"),
                          QStringLiteral("Too many wrong attempts. Start the verification again."));
}

} // namespace mockd
