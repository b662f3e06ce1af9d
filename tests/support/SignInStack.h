#pragma once

#include "FakeCredentialStore.h"
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <memory>

// The client's sign-in objects wired as app/ wires them, over a fake network and a fake keychain,
// with settings in a temporary folder. Members are destroyed in reverse order, users first.
struct SignInStack
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<QSettings> qsettings =
        std::make_unique<QSettings>(dir->filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat);
    std::unique_ptr<vigil::AppSettings> settings = std::make_unique<vigil::AppSettings>(qsettings.get());
    std::unique_ptr<FakeNetworkAccessManager> nam = std::make_unique<FakeNetworkAccessManager>();
    std::unique_ptr<FakeCredentialStore> store = std::make_unique<FakeCredentialStore>();
    std::unique_ptr<vigil::Session> session = std::make_unique<vigil::Session>();
    std::unique_ptr<vigil::ApiClient> api = std::make_unique<vigil::ApiClient>(nam.get(), session.get());
    std::unique_ptr<vigil::SignInFlow> flow =
        std::make_unique<vigil::SignInFlow>(api.get(), session.get(), store.get(), settings.get());

    // A service that signs anyone in (12 devices, 4 profiles) and knows nothing else: enough for a
    // test that only needs to reach the main window.
    void serveSignInOnly()
    {
        nam->setHandler([](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/auth/login"))
                return FakeResponse::json(200, TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
            if (request.path() == QLatin1String("/v1/me"))
                return FakeResponse::json(200, TestTokens::me(12, 4));
            return FakeResponse::error(404, "not_found");
        });
    }
};
