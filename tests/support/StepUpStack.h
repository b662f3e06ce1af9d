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
#include <QHash>
#include <QList>
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
    QHash<QString, QList<FakeResponse>> scripted;

    // From now on the network answers from `scripted`: each request to a path takes that path's next
    // queued response, the last one repeats, a path with none is 404.
    void answerFromScript()
    {
        nam->setHandler([this](const FakeRequest& request) {
            auto it = scripted.find(request.path());
            if (it == scripted.end() || it->isEmpty())
                return FakeResponse::error(404, "not_found");
            return it->size() > 1 ? it->takeFirst() : it->constFirst();
        });
    }
    void script(const QString& path, const QList<FakeResponse>& responses) { scripted.insert(path, responses); }
    // The last request made to `path` (empty when none was).
    FakeRequest lastRequest(const QString& path) const
    {
        const auto& requests = nam->requests();
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->path() == path)
                return *it;
        }
        return {};
    }
};
