#pragma once

#include "FakeAuthenticator.h"
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpService.h"

#include <QDateTime>
#include <QUrl>
#include <memory>

// The client's step-up objects wired as app/ wires them, over a fake network, signed in with test
// tokens, with a clock the test moves (`now`). With `withSecurityKeys`, the security-key service
// over fake authenticators is plugged in as the app does. Members are destroyed in reverse order,
// users first.
struct StepUpStack
{
    explicit StepUpStack(const QDateTime& start, bool withSecurityKeys = false) : now(start)
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:8765"));
        const auto tokens =
            vigil::TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
        signedIn = tokens.hasValue();
        if (signedIn)
            session->setTokens(server, tokens.value());
        api->setBaseUrl(server);
        if (withSecurityKeys) {
            securityKeys = std::make_unique<vigil::SecurityKeyService>(api.get(), stepUp.get(), keys.factory());
            stepUp->setSecurityKeys(securityKeys.get());
        }
    }

    QDateTime now;
    bool signedIn = false;
    std::unique_ptr<FakeNetworkAccessManager> nam = std::make_unique<FakeNetworkAccessManager>();
    std::unique_ptr<vigil::Session> session = std::make_unique<vigil::Session>();
    std::unique_ptr<vigil::ApiClient> api = std::make_unique<vigil::ApiClient>(nam.get(), session.get());
    std::unique_ptr<vigil::StepUpService> stepUp =
        std::make_unique<vigil::StepUpService>(api.get(), [this] { return now; });
    FakeAuthenticators keys;
    std::unique_ptr<vigil::SecurityKeyService> securityKeys;
};
