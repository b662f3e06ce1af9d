#pragma once

#include "core/api/ApiError.h"
#include "core/securitykeys/Authenticator.h"
#include "core/util/Expected.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace vigil {

// What POST /v1/step-up and /v1/step-up/resend answer. `challenge` is a secret of the step-up in
// progress: never log it.
struct StepUpChallenge
{
    QString challenge;
    QString method;
    QString destination;      // masked ("d***@vigil.test"); empty when nothing is sent
    int expiresInSeconds = 0; // of the challenge (and of a sent code)
    int resendAfterSeconds = 0;
    // Method security_key: what the key signs. `keyChallenge` goes into the client data as written;
    // the request's client data hash is filled in by whoever builds the client data.
    QString keyChallenge;
    std::optional<AssertionRequest> keyRequest;

    static Expected<StepUpChallenge, ApiError> fromJson(const QJsonObject& json);
};

} // namespace vigil
